package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.simulator.SimulatorProperties.InstanceSettings;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Which RDS instances exist. Any id starting {@code rm-} is a Running SQL Server instance and any id starting
 * {@code pgm-} a Running PostgreSQL one, in the account's default resource group, unless the settings (or an override
 * set through the control API) say otherwise; every other id is unknown. Checks answer the codes RDS uses for a wrong
 * engine or a wrong state. An override may also impose a replication state and lag on the instance's migrations
 * ({@link ReplicationOverride}). At most {@code rds.simulator.max-instance-overrides} instances are changed at run
 * time: a change to one more is refused rather than an older change forgotten, which would silently turn a stopped or
 * moved instance back into a running one in the default group.
 */
final class InstanceDirectory {

    static final String RUNNING = "Running";
    static final String DEFAULT_RESOURCE_GROUP = "rg-default";

    /** One instance as the simulator sees it. */
    record Instance(String id, Engine engine, String status, String resourceGroupId) {}

    private final Map<String, InstanceSettings> configured;
    private final Map<String, InstanceSettings> overrides = new ConcurrentHashMap<>();
    /** Only for ids that {@link #overrides} holds too, so that its size bounds both. */
    private final Map<String, ReplicationOverride> replication = new ConcurrentHashMap<>();

    private final int maxOverrides;

    InstanceDirectory(Map<String, InstanceSettings> configured) {
        this(configured, Integer.MAX_VALUE);
    }

    InstanceDirectory(Map<String, InstanceSettings> configured, int maxOverrides) {
        this.configured = Map.copyOf(configured);
        this.maxOverrides = maxOverrides;
    }

    /** The instance, if it exists; else {@code InvalidDBInstanceId.NotFound}. */
    Instance require(String id) {
        Instance instance = find(id);
        if (instance == null) {
            throw RdsError.instanceNotFound();
        }
        return instance;
    }

    /** The instance, if it exists and has {@code engine}; when {@code mustRun}, it must also be Running. */
    Instance require(String id, Engine engine, boolean mustRun) {
        Instance instance = require(id);
        if (instance.engine() != engine) {
            throw new RdsError(
                    403, "IncorrectDBInstanceType", "The database instance type does not support the operation.");
        }
        if (mustRun && !RUNNING.equals(instance.status())) {
            throw new RdsError(
                    500, "IncorrectDBInstanceState", "The operation is not permitted due to status of instance.");
        }
        return instance;
    }

    @Nullable
    Instance find(String id) {
        InstanceSettings settings = overrides.getOrDefault(id, configured.get(id));
        Engine byPrefix = engineByPrefix(id);
        if (settings == null) {
            return byPrefix == null ? null : new Instance(id, byPrefix, RUNNING, DEFAULT_RESOURCE_GROUP);
        }
        Engine engine = settings.engine() != null ? settings.engine() : byPrefix;
        String group = hasText(settings.resourceGroupId()) ? settings.resourceGroupId() : DEFAULT_RESOURCE_GROUP;
        return engine == null ? null : new Instance(id, engine, settings.status(), group);
    }

    /** Changes an instance's engine, status and resource group, as the longer form does, keeping its replication. */
    boolean override(String id, @Nullable Engine engine, @Nullable String status, @Nullable String resourceGroupId) {
        return override(id, engine, status, resourceGroupId, ReplicationOverride.NONE);
    }

    /**
     * Changes an instance at run time. An engine, status or resource group left out ({@code null} or blank) takes the
     * instance's configured value, or the default when the settings do not name the instance; a replication state or
     * lag left out keeps the value an earlier change gave it, if any. {@code false}, and nothing changed, when the
     * instance was not changed before and {@code maxOverrides} already are.
     */
    synchronized boolean override(
            String id,
            @Nullable Engine engine,
            @Nullable String status,
            @Nullable String resourceGroupId,
            ReplicationOverride replicationUpdate) {
        if (!overrides.containsKey(id) && overrides.size() >= maxOverrides) {
            return false;
        }
        InstanceSettings base = configured.get(id);
        overrides.put(
                id,
                new InstanceSettings(
                        engine != null ? engine : base == null ? null : base.engine(),
                        hasText(status) ? status : base == null ? RUNNING : base.status(),
                        hasText(resourceGroupId) ? resourceGroupId : base == null ? null : base.resourceGroupId()));
        replication.put(id, replication(id).with(replicationUpdate));
        return true;
    }

    /** The replication state and lag imposed on the instance's migrations; {@link ReplicationOverride#NONE} if none. */
    ReplicationOverride replication(String id) {
        return replication.getOrDefault(id, ReplicationOverride.NONE);
    }

    int maxOverrides() {
        return maxOverrides;
    }

    Map<String, InstanceSettings> overrides() {
        return new TreeMap<>(overrides);
    }

    synchronized void clearOverrides() {
        overrides.clear();
        replication.clear();
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static @Nullable Engine engineByPrefix(String id) {
        if (id.startsWith("rm-")) {
            return Engine.SQL_SERVER;
        }
        if (id.startsWith("pgm-")) {
            return Engine.POSTGRESQL;
        }
        return null;
    }
}
