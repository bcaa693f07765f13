package com.rdsmigration.gateway.deployment;

import com.rdsmigration.gateway.deployment.Dockerfile.Instruction;
import com.rdsmigration.gateway.deployment.Dockerfile.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the stages of the Dockerfile without Docker: each stage's file system is a directory standing for its {@code /},
 * each {@code RUN} runs with bash in its {@code WORKDIR} on the JDK standing for the stage's image, and
 * {@code COPY --from} copies between those directories. What cannot run here is named and skipped on purpose:
 *
 * <ul>
 *   <li>the Maven package step ({@code ./mvnw ... package}), because this very Maven build has already packaged the
 *       jar: the stage's {@code target/} is this project's, and the rest of that {@code RUN} line runs as written;
 *   <li>creating the image's user ({@code groupadd}, {@code useradd}): that needs root, and the processes here run as
 *       whoever runs the build. {@code USER} is recorded so that a test can check it matches.
 * </ul>
 *
 * Any other instruction this class does not know fails the build, so that the Dockerfile cannot drift away from it.
 */
final class ImageBuild {

    private static final Pattern ENV_PAIR = Pattern.compile("(\\w+)=(\"([^\"]*)\"|(\\S+))");

    private final Path root;
    private final Path javaHome;
    private final Path project;
    private final Map<String, Path> stageRoots = new LinkedHashMap<>();

    private Path workdir;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private List<String> entrypoint = List.of();
    private String user;
    private final List<String> skipped = new ArrayList<>();

    ImageBuild(Path root, Path javaHome, Path project) {
        this.root = root;
        this.javaHome = javaHome;
        this.project = project;
    }

    /** Runs the stage's instructions in order; the last stage run is the image. */
    void run(Stage stage) throws IOException, InterruptedException {
        Path stageRoot = Files.createDirectories(root.resolve(stage.name()));
        stageRoots.put(stage.name(), stageRoot);
        workdir = stageRoot;
        environment.clear();
        entrypoint = List.of();
        for (Instruction instruction : stage.instructions()) {
            switch (instruction.keyword()) {
                case "WORKDIR" -> workdir = Files.createDirectories(inStage(stageRoot, instruction.arguments()));
                case "COPY" -> copy(instruction);
                case "RUN" -> run(instruction.withoutFlags());
                case "ENV" -> environment(instruction.arguments());
                case "USER" -> user = instruction.arguments();
                case "EXPOSE" -> {
                    // the port is the test's choice here (SERVER_PORT), as `docker run -p` would map it
                }
                case "ENTRYPOINT" ->
                    entrypoint = JsonMapper.shared()
                            .readValue(instruction.arguments(), new TypeReference<List<String>>() {});
                default ->
                    throw new IllegalStateException(
                            "ImageBuild does not know how to run " + instruction.keyword() + " without Docker");
            }
        }
    }

    Path workdir() {
        return workdir;
    }

    Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /** The entry point with {@code java} being the JDK that stands for the image's. */
    List<String> command() {
        List<String> command = new ArrayList<>(entrypoint);
        if (!command.isEmpty() && command.get(0).equals("java")) {
            command.set(0, javaHome.resolve("bin/java").toString());
        }
        return command;
    }

    String user() {
        return user;
    }

    /** What was skipped on purpose, for the test's report. */
    List<String> skipped() {
        return List.copyOf(skipped);
    }

    private void copy(Instruction instruction) throws IOException {
        String from = instruction.flag("from");
        String[] paths = instruction.withoutFlags().split("\\s+");
        if (from == null) {
            // Sources into the build stage: this build compiled and packaged them already.
            skipped.add("COPY " + instruction.arguments());
            return;
        }
        Path source = inStage(stageRoots.get(from), paths[0]);
        Path target = paths[1].startsWith("/") ? inStage(root, paths[1]) : workdir.resolve(paths[1]);
        copyTree(source, target);
    }

    private void run(String shell) throws IOException, InterruptedException {
        String command = shell.trim();
        if (command.startsWith("groupadd") || command.startsWith("useradd")) {
            skipped.add("RUN " + command);
            return;
        }
        if (command.contains("./mvnw")) {
            String[] steps = command.split("&&", 2);
            if (!steps[0].contains("package")) {
                throw new IllegalStateException("Expected the Maven package step, found: " + steps[0]);
            }
            skipped.add("RUN " + steps[0].trim() + " (this Maven build's package step)");
            Files.createSymbolicLink(workdir.resolve("target"), project.resolve("target"));
            if (steps.length == 1) {
                return;
            }
            command = steps[1].trim();
        }
        if (!command.startsWith("java ") && !command.startsWith("cp ")) {
            throw new IllegalStateException("ImageBuild does not know how to run without Docker: RUN " + command);
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command)
                .directory(workdir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        root.resolve("build.log").toFile()));
        builder.environment().clear();
        builder.environment().putAll(processEnvironment(Map.of()));
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("RUN " + command + " failed; see " + root.resolve("build.log"));
        }
    }

    /** The environment every process of the image gets: a clean one, as in a container, plus the image's ENV. */
    Map<String, String> processEnvironment(Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", javaHome.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        env.put("JAVA_HOME", javaHome.toString());
        env.put("HOME", workdir.toString());
        env.put("LANG", "C.UTF-8");
        env.putAll(environment);
        env.putAll(extra);
        return env;
    }

    private void environment(String arguments) {
        Matcher pair = ENV_PAIR.matcher(arguments);
        while (pair.find()) {
            environment.put(pair.group(1), pair.group(3) != null ? pair.group(3) : pair.group(4));
        }
    }

    private static Path inStage(Path stageRoot, String absolute) {
        return stageRoot.resolve(absolute.replaceFirst("^/+", ""));
    }

    private static void copyTree(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new IllegalStateException("COPY --from: no directory " + source);
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
