package com.rdsmigration.gateway.notifications;

import com.rdsmigration.gateway.cloudmigration.CloudMigrationOwners;
import com.rdsmigration.gateway.guided.GuidedMigrationOwners;
import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import com.rdsmigration.gateway.security.Caller;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Registers, lists and removes a team's webhook subscriptions. A subscription belongs to the caller's team; another
 * team's answers 404 (admins see all). A task the caller cannot see, whether it exists or not, answers the same 422.
 */
@Service
class WebhookService {

    private final SubscriptionStore store;
    private final DeliveryOutbox outbox;
    private final WebhookUrlPolicy policy;
    private final WebhookSigner signer;
    private final CloudMigrationOwners owners;
    private final GuidedMigrationOwners guidedOwners;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookService(
            SubscriptionStore store,
            DeliveryOutbox outbox,
            WebhookUrlPolicy policy,
            WebhookSigner signer,
            CloudMigrationOwners owners,
            GuidedMigrationOwners guidedOwners,
            WebhookProperties properties,
            Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.policy = policy;
        this.signer = signer;
        this.owners = owners;
        this.guidedOwners = guidedOwners;
        this.properties = properties;
        this.clock = clock;
    }

    /** The new subscription with its signing secret, which is shown this once. */
    WebhookResponse register(Caller caller, CreateWebhookRequest request) {
        String url = Objects.requireNonNull(request.url()).trim();
        policy.refusal(url).ifPresent(reason -> {
            throw invalid("url", reason);
        });
        UUID task = request.taskId();
        if (task != null
                && !owners.teamOf(task)
                        .or(() -> guidedOwners.teamOf(task))
                        .map(caller::canAccess)
                        .orElse(false)) {
            throw new ProblemException(
                            ProblemType.UNPROCESSABLE,
                            "taskId names no precheck, migration or guided migration you can see.")
                    .with("errors", List.of(Map.of("field", "taskId", "message", "is not a task of yours")));
        }
        if (store.count(caller.team()) >= properties.maxSubscriptionsPerTeam()) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "Team " + caller.team() + " has " + properties.maxSubscriptionsPerTeam()
                            + " webhook subscriptions, the most it may have; delete one first.");
        }
        Subscription subscription = new Subscription(
                UUID.randomUUID(), caller.team(), url, task, clock.instant().truncatedTo(ChronoUnit.MICROS));
        store.insert(subscription);
        return WebhookResponse.of(subscription, DeliveryStats.NONE, signer.secretOf(subscription.id()));
    }

    WebhookResponse get(Caller caller, UUID id) {
        Subscription subscription = visible(caller, id);
        return WebhookResponse.of(subscription, outbox.stats(List.of(id)).getOrDefault(id, DeliveryStats.NONE), null);
    }

    Page<WebhookResponse> list(Caller caller, int page, int size) {
        String team = caller.admin() ? null : caller.team();
        List<Subscription> subscriptions = store.page(team, page, size);
        Map<UUID, DeliveryStats> stats =
                outbox.stats(subscriptions.stream().map(Subscription::id).toList());
        List<WebhookResponse> items = subscriptions.stream()
                .map(subscription -> WebhookResponse.of(
                        subscription, stats.getOrDefault(subscription.id(), DeliveryStats.NONE), null))
                .toList();
        return new PageImpl<>(items, PageRequest.of(page, size), store.count(team));
    }

    /** Removes the subscription and its deliveries not yet sent. */
    void delete(Caller caller, UUID id) {
        store.delete(visible(caller, id).id());
    }

    private Subscription visible(Caller caller, UUID id) {
        return store.find(id)
                .filter(subscription -> caller.canAccess(subscription.team()))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No webhook " + id + "."));
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The request has 1 invalid field(s).")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }
}
