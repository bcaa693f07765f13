package com.rdsmigration.gateway.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK on this machine of the Java version a container image name carries ({@code eclipse-temurin:25-jre}):
 * the test's own when it matches, else {@code IMAGE_JAVA_HOME}, {@code JAVA_HOME} or one under {@code /usr/lib/jvm}.
 * Without one the test fails and says what to install; it never passes by running another version.
 */
final class Jdks {

    private static final Pattern IMAGE_VERSION = Pattern.compile(":(\\d+)\\b");
    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private Jdks() {}

    static Path forImage(String image) {
        Matcher matcher = IMAGE_VERSION.matcher(image);
        if (!matcher.find()) {
            throw new IllegalStateException("No Java version in the image name " + image);
        }
        int feature = Integer.parseInt(matcher.group(1));
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        Stream.of(System.getenv("IMAGE_JAVA_HOME"), System.getenv("JAVA_HOME"))
                .filter(home -> home != null && !home.isBlank())
                .map(Path::of)
                .forEach(candidates::add);
        Path installed = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> homes = Files.list(installed)) {
                homes.sorted().forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return candidates.stream()
                .filter(home ->
                        version(home).filter(version -> version == feature).isPresent())
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The image runs on Java " + feature + " (" + image
                        + ") and no JDK " + feature + " is installed here: install one under /usr/lib/jvm or point"
                        + " IMAGE_JAVA_HOME at it."));
    }

    private static Optional<Integer> version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher matcher = RELEASE_VERSION.matcher(Files.readString(release));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
