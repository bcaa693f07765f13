package com.rdsmigration.gateway.simulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The database engine of a simulated instance, spelled as RDS spells it ({@code SQLServer}, ...). */
enum Engine {
    SQL_SERVER("SQLServer"),
    POSTGRESQL("PostgreSQL"),
    MYSQL("MySQL");

    private final String wireName;

    Engine(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    String wireName() {
        return wireName;
    }

    /** Accepts the RDS spelling in any case, and the constant's name. */
    @JsonCreator
    static Engine of(String text) {
        String wanted = text.replace("_", "").toLowerCase(Locale.ROOT);
        for (Engine engine : values()) {
            if (engine.wireName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return engine;
            }
        }
        throw new IllegalArgumentException("Unknown engine '" + text + "'; use SQLServer, PostgreSQL or MySQL");
    }
}
