package org.tradeorders.fulfillment;

import org.tradeorders.platform.testing.ArchitectureRules;
import org.tradeorders.platform.testing.ServiceArchitectureTest;

/** fulfillment-service's rooms stay where a newcomer expects them (the rules: {@link ArchitectureRules}). */
class ArchitectureTest extends ServiceArchitectureTest {
    static final ArchitectureRules RULES = ArchitectureRules.of("fulfillment");

    @Override
    protected ArchitectureRules rules() {
        return RULES;
    }
}
