package org.tradeorders.fulfillment;

import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.ArchitectureRules;

/** fulfillment-service's rooms stay where a newcomer expects them (the rules: {@link ArchitectureRules}). */
class ArchitectureTest {
    static final ArchitectureRules RULES = ArchitectureRules.of("fulfillment");

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
