package com.rdsmigration.gateway.quota;

import com.rdsmigration.gateway.rds.UpstreamAdmission;
import org.springframework.stereotype.Component;

/**
 * The quotas a call must pass before it goes upstream: the account's daily task limit (for creates), then the calling
 * team's monthly budget. Both take their places in the transaction that records the call, so a refusal by either rolls
 * back both.
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
    public void admit(String action) {
        daily.admit(action);
        budgets.admit();
    }
}
