package org.tradeorders.order.refund.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** The refund rules at their documented defaults, for tests that boot nothing. */
final class TestRefundRules implements RefundRules {
    @Override
    public Duration claimWindow() {
        return Duration.ofDays(30);
    }

    @Override
    public Duration supplierResponse() {
        return Duration.ofDays(3);
    }

    @Override
    public Duration escalationAllowedAfter() {
        return Duration.ofDays(3);
    }

    @Override
    public Duration autoEscalateAfter() {
        return Duration.ofDays(7);
    }

    @Override
    public Duration evidenceDueAfter() {
        return Duration.ofDays(3);
    }

    @Override
    public int refundPaymentWithinBusinessDays() {
        return 7;
    }

    @Override
    public Optional<Set<LocalDate>> holidays() {
        return Optional.of(Set.of(LocalDate.parse("2026-12-25")));
    }

    @Override
    public BigDecimal lostAboveShareOfClaim() {
        return new BigDecimal("0.5");
    }

    @Override
    public Evidence evidence() {
        return new Evidence() {
            @Override
            public long maxFileBytes() {
                return 10_485_760;
            }

            @Override
            public int maxFilesPerCase() {
                return 20;
            }
        };
    }
}
