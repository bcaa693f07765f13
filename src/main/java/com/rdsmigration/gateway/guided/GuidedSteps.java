package com.rdsmigration.gateway.guided;

import com.rdsmigration.gateway.cloudmigration.CloudMigrations;
import com.rdsmigration.gateway.cloudmigration.CloudMigrations.Progress;
import com.rdsmigration.gateway.cloudmigration.MigrationSource;
import com.rdsmigration.gateway.cloudmigration.TaskStatus;
import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.UpstreamOutcome;
import com.rdsmigration.gateway.rds.RdsException;
import com.rdsmigration.gateway.rds.TransientRdsException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The steps that change a guided migration, each made from the status it was read in and recorded before the upstream
 * call it leads to. A failure that may pass (a throttled or unavailable upstream, a store that cannot be reached, a
 * create whose outcome is unknown) leaves the status as it was for the next step; a refusal ends the guided migration
 * FAILED with the reason.
 */
@Component
class GuidedSteps {

    private static final Logger log = LoggerFactory.getLogger(GuidedSteps.class);

    private final GuidedMigrationStore store;
    private final CloudMigrations migrations;
    private final SourcePasswords passwords;
    private final GuidedProperties properties;

    GuidedSteps(
            GuidedMigrationStore store,
            CloudMigrations migrations,
            SourcePasswords passwords,
            GuidedProperties properties) {
        this.store = store;
        this.migrations = migrations;
        this.passwords = passwords;
        this.properties = properties;
    }

    /** Creates the precheck whose id {@code guided} holds (once), then takes PRECHECKING. */
    Void createPrecheck(GuidedMigration guided) {
        UUID precheck = Objects.requireNonNull(guided.getPrecheckId());
        try {
            migrations.createPrecheck(
                    precheck, guided.getTeam(), guided.getTargetInstanceId(), source(guided), precheckName(guided));
        } catch (RuntimeException e) {
            return refusedOrLater(guided, GuidedStatus.PENDING, "precheck", e);
        }
        store.advance(
                guided.getId(),
                GuidedStatus.PENDING,
                found -> found.moveTo(GuidedStatus.PRECHECKING, store.now(), "precheck " + precheck + " created"));
        return null;
    }

    /**
     * The first precheck, created in the request that creates the guided migration: a refusal (which left nothing
     * upstream) is thrown to be answered; a create whose answer was lost is followed like any other.
     */
    void createPrecheckNow(GuidedMigration guided) {
        UUID precheck = Objects.requireNonNull(guided.getPrecheckId());
        try {
            migrations.createPrecheck(
                    precheck, guided.getTeam(), guided.getTargetInstanceId(), source(guided), precheckName(guided));
        } catch (ProblemException e) {
            if (!UpstreamOutcome.UNKNOWN.name().equals(e.properties().get(ProblemException.OUTCOME))) {
                throw e;
            }
        }
        store.advance(
                guided.getId(),
                GuidedStatus.PENDING,
                found -> found.moveTo(GuidedStatus.PRECHECKING, store.now(), "precheck " + precheck + " created"));
    }

    /** Creates the migration whose id {@code guided} holds (once), governed by it. */
    Void createMigration(GuidedMigration guided) {
        UUID migration = Objects.requireNonNull(guided.getMigrationId());
        try {
            migrations.createMigration(
                    migration,
                    guided.getId(),
                    guided.getTeam(),
                    guided.getTargetInstanceId(),
                    source(guided),
                    guided.getTaskName(),
                    Objects.requireNonNull(guided.getPrecheckId()));
        } catch (RuntimeException e) {
            return refusedOrLater(guided, GuidedStatus.MIGRATING, "migration", e);
        }
        return null;
    }

    /** What the migration shows while MIGRATING: its stage, and AWAITING_CUTOVER once it reaches increment. */
    void migrationSeen(GuidedMigration guided, Progress migration) {
        boolean accepted = migration.status() != TaskStatus.PENDING && migration.status() != TaskStatus.UNKNOWN;
        boolean waiting = CutoverGates.INCREMENT.equals(migration.stage()) || GuidedMigrationDriver.switched(migration);
        if (!waiting
                && !(accepted && guided.getSealedPassword() != null)
                && !guided.getReplication().differs(migration)) {
            return;
        }
        store.advance(guided.getId(), GuidedStatus.MIGRATING, found -> {
            found.observed(migration, store.now());
            if (accepted) {
                found.forgetPassword();
            }
            if (waiting) {
                found.moveTo(GuidedStatus.AWAITING_CUTOVER, store.now(), "the migration reached stage increment");
            }
        });
    }

    /** Records what the migration shows now, if anything changed; answers the guided migration as recorded. */
    GuidedMigration observed(GuidedMigration guided, Progress migration) {
        if (!guided.getReplication().differs(migration)) {
            return guided;
        }
        return store.advance(guided.getId(), guided.getStatus(), found -> found.observed(migration, store.now()))
                .orElse(guided);
    }

