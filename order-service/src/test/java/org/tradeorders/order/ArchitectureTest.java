package org.tradeorders.order;

import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.ArchitectureRules;

/** order-service's rooms stay where a newcomer expects them (the rules: {@link ArchitectureRules}). */
class ArchitectureTest {
    static final ArchitectureRules RULES = ArchitectureRules.of("order")
            // until issue 12 splits OrderWorkflow: it still takes the consumers' event records, and calls the
            // mail notifications (which read the order) directly instead of through a domain port
            .toleratingDomainUseOf("org.tradeorders.order.messaging.UpstreamEvents")
            .toleratingDomainUseOf("org.tradeorders.order.notification.OrderNotifications");

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
