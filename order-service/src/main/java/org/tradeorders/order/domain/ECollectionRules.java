package org.tradeorders.order.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** e-Collection rules of order-service: configuration, never constants in code. */
@ConfigMapping(prefix = "order.e-collection")
public interface ECollectionRules {
    /**
     * The key payment-reminder links are signed with (HMAC-SHA256). A secret: from the environment
     * (REMINDER_LINK_SECRET), at least 32 characters; no default, so a deployment cannot forget it.
     */
    String linkSecret();

    /** A payment-reminder link works this long after it was sent. */
    @WithDefault("P14D")
    Duration reminderLinkValidity();

    /** Where the buyer opens a reminder: the link is this followed by the signed token. */
    @WithDefault("http://localhost:8081/payment-reminders/")
    String reminderLinkBase();
}
