package com.rdsmigration.gateway.quota;

import com.rdsmigration.gateway.rds.UpstreamAdmission;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The quotas a call must pass before it goes upstream: the account's daily task limit (for creates), then the calling
 * team's monthly budget. A call refused by the second has already used its place under the first; both are counted
 * conservatively, never generously.
 */
@Component
class QuotaAdmission implements UpstreamAdmission {

    private final DailyTaskQuota daily;
    private final TeamBudgets budgets;

    QuotaAdmission(DailyTaskQuota daily, TeamBudgets budgets) {
        this.daily = daily;
        this.budgets = budgets;
    }

    @Override
    public Optional<Refused> admit(String action) {
        Optional<Refused> refused = daily.admit(action);
        return refused.isPresent() ? refused : budgets.admit();
    }
}
