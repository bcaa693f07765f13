package com.rdsmigration.gateway.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document as the contract of every HTTP exchange the tests make with the API: {@link HttpTestClient}
 * hands each exchange with a path under {@code /api/} to {@link #check}, which validates it against the committed
 * document {@code docs/openapi.json}, and fails the test on any mismatch: an undocumented operation, status, header or
 * content type, a body the schema does not allow (a {@code null} where the document promises a string, say, or a
 * missing required field). {@code ApiDocumentLintTests} keeps the committed document equal to the one the gateway
 * serves at {@code /v3/api-docs}, so it is read and parsed once for the whole suite rather than generated and parsed
 * again by every gateway a test starts.
 *
 * <p>Two libraries share the work. Atlassian's swagger-request-validator finds the operation and checks statuses,
 * parameters, headers and content types; its schema checks read OpenAPI 3.0 only (JSON Schema draft 4, and the
 * parser's 3.1 models lose the {@code type} of a schema), so the bodies are checked instead by networknt's
 * json-schema-validator with the OpenAPI 3.1 dialect, against the document's own schema of that operation, answer
 * and media type.
 *
 * <p>Answers are checked whatever their status, problems included. Requests are checked when the gateway accepted
 * them (2xx): a test that sends a bad request on purpose expects the gateway to refuse it, and the refusal is checked;
 * but a request the document forbids and the gateway accepts is a mismatch too.
 */
public final class OpenApiContract {

    /** The contract, as the API's clients read it. */
    static final Path DOCUMENT = Path.of("docs", "openapi.json");

    private OpenApiContract() {}

    /** Whether the exchange is one the document describes: the API's own paths. */
    static boolean covers(URI uri) {
        String path = uri.getRawPath();
        return path != null && path.startsWith("/api/");
    }

    /** Fails with every mismatch between the exchange and the document. */
    static void check(HttpRequest request, HttpResponse<String> response) {
        OpenApiInteractionValidator validator = Contract.VALIDATOR;
        Request validated = request(request);
        SimpleResponse answer = response(response);
        boolean accepted = response.statusCode() / 100 == 2;
        ValidationReport report = accepted
                ? validator.validate(validated, answer)
                : validator.validateResponse(validated.getPath(), validated.getMethod(), answer);
        if (!accepted) {
            // A refusal of a path or method the document does not have (a 404 or 405 for a made-up resource) has no
            // operation to be checked against; an accepted call there would be an undocumented operation, an error.
            report = ValidationReport.from(report.getMessages().stream()
                    .filter(message -> !message.getKey().startsWith("validation.request.path.missing")
                            && !message.getKey().startsWith("validation.request.operation.notAllowed"))
                    .toList());
        }
        if (report.hasErrors()) {
            throw new AssertionError("The exchange does not match the OpenAPI document:\n  "
                    + request.method() + " " + request.uri() + " -> " + response.statusCode() + "\n  "
                    + report.getMessages().stream()
                            .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                            .map(message -> message.getKey() + ": " + message.getMessage())
                            .collect(Collectors.joining("\n  "))
                    + "\n  answer: " + abbreviated(response.body()));
        }
    }

    /** The validator of the committed document, made on first use (a holder class: once per JVM, thread-safe). */
    private static final class Contract {

        static final OpenApiInteractionValidator VALIDATOR = validatorOf(read());

        private static String read() {
            try {
                return Files.readString(DOCUMENT);
            } catch (IOException e) {
                throw new UncheckedIOException("No OpenAPI document at " + DOCUMENT.toAbsolutePath(), e);
            }
        }

        private static OpenApiInteractionValidator validatorOf(String document) {
            BodySchemas bodies = new BodySchemas(document);
            return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.body.schema", ValidationReport.Level.IGNORE)
                            .withLevel("validation.response.body.schema", ValidationReport.Level.IGNORE)
                            .build())
                    .withCustomRequestValidation(bodies::checkRequest)
                    .withCustomResponseValidation(bodies::checkResponse)
                    .build();
        }
    }

    private static Request request(HttpRequest request) {
        SimpleRequest.Builder builder =
                new SimpleRequest.Builder(request.method(), request.uri().getRawPath());
        request.headers().map().forEach(builder::withHeader);
        String query = request.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                builder.withQueryParam(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        String body = body(request);
        if (body != null) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static SimpleResponse response(HttpResponse<String> response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(builder::withHeader);
        if (!response.body().isEmpty()) {
            builder.withBody(response.body());
        }
        return builder.build();
    }

    /** The request's body as sent: a publisher of a string or bytes publishes the same on every subscription. */
    private static @Nullable String body(HttpRequest request) {
        return request.bodyPublisher()
                .filter(publisher -> publisher.contentLength() > 0)
                .map(publisher -> {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    publisher.subscribe(new Flow.Subscriber<ByteBuffer>() {
                        @Override
                        public void onSubscribe(Flow.Subscription subscription) {
                            subscription.request(Long.MAX_VALUE);
                        }

                        @Override
                        public void onNext(ByteBuffer item) {
                            byte[] chunk = new byte[item.remaining()];
                            item.get(chunk);
                            bytes.writeBytes(chunk);
                        }

                        @Override
                        public void onError(Throwable throwable) {}

                        @Override
                        public void onComplete() {}
                    });
                    return bytes.toString(StandardCharsets.UTF_8);
                })
                .orElse(null);
    }

    /** The bodies' schemas of the served document, read with the OpenAPI 3.1 dialect (JSON Schema 2020-12). */
    private static final class BodySchemas {

        private static final String LOCATION = "https://gateway.test/v3/api-docs";
        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final JsonNode document;
        private final SchemaRegistry registry;
        private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

        BodySchemas(String document) {
            this.document = JSON.readTree(document);
            this.registry = SchemaRegistry.withDefaultDialect(
                    Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(LOCATION, document)));
        }

        ValidationReport checkRequest(Request request, ApiOperation operation) {
            return check(
                    "request",
                    request.getBody(),
                    request.getContentType(),
                    operationPointer(operation) + "/requestBody");
        }

        ValidationReport checkResponse(Response response, ApiOperation operation) {
            String responses = operationPointer(operation) + "/responses/";
            String status = Integer.toString(response.getStatus());
            String answer = document.at(responses + status).isMissingNode() ? "default" : status;
            return check("response", text(response.getResponseBody()), response.getContentType(), responses + answer);
        }

        private ValidationReport check(
                String side, Optional<String> body, Optional<String> contentType, String pointer) {
            if (body.isEmpty() || body.get().isBlank() || contentType.isEmpty()) {
                return ValidationReport.empty();
            }
            String mediaType = contentType.get().replaceFirst(";.*$", "").trim();
            String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
            if (document.at(schemaPointer).isMissingNode()) {
                return ValidationReport.empty(); // an undocumented status or media type: reported by the validator
            }
            Schema schema = schemas.computeIfAbsent(
                    schemaPointer, at -> registry.getSchema(SchemaLocation.of(LOCATION + "#" + at)));
            List<Error> errors = schema.validate(JSON.readTree(body.get()));
            return ValidationReport.from(errors.stream()
                    .map(error -> ValidationReport.Message.create(
                                    "validation." + side + ".body.openapi31", error.toString())
                            .build())
                    .toList());
        }

        private static Optional<String> text(Optional<Body> body) {
            return body.filter(Body::hasBody).map(content -> {
                try {
                    return content.toString(StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        private static String operationPointer(ApiOperation operation) {
            return "/paths/" + escape(operation.getApiPath().original()) + "/"
                    + operation.getMethod().name().toLowerCase(Locale.ROOT);
        }

        /** A JSON Pointer's reference token (RFC 6901). */
        private static String escape(String token) {
            return token.replace("~", "~0").replace("/", "~1");
        }
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "...";
    }
}
