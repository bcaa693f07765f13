package com.rdsmigration.gateway.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's Dockerfile read as Docker reads it: comments dropped, continued lines joined, build arguments
 * substituted into {@code FROM}, instructions grouped by stage. Just enough of the format for the file we write.
 */
record Dockerfile(List<Stage> stages) {

    private static final Pattern ARGUMENT = Pattern.compile("\\$\\{(\\w+)}");

    static Dockerfile read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile parse(List<String> lines) {
        Map<String, String> arguments = new LinkedHashMap<>();
        List<Stage> stages = new ArrayList<>();
        for (String line : logicalLines(lines)) {
            String[] parts = line.split("\\s+", 2);
            String keyword = parts[0].toUpperCase();
            String rest = parts.length > 1 ? parts[1].trim() : "";
            if (keyword.equals("ARG") && stages.isEmpty()) {
                String[] nameAndDefault = rest.split("=", 2);
                arguments.put(nameAndDefault[0], nameAndDefault.length > 1 ? nameAndDefault[1] : "");
            } else if (keyword.equals("FROM")) {
                String[] imageAndName = substitute(rest, arguments).split("(?i)\\s+AS\\s+");
                stages.add(new Stage(imageAndName[1].trim(), imageAndName[0].trim(), new ArrayList<>()));
            } else if (stages.isEmpty()) {
                throw new IllegalStateException("Dockerfile instruction before FROM: " + line);
            } else {
                stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, rest));
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    Stage stage(String name) {
        return stages.stream()
                .filter(stage -> stage.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no stage " + name + " in the Dockerfile"));
    }

    /** Comment lines out, lines ending in a backslash joined with the next (Docker drops comments inside them too). */
    private static List<String> logicalLines(List<String> lines) {
        List<String> logical = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                current.append(line);
                logical.add(current.toString().trim());
                current.setLength(0);
            }
        }
        return logical;
    }

    private static String substitute(String text, Map<String, String> arguments) {
        Matcher matcher = ARGUMENT.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(arguments.getOrDefault(matcher.group(1), "")));
        }
        return matcher.appendTail(result).toString();
    }

    /** One build stage: {@code FROM <image> AS <name>} and what follows it. */
    record Stage(String name, String image, List<Instruction> instructions) {}

    /** One instruction, e.g. {@code RUN} and its shell command with any {@code --mount=...} flags removed. */
    record Instruction(String keyword, String arguments) {

        /** The arguments without leading {@code --flag=...} options ({@code RUN --mount}, {@code COPY --from}). */
        String withoutFlags() {
            return arguments.replaceFirst("^(--\\S+\\s+)+", "");
        }

        /** The value of a leading {@code --name=value} flag, e.g. COPY's {@code --from}. */
        String flag(String name) {
            Matcher matcher = Pattern.compile("(?:^|\\s)--" + name + "=(\\S+)").matcher(arguments);
            return matcher.find() ? matcher.group(1) : null;
        }
    }
}
