package com.rdsmigration.gateway.guided;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A requested maintenance window as a {@link CutoverWindow}; what bean validation cannot judge answers 400 here. */
final class Windows {

    private Windows() {}

    static @Nullable CutoverWindow of(@Nullable WindowRequest request) {
        if (request == null) {
            return null;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(Objects.requireNonNull(request.zone()));
        } catch (DateTimeException unknown) {
            throw invalid("cutover.window.zone", "is not a time zone of the IANA database");
        }
        LocalTime start = LocalTime.parse(Objects.requireNonNull(request.start()));
        LocalTime end = LocalTime.parse(Objects.requireNonNull(request.end()));
        if (start.equals(end)) {
            throw invalid("cutover.window.end", "must differ from start (a window of no time never opens)");
        }
        EnumSet<DayOfWeek> days = EnumSet.copyOf(Objects.requireNonNull(request.days()));
        return new CutoverWindow(zone, days, start, end);
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The field " + field + " " + message + ".")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }
}
