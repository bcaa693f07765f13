package com.rdsmigration.gateway.system;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adds a problem to an operation's documented answers: under its status, with an example of its own, beside the other
 * problems of that status, whose descriptions it joins. Any module documenting what its code answers uses it, so that
 * every problem answer looks the same in the document.
 */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String SCHEMA_REF = "#/components/schemas/" + ProblemSchema.NAME;
    static final String EXAMPLE_REQUEST_ID = "b7f2c1d0-4e3a-4f0e-9a51-0c2d7e8f9a10";

    private ProblemResponses() {}

    /**
     * One situation that ends in a problem.
     *
     * @param type the problem's type, which gives its status and title
     * @param name the example's key in the document (camelCase)
     * @param when when the problem comes, in a sentence
     * @param detail the {@code detail} of the example
     * @param retryAfter whether the answer carries {@code Retry-After}
     * @param members the example's extension members, such as {@code upstreamCode}
     */
    public record Case(
            ProblemType type,
            String name,
            String when,
            String detail,
            boolean retryAfter,
            Map<String, Object> members) {

        public Case(ProblemType type, String name, String when, String detail, boolean retryAfter) {
            this(type, name, when, detail, retryAfter, Map.of());
        }
    }

    /** An example's members in the order given, so that the document reads the same on every start. */
    public static Map<String, Object> members(Object... namesAndValues) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return members;
    }

    /** Documents {@code problem} as one of the operation's answers. */
    public static void add(Operation operation, Case problem) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        String status = Integer.toString(problem.type().status().value());
        ApiResponse response = operation.getResponses().computeIfAbsent(status, key -> new ApiResponse());
        if (response.getContent() == null) {
            response.setContent(new Content());
        }
        MediaType media = response.getContent().computeIfAbsent(MEDIA_TYPE, key -> new MediaType());
        media.setSchema(new Schema<>().$ref(SCHEMA_REF));
        if (problem.retryAfter()) {
            response.addHeaderObject(
                    OpenApiConfiguration.RETRY_AFTER,
                    new Header().$ref("#/components/headers/" + OpenApiConfiguration.RETRY_AFTER));
        }
        if (media.getExamples() != null && media.getExamples().containsKey(problem.name())) {
            return;
        }
        media.addExamples(
                problem.name(),
                new Example()
                        .summary(words(problem.name()))
                        .description(problem.when())
                        .value(body(problem)));
        response.setDescription(description(media.getExamples()));
    }

    private static Map<String, Object> body(Case problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type().type().toString());
        body.put("title", problem.type().title());
        body.put("status", problem.type().status().value());
        body.put("detail", problem.detail());
        body.put("requestId", EXAMPLE_REQUEST_ID);
        body.putAll(problem.members());
        return body;
    }

    /** The response's description: the one situation, or a list of them. */
    private static String description(Map<String, Example> examples) {
        List<String> situations = new ArrayList<>();
        examples.values().forEach(example -> situations.add(example.getDescription()));
        return situations.size() == 1 ? situations.get(0) : "- " + String.join("\n- ", situations);
    }

    /** {@code instanceNotOwned}: "Instance not owned". */
    private static String words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
