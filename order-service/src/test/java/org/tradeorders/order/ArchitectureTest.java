package org.tradeorders.order;

import org.tradeorders.platform.testing.ArchitectureRules;
import org.tradeorders.platform.testing.ServiceArchitectureTest;

/** order-service's rooms stay where a newcomer expects them (the rules: {@link ArchitectureRules}). */
class ArchitectureTest extends ServiceArchitectureTest {
    static final ArchitectureRules RULES = ArchitectureRules.of("order");

    @Override
    protected ArchitectureRules rules() {
        return RULES;
    }
}
