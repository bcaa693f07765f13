package com.rdsmigration.gateway.simulator;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The simulator's control API, for tests and demos, not part of the gateway's API (so hidden from its OpenAPI
 * description): the faults to inject, the log of calls received, per-instance engine, status, resource group,
 * replication state and replay lag overrides, and a reset. Exists only while the simulator is enabled; with profile {@code prod} it needs an
 * administrator (the gateway's security configuration says so). Its bodies are held to the gateway's size limit.
 */
@Hidden
@RestController
@ConditionalOnSimulator
@RequestMapping("/rds-simulator/_control")
class SimulatorControlController {

    /**
     * An instance override as PUT: the engine, the status and the resource group, each one left out taking the value
     * the settings give the instance, else the default (the engine its id prefix implies, {@code Running},
     * {@code rg-default}); and the replication state and replay lag its migrations show in {@code startup} and
     * {@code increment}, each one left out keeping the value an earlier PUT gave it (none at first: the stage's own).
     */
    record InstanceRequest(
            @Nullable Engine engine,
            @Nullable @Size(max = MAX_TEXT) String status,
            @Nullable @Size(max = MAX_TEXT) String resourceGroupId,
            @Nullable ReplicationState replicationState,
            @Nullable @Min(0) @Max(MAX_REPLAY_LAG_SECONDS) Integer replayLagSeconds) {}

    /** The longest instance id, status or resource group kept per override: each is kept until a reset. */
    static final int MAX_TEXT = 128;

    /** The largest replay lag an override may set: a day. */
    static final int MAX_REPLAY_LAG_SECONDS = 86_400;

    /**
     * An instance as the simulator now sees it; status {@code NotFound} for an id that names no instance. The
     * replication state and replay lag are the ones set through this API, {@code null} where none is.
     */
    record InstanceView(
            String id,
            @Nullable Engine engine,
            String status,
            @Nullable String resourceGroupId,
            @Nullable ReplicationState replicationState,
            @Nullable Integer replayLagSeconds) {}

    private final FaultInjector faults;
    private final CallLog calls;
    private final InstanceDirectory instances;
    private final SimulatorReset reset;

    SimulatorControlController(FaultInjector faults, CallLog calls, InstanceDirectory instances, SimulatorReset reset) {
        this.faults = faults;
        this.calls = calls;
        this.instances = instances;
        this.reset = reset;
    }

    @GetMapping("/faults")
    FaultSettings faults() {
        return faults.settings();
    }

    @PutMapping("/faults")
    FaultSettings replaceFaults(@Valid @RequestBody FaultSettings settings) {
        faults.replace(settings);
        return faults.settings();
    }

    @GetMapping("/calls")
    CallLog.Snapshot calls() {
        return calls.snapshot();
    }

    @GetMapping("/instances")
    List<InstanceView> instances() {
        return instances.overrides().keySet().stream().map(this::view).toList();
    }

    @GetMapping("/instances/{id}")
    ResponseEntity<InstanceView> instance(@PathVariable String id) {
        return instances.find(id) == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(view(id));
    }

    @PutMapping("/instances/{id}")
    InstanceView putInstance(
            @PathVariable @NotBlank @Size(max = MAX_TEXT) String id, @Valid @RequestBody InstanceRequest request) {
        ReplicationOverride replication =
                new ReplicationOverride(request.replicationState(), request.replayLagSeconds());
        if (!instances.override(id, request.engine(), request.status(), request.resourceGroupId(), replication)) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "The simulator already has " + instances.maxOverrides() + " changed instances"
                            + " (rds.simulator.max-instance-overrides); reset it before changing another.");
        }
        return view(id);
    }

    @PostMapping("/reset")
    ResponseEntity<Void> reset() {
        reset.run();
        return ResponseEntity.noContent().build();
    }

    private InstanceView view(String id) {
        InstanceDirectory.Instance instance = instances.find(id);
        ReplicationOverride replication = instances.replication(id);
        return instance == null
                ? new InstanceView(id, null, "NotFound", null, replication.state(), replication.replayLagSeconds())
                : new InstanceView(
                        id,
                        instance.engine(),
                        instance.status(),
                        instance.resourceGroupId(),
                        replication.state(),
                        replication.replayLagSeconds());
    }
}
