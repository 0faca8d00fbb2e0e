package org.tradeorders.order.refund.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** The refund rules' numbers (shared/domain.md, "Refunds and disputes"): configuration, never constants in code. */
@ConfigMapping(prefix = "order.refund")
public interface RefundRules {
    /** After receipt was confirmed (or auto-confirmed), the buyer may open a case this long. */
    @WithDefault("P30D")
    Duration claimWindow();

    /** The supplier answers a request within this (a reminder, then the buyer may escalate). */
    @WithDefault("P3D")
    Duration supplierResponse();

    /** The buyer may escalate from this long after opening the case on. */
    @WithDefault("P3D")
    Duration escalationAllowedAfter();

    /** A Trade Assurance case not agreed this long after it was opened escalates by itself. */
    @WithDefault("P7D")
    Duration autoEscalateAfter();

    /** Both parties may add evidence until this long after escalation. */
    @WithDefault("P3D")
    Duration evidenceDueAfter();

    /** An agreed or decided refund is paid within this many business days. */
    @WithDefault("7")
    int refundPaymentWithinBusinessDays();

    /** Days that are no business days besides Saturdays and Sundays (ISO dates, UTC). */
    Optional<Set<LocalDate>> holidays();

    /** A case the supplier agrees at more than this share of the claim counts as lost (penalty points). */
    @WithDefault("0.5")
    BigDecimal lostAboveShareOfClaim();

    /** Evidence files attached to a case. */
    Evidence evidence();

    interface Evidence {
        /** The largest file (tradeorders.http.uploads.max-bytes follows it). */
        @WithDefault("10485760")
        long maxFileBytes();

        /** Files per case, both parties together. */
        @WithDefault("20")
        int maxFilesPerCase();
    }
}
