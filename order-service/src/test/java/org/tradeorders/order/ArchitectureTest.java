package org.tradeorders.order;

import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.ArchitectureRules;

/** order-service's rooms stay where a newcomer expects them (the rules: {@link ArchitectureRules}). */
class ArchitectureTest {
    static final ArchitectureRules RULES = ArchitectureRules.of("order");

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
