package com.rdsmigration.gateway.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * How {@link StatementPipeline} talks to the database: one round trip of statements as one multi-statement
 * {@link PreparedStatement} (the PostgreSQL driver sends them together and waits once), and which database it is.
 */
final class RoundTrips {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private volatile @Nullable Boolean postgres;

    RoundTrips(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * One round trip: the statements joined into one, their parameters in the same order, and the commit last when
     * {@code commit}. A statement the database refuses stops the trip there, commit and all, and the first statement
     * of the trip that owns the refusal answers it with its caller's exception.
     */
    void send(List<PipelinedStatement> trip, boolean commit) {
        StringBuilder sql = new StringBuilder();
        List<@Nullable Object> values = new ArrayList<>();
        for (PipelinedStatement statement : trip) {
            sql.append(sql.isEmpty() ? "" : ";\n").append(statement.sql());
            values.addAll(statement.values());
        }
        if (commit) {
            sql.append(";\ncommit");
        }
        try {
            jdbc.execute(sql.toString(), (PreparedStatement ps) -> {
                bind(ps, values);
                readResults(ps, trip);
                return null;
            });
        } catch (DataAccessException refused) {
            for (PipelinedStatement statement : trip) {
                RuntimeException translated = statement.failure().apply(refused);
                if (translated != null) {
                    translated.addSuppressed(refused);
                    throw translated;
                }
            }
            throw refused;
        }
    }

    private void bind(PreparedStatement ps, List<@Nullable Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            int index = i + 1;
            if (value instanceof SqlParameterValue typed) {
                StatementCreatorUtils.setParameterValue(ps, index, typed, typed.getValue());
            } else if (value == null && postgres(ps.getConnection())) {
                ps.setNull(index, Types.NULL); // the server infers its type from where it stands
            } else {
                StatementCreatorUtils.setParameterValue(ps, index, SqlTypeValue.TYPE_UNKNOWN, value);
            }
        }
    }

    private static void readResults(PreparedStatement ps, List<PipelinedStatement> trip) throws SQLException {
        boolean rows = ps.execute();
        for (PipelinedStatement statement : trip) {
            if (rows) {
                try (ResultSet resultSet = ps.getResultSet()) {
                    statement.rows().read(resultSet);
                }
            } else {
                statement.check().accept(ps.getUpdateCount());
            }
            rows = ps.getMoreResults();
        }
    }

    /** Whether the store is PostgreSQL, asked of the connection of the transaction in progress. */
    boolean inPostgres() {
        Boolean known = postgres;
        if (known != null) {
            return known;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return postgres(connection);
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("Cannot tell which database the store is", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Whether the store is PostgreSQL, asked of a connection the caller already holds (never a second one from the
     * pool, which a burst could have emptied) and remembered once answered.
     */
    private boolean postgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            postgres = known;
        }
        return known;
    }
}
