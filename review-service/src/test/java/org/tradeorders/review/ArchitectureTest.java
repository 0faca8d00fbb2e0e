package org.tradeorders.review;

import org.tradeorders.platform.testing.ArchitectureRules;
import org.tradeorders.platform.testing.ServiceArchitectureTest;

/** review-service's rooms stay where a newcomer expects them (the rules: {@link ArchitectureRules}). */
class ArchitectureTest extends ServiceArchitectureTest {
    static final ArchitectureRules RULES = ArchitectureRules.of("review");

    @Override
    protected ArchitectureRules rules() {
        return RULES;
    }
}
