package com.rdsmigration.gateway.system;

import com.rdsmigration.gateway.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A schema of its own with a probe table, a pipeline on it, and what the tests of {@link StatementPipeline} share. */
abstract class PipelineProbe {

    static SimpleDriverDataSource dataSource;
    static JdbcTemplate elsewhere;

    StatementPipeline statements;
    TransactionTemplate transactions;

    @BeforeAll
    static void schema() {
        JdbcConnectionDetails details = TestDatabase.newSchema();
        dataSource = TestDatabase.dataSource(details);
        // a data source of its own: a transaction of the one above is never this connection's
        elsewhere = new JdbcTemplate(TestDatabase.dataSource(details));
        elsewhere.execute("create table pipeline_probe (id int primary key, n int, label text)");
    }

    @BeforeEach
    void emptyTable() {
        elsewhere.execute("delete from pipeline_probe");
        statements = new StatementPipeline(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    void insert(int id, int n) {
        statements
                .sql("insert into pipeline_probe (id, n) values (:id, :n)")
                .param("id", id)
                .param("n", n)
                .later();
    }

    static List<Integer> rows() {
        return elsewhere.queryForList("select id from pipeline_probe order by id", Integer.class);
    }

    static int n(int id) {
        Integer n = elsewhere.queryForObject("select n from pipeline_probe where id = ?", Integer.class, id);
        return n == null ? -1 : n;
    }
}
