package org.tradeorders.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeorders.payment.domain.LinkStatus.*;

import org.junit.jupiter.api.Test;

class LinkStatusTest {

    @Test
    void onlyAnIssuedLinkCanBePaidAndOnlyOnce() {
        assertThat(ISSUED.canBecome(PAID)).isTrue();
        assertThat(PAID.canBecome(PAID)).isFalse();
        assertThat(EXPIRED.canBecome(PAID)).isFalse();
        assertThat(CANCELLED.canBecome(PAID)).isFalse();
    }

    @Test
    void anIssuedLinkMayExpireOrBeCancelled() {
        assertThat(ISSUED.canBecome(EXPIRED)).isTrue();
        assertThat(ISSUED.canBecome(CANCELLED)).isTrue();
        assertThat(PAID.canBecome(CANCELLED)).isFalse();
    }
}
