package org.tradeorders.payment;

import org.tradeorders.platform.testing.ArchitectureRules;
import org.tradeorders.platform.testing.ServiceArchitectureTest;

/** payment-service's rooms stay where a newcomer expects them (the rules: {@link ArchitectureRules}). */
class ArchitectureTest extends ServiceArchitectureTest {
    static final ArchitectureRules RULES = ArchitectureRules.of("payment");

    @Override
    protected ArchitectureRules rules() {
        return RULES;
    }
}
