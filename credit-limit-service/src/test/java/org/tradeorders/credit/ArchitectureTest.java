package org.tradeorders.credit;

import org.tradeorders.platform.testing.ArchitectureRules;
import org.tradeorders.platform.testing.ServiceArchitectureTest;

/** credit-limit-service's rooms stay where a newcomer expects them (the rules: {@link ArchitectureRules}). */
class ArchitectureTest extends ServiceArchitectureTest {
    static final ArchitectureRules RULES = ArchitectureRules.of("credit");

    @Override
    protected ArchitectureRules rules() {
        return RULES;
    }
}
