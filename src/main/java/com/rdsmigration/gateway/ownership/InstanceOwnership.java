package com.rdsmigration.gateway.ownership;

import com.rdsmigration.gateway.audit.RefusedCalls;
import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import com.rdsmigration.gateway.rds.TransientRdsException;
import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.security.TeamSettings;
import com.rdsmigration.gateway.security.Teams;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refuses a call that names an instance its caller's team does not own, before anything is sent or stored. A team
 * owns what its block lists by id or pattern, and, when it lists resource groups, every instance of those groups;
 * admins own every instance. A call whose instance's group cannot be read now is refused with 503 rather than guessed.
 */
@Component
public class InstanceOwnership {

    private static final Logger log = LoggerFactory.getLogger(InstanceOwnership.class);

    private final Teams teams;
    private final ResourceGroups groups;
    private final RefusedCalls refusals;
    private final OwnershipProperties properties;

    InstanceOwnership(Teams teams, ResourceGroups groups, RefusedCalls refusals, OwnershipProperties properties) {
        this.teams = teams;
        this.groups = groups;
        this.refusals = refusals;
        this.properties = properties;
    }

    /**
     * Passes when {@code caller} owns every instance of {@code instances} (the upstream parameter that would carry each
     * id, such as {@code DBInstanceId}, to the id); else records a {@code REFUSED} audit event of {@code action} and
     * throws the problem to answer.
     */
    public void requireOwned(Caller caller, String action, Map<String, String> instances) {
        if (caller.admin()) {
            return;
        }
        Optional<TeamSettings> team = teams.of(caller.team());
        for (String instanceId : instances.values()) {
            if (!owns(caller, team, action, instances, instanceId)) {
                refusals.record(
                        caller,
                        action,
                        instances,
                        ProblemType.INSTANCE_NOT_OWNED.status().value());
                throw new ProblemException(
                                ProblemType.INSTANCE_NOT_OWNED,
                                "Instance " + instanceId + " is not one of team " + caller.team()
                                        + "'s instances; nothing was sent upstream.")
                        .with("instanceId", instanceId);
            }
        }
    }

    private boolean owns(
            Caller caller,
            Optional<TeamSettings> team,
            String action,
            Map<String, String> instances,
            String instanceId) {
        if (team.isEmpty()) {
            return false;
        }
        TeamSettings settings = team.get();
        if (settings.listsInstance(instanceId)) {
            return true;
        }
        if (settings.resourceGroups().isEmpty()) {
            return false;
        }
        try {
            return groups.of(instanceId)
                    .filter(settings.resourceGroups()::contains)
                    .isPresent();
        } catch (TransientRdsException e) {
            if (e.refusal() == TransientRdsException.Refusal.RATE_LIMITED
                    || e.refusal() == TransientRdsException.Refusal.QUOTA_EXCEEDED) {
                refusals.record(caller, action, instances, 429);
                throw e; // the caller's own limit: 429 with its Retry-After, as for any other call
            }
            throw unknown(caller, action, instances, instanceId, e);
        } catch (RuntimeException e) {
            throw unknown(caller, action, instances, instanceId, e);
        }
    }

    private ProblemException unknown(
            Caller caller, String action, Map<String, String> instances, String instanceId, RuntimeException e) {
        log.warn(
                "Cannot learn the resource group of instance {} for team {}: {}",
                instanceId,
                caller.team(),
                e.getClass().getSimpleName());
        refusals.record(
                caller,
                action,
                instances,
                ProblemType.OWNERSHIP_UNKNOWN.status().value());
        return new ProblemException(
                        ProblemType.OWNERSHIP_UNKNOWN,
                        "Whether instance " + instanceId + " belongs to team " + caller.team() + " cannot be"
                                + " checked now (its resource group could not be read upstream); nothing was sent.")
                .with("instanceId", instanceId)
                .retryAfter(properties.retryAfter());
    }
}
