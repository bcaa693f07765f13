package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.signing.SignatureTimestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The time formats the simulated answers use: {@code GmtCreated}-style UTC seconds, the progress log's
 * {@code 2022-02-25 17:00:29}, and PostgreSQL's timestamptz text inside {@code ReplicationInfo}.
 */
final class WireTimes {

    private static final DateTimeFormatter LOG =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter POSTGRES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);

    private WireTimes() {}

    static @Nullable String gmt(@Nullable Instant instant) {
        return instant == null ? null : SignatureTimestamps.format(instant);
    }

    static String log(Instant instant) {
        return LOG.format(instant);
    }

    static String postgres(Instant instant) {
        return POSTGRES.format(instant);
    }
}
