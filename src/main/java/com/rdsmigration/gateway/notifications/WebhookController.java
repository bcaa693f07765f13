package com.rdsmigration.gateway.notifications;

import static com.rdsmigration.gateway.system.ProblemAnswer.NOT_FOUND;

import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.system.PageResponse;
import com.rdsmigration.gateway.system.ProblemAnswers;
import com.rdsmigration.gateway.system.ProblemCase;
import com.rdsmigration.gateway.system.ProblemType;
import com.rdsmigration.gateway.system.ShownOnce;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Webhooks",
        description = "Have every change of a precheck or migration (status, stage, replication state) POSTed to your"
                + " URL, once per change, signed as Standard Webhooks (standardwebhooks.com) says: headers"
                + " webhook-id, webhook-timestamp and webhook-signature, verifiable with any Standard Webhooks"
                + " library and the subscription's signing secret; retried with backoff until your receiver answers"
                + " 2xx.")
class WebhookController {

    private final WebhookService service;

    WebhookController(WebhookService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(
            operationId = "createWebhook",
            summary = "Register a webhook for one task or for every task of your team",
            description = "The answer holds the subscription's signingSecret, shown this once only.")
    @ApiResponse(responseCode = "201", description = "Created; `Location` names it.", useReturnTypeSchema = true)
    @ProblemCase(
            type = ProblemType.VALIDATION_FAILED,
            name = "urlNotAllowed",
            when = "The URL is not https (where the gateway requires it), names a host the gateway does not allow,"
                    + " or holds user information; `errors` says which.",
            detail = "The request has 1 invalid field(s).")
    @ProblemCase(
            type = ProblemType.CONFLICT,
            name = "tooManyWebhooks",
            when = "Your team has as many webhooks as it may (`gateway.webhooks.max-subscriptions-per-team`).",
            detail = "Team team-a has 100 webhook subscriptions, the most it may have; delete one first.")
    @ProblemCase(
            type = ProblemType.UNPROCESSABLE,
            name = "taskNotVisible",
            when = "`taskId` names no precheck or migration you can see.",
            detail = "taskId names no precheck or migration you can see.")
    ResponseEntity<WebhookResponse> create(
            @AuthenticationPrincipal Caller caller,
            @Valid @RequestBody CreateWebhookRequest request,
            HttpServletRequest http) {
        ShownOnce.fields(http, "signingSecret");
        WebhookResponse created = service.register(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getWebhook",
            summary = "Read a webhook and how its deliveries went",
            description = "Without its signing secret, which only the create's answer shows.")
    @ProblemAnswers(NOT_FOUND)
    WebhookResponse get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return service.get(caller, id);
    }

    @GetMapping
    @Operation(
            operationId = "listWebhooks",
            summary = "List your team's webhooks, newest first",
            description = "A page of your team's webhooks (every team's for administrators), without their signing"
                    + " secrets.")
    PageResponse<WebhookResponse> list(
            @AuthenticationPrincipal Caller caller,
            @Parameter(description = "Page number, from 0.") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000)
                    int page,
            @Parameter(description = "Items per page, 1..200 (default 20).")
                    @RequestParam(defaultValue = "20")
                    @Min(1)
                    @Max(200)
                    int size) {
        return PageResponse.of(service.list(caller, page, size), item -> item);
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "deleteWebhook",
            summary = "Remove a webhook; its deliveries not yet sent are dropped",
            description = "Deliveries already on their way may still arrive.")
    @ApiResponse(responseCode = "204", description = "Removed.")
    @ProblemAnswers(NOT_FOUND)
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        service.delete(caller, id);
        return ResponseEntity.noContent().build();
    }
}