    /**
     * The cutover: SWITCHING is recorded (and so decided, once) before ActivateMigrationTargetInstance is sent; the
     * upstream's task id after. An Activate that provably was not sent (a stage other than increment on the fresh
     * read, a throttled or unreachable upstream) returns it to AWAITING_CUTOVER; one whose answer was lost stays
     * SWITCHING for {@link #settleLostActivate}; a refusal ends it FAILED.
     */
    void cutover(GuidedMigration guided) {
        String reason = guided.getCutoverRequestedBy() == null
                ? "no blocker left: the cutover starts"
                : "cutover started by " + guided.getCutoverRequestedBy()
                        + (guided.isCutoverAcceptLag() ? ", lag accepted" : "");
        if (store.advance(guided.getId(), GuidedStatus.AWAITING_CUTOVER, found -> {
                    found.cutoverStarted(store.now());
                    found.moveTo(GuidedStatus.SWITCHING, store.now(), reason);
                })
                .isEmpty()) {
            return;
        }
        Progress switched;
        try {
            switched = migrations.activate(Objects.requireNonNull(guided.getMigrationId()));
        } catch (TransientRdsException e) {
            if (e.outcomeUnknown()) {
                log.warn("Guided migration {}: the answer of its Activate was lost; it is settled", guided.getId());
            } else {
                back(guided, "ActivateMigrationTargetInstance was not sent: " + e.getMessage());
            }
            return;
        } catch (RdsException e) {
            end(
                    guided,
                    GuidedStatus.SWITCHING,
                    GuidedStatus.FAILED,
                    "the upstream refused the cutover: " + e.getMessage());
            return;
        } catch (ProblemException e) {
            back(guided, "ActivateMigrationTargetInstance was not sent: " + e.getMessage());
            return;
        }
        store.advance(guided.getId(), GuidedStatus.SWITCHING, found -> {
            found.observed(switched, store.now());
            if (switched.switchTaskId() != null) {
                found.switchAccepted(switched.switchTaskId());
            }
        });
    }

    /**
     * A SWITCHING guided migration whose Activate was never heard answered: the upstream is read. A stage past
     * increment shows that the Activate took effect; a stage still increment well after it was decided ({@code
     * gateway.guided.activation-settle}) shows that it never reached the upstream, so the cutover is held by its
     * gates again and decided anew. Never sent blindly twice.
     */
    void settleLostActivate(GuidedMigration guided) {
        Progress migration = migrations.readNow(Objects.requireNonNull(guided.getMigrationId()));
        Instant decided = Objects.requireNonNull(guided.getCutoverStartedAt());
        if (GuidedMigrationDriver.switched(migration)) {
            log.info("Guided migration {}: its Activate took effect upstream, its answer was lost", guided.getId());
            observed(guided, migration);
        } else if (decided.plus(properties.activationSettle()).isBefore(store.now())) {
            back(
                    guided,
                    "the upstream still shows stage " + migration.stage() + " "
                            + properties.activationSettle().toSeconds()
                            + " s after the Activate whose answer was lost: it"
                            + " never took effect");
        }
    }

    /** Ends (or stops) the guided migration in {@code next} from {@code expected}, with the reason. */
    void end(GuidedMigration guided, GuidedStatus expected, GuidedStatus next, @Nullable String reason) {
        store.advance(guided.getId(), expected, found -> found.moveTo(next, store.now(), reason));
    }

    private void back(GuidedMigration guided, String reason) {
        store.advance(
                guided.getId(),
                GuidedStatus.SWITCHING,
                found -> found.moveTo(GuidedStatus.AWAITING_CUTOVER, store.now(), reason));
    }

    private Void refusedOrLater(GuidedMigration guided, GuidedStatus expected, String what, RuntimeException e) {
        if (mayPass(e)) {
            log.info(
                    "Guided migration {}: its {} cannot be created now ({}); tried again",
                    guided.getId(),
                    what,
                    e.getMessage());
            return null;
        }
        end(guided, expected, GuidedStatus.FAILED, "the " + what + " was refused: " + e.getMessage());
        return null;
    }

    /** Whether a failure may pass by itself: throttled, unavailable, unknown outcome or an unreachable store. */
    static boolean mayPass(RuntimeException e) {
        if (e instanceof TransientRdsException || e instanceof DataAccessException) {
            return true;
        }
        if (e instanceof ProblemException problem) {
            int status = problem.problemType().status().value();
            return status == 429 || status == 503 || status == 502;
        }
        return false;
    }

    private MigrationSource source(GuidedMigration guided) {
        byte[] sealed = guided.getSealedPassword();
        if (sealed == null) {
            throw new IllegalStateException("The source password of guided migration " + guided.getId() + " is gone");
        }
        MigrationSource source = guided.getSource();
        return new MigrationSource(
                source.host(),
                source.port(),
                source.account(),
                passwords.open(guided.getId(), sealed),
                source.category());
    }

    /** The first precheck takes the task name; a retry's the name with {@code -2}, {@code -3} ... */
    private static String precheckName(GuidedMigration guided) {
        long attempt = guided.getHistory().stream()
                .filter(entry -> entry.getStatus() == GuidedStatus.PRECHECK_FAILED)
                .count();
        if (attempt == 0) {
            return guided.getTaskName();
        }
        String suffix = "-" + (attempt + 1);
        String name = guided.getTaskName();
        return name.substring(0, Math.min(name.length(), 64 - suffix.length())) + suffix;
    }
}
