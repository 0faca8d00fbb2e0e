package org.tradeorders.credit;

import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.ArchitectureRules;

/** credit-limit-service's rooms stay where a newcomer expects them (the rules: {@link ArchitectureRules}). */
class ArchitectureTest {
    static final ArchitectureRules RULES = ArchitectureRules.of("credit")
            // until issue 12 lets the limit formula stand alone: CreditWorkflow and LimitGrowth call each other
            .toleratingCycleEdge("org.tradeorders.credit.domain.CreditWorkflow", "org.tradeorders.credit.growth.domain")
            // and the USD rates read the credit rules, which live with the workflow
            .toleratingCycleEdge("org.tradeorders.credit.domain.CreditWorkflow", "org.tradeorders.credit.fx.domain");

    @Test
    void theDomainDependsNeitherOnRestNorOnMessaging() {
        RULES.domainDependsNeitherOnRestNorOnMessaging();
    }

    @Test
    void noServiceUsesAnother() {
        RULES.noServiceUsesAnother();
    }

    @Test
    void entitiesKnowNoHttp() {
        RULES.entitiesKnowNoHttp();
    }

    @Test
    void packagesFormNoCycle() {
        RULES.packagesFormNoCycle();
    }
}
