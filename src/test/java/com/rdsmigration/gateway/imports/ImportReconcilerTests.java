package com.rdsmigration.gateway.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.system.ReconcilerProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An import abandoned mid-create is never sent again: it becomes UNKNOWN for an operator to settle. */
@IntegrationTest
class ImportReconcilerTests {

    @Autowired
    ImportReconciler reconciler;

    @Autowired
    ImportStore store;

    @Autowired
    ImportTaskRepository repository;

    @Autowired
    MutableClock clock;

    @Autowired
    ReconcilerProperties properties;

    @Test
    void marksAnAbandonedPendingImportUnknownWithoutCallingTheUpstream() {
        ImportTask fresh = store.recordIntent("team-a", "rm-src-young", "rm-dst-young", "{\"a\":\"a\"}");
        reconciler.reconcile();
        assertThat(repository.findById(fresh.getId()).orElseThrow().getStatus()).isEqualTo(ImportStatus.PENDING);

        clock.advance(properties.grace().plus(Duration.ofSeconds(1)));
        int unknown = reconciler.reconcile();

        assertThat(repository.findById(fresh.getId()).orElseThrow().getStatus()).isEqualTo(ImportStatus.UNKNOWN);
        assertThat(unknown).isPositive();
    }
}
