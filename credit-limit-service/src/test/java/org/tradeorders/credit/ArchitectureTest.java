package org.tradeorders.credit;

import org.tradeorders.platform.testing.ArchitectureRules;
import org.tradeorders.platform.testing.ServiceArchitectureTest;

/** credit-limit-service's rooms stay where a newcomer expects them (the rules: {@link ArchitectureRules}). */
class ArchitectureTest extends ServiceArchitectureTest {
    static final ArchitectureRules RULES = ArchitectureRules.of("credit")
            // until issue 12 lets the limit formula stand alone: CreditWorkflow and LimitGrowth call each other
            .toleratingCycleEdge("org.tradeorders.credit.domain.CreditWorkflow", "org.tradeorders.credit.growth.domain")
            // and the USD rates read the credit rules, which live with the workflow
            .toleratingCycleEdge("org.tradeorders.credit.domain.CreditWorkflow", "org.tradeorders.credit.fx.domain");

    @Override
    protected ArchitectureRules rules() {
        return RULES;
    }
}
