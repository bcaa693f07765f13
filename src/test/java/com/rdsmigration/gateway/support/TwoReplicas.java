package com.rdsmigration.gateway.support;

import java.util.List;
import java.util.Map;

/**
 * Two gateway replicas on one fresh PostgreSQL schema, both calling the test context's simulator on
 * {@code simulatorPort}, with the same {@code settings}: the set-up of every test that a limit holds across replicas.
 */
public final class TwoReplicas implements AutoCloseable {

    private final GatewayInstance first;
    private final GatewayInstance second;

    private TwoReplicas(GatewayInstance first, GatewayInstance second) {
        this.first = first;
        this.second = second;
    }

    public static TwoReplicas start(int simulatorPort, Map<String, String> settings) {
        var schema = TestDatabase.newSchema();
        GatewayInstance first = GatewayInstance.start(schema, simulatorPort, settings);
        return new TwoReplicas(first, GatewayInstance.start(schema, simulatorPort, settings));
    }

    /** The API of the first and the second replica, as the callers of {@code firstKey} and {@code secondKey}. */
    public List<GatewayApi> apis(String firstKey, String secondKey) {
        return List.of(new GatewayApi(first.port(), firstKey), new GatewayApi(second.port(), secondKey));
    }

    @Override
    public void close() {
        first.close();
        second.close();
    }
}
