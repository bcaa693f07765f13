package com.rdsmigration.gateway.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.util.ConcurrentLruCache;

/**
 * A statement of {@link StatementPipeline}, ready to send: its SQL with positional parameters, their values, and what
 * is done with its result. {@code vetoes} when its check must be able to roll its trip back; {@code failure}
 * translates the database's refusal into the caller's own exception (or null when the refusal is not its own).
 */
record PipelinedStatement(
        String sql,
        List<@Nullable Object> values,
        IntConsumer check,
        Rows rows,
        boolean vetoes,
        Function<RuntimeException, @Nullable RuntimeException> failure) {

    /** The statements' SQL, parsed once: callers send a handful of fixed statements, over and over. */
    private static final ConcurrentLruCache<String, ParsedSql> PARSED =
            new ConcurrentLruCache<>(256, NamedParameterUtils::parseSqlStatement);

    /** What reads a statement's rows, when it answers some. */
    @FunctionalInterface
    interface Rows {
        Rows NONE = resultSet -> {};

        void read(ResultSet resultSet) throws SQLException;
    }

    static PipelinedStatement of(
            String sql,
            Map<String, @Nullable Object> params,
            IntConsumer check,
            Rows rows,
            boolean vetoes,
            Function<RuntimeException, @Nullable RuntimeException> failure) {
        MapSqlParameterSource source = new MapSqlParameterSource(params);
        ParsedSql parsed = PARSED.get(sql);
        String positional = NamedParameterUtils.substituteNamedParameters(parsed, source);
        Object[] values = NamedParameterUtils.buildValueArray(parsed, source, null);
        return new PipelinedStatement(positional, Arrays.asList(values), check, rows, vetoes, failure);
    }

    /** The first column of the first row, if any and not null. */
    static Optional<Long> firstLong(ResultSet rows) throws SQLException {
        if (rows.next()) {
            long first = rows.getLong(1);
            if (!rows.wasNull()) {
                return Optional.of(first);
            }
        }
        return Optional.empty();
    }
}
