package org.tradeorders.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.domain.RuleViolation;

/** The review window guards the invitation and the review itself: plain JUnit, nothing booted. */
class ReviewWindowTest {
    static final Instant OPENS = Instant.parse("2026-12-01T10:00:00Z");

    static ReviewWindow aWindow() {
        ReviewWindow w = new ReviewWindow();
        w.orderId = "ORD-1";
        w.supplierId = "SUP-1";
        w.buyerId = "BUY-1";
        w.buyerName = "Berlin Hardware GmbH";
        w.buyerCountry = "DE";
        w.opensAt = OPENS;
        w.closesAt = OPENS.plus(Duration.ofDays(30));
        return w;
    }

    @Test
    void theSupplierInvitesOnce() {
        ReviewWindow w = aWindow();
        w.invite(OPENS.plusSeconds(60), false);

        assertThat(w.invitedAt).isEqualTo(OPENS.plusSeconds(60));
        assertThatThrownBy(() -> w.invite(OPENS.plusSeconds(120), false)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("invited at");
        assertThat(w.invitedAt).isEqualTo(OPENS.plusSeconds(60));
    }

    @Test
    void noInvitationOnceReviewedOrOnceTheWindowClosed() {
        ReviewWindow w = aWindow();

        assertThatThrownBy(() -> w.invite(OPENS.plusSeconds(60), true)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("already reviewed");
        assertThatThrownBy(() -> w.invite(w.closesAt, false)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("closed at");
        assertThat(w.invitedAt).isNull();
    }

    @Test
    void theReviewCarriesTheBuyerAsTheWindowNamesIt() {
        Review r = aWindow().review(new Stars(5, 4, 3), "fine", OPENS.plusSeconds(60), false);

        assertThat(r.buyerName).isEqualTo("Berlin Hardware GmbH");
        assertThat(r.buyerCountry).isEqualTo("DE");
        assertThat(r.stars()).isEqualTo(new Stars(5, 4, 3));
        assertThat(r.submittedAt).isEqualTo(OPENS.plusSeconds(60));
    }

    @Test
    void aSecondReviewOrALateOneIsRefused() {
        ReviewWindow w = aWindow();

        assertThatThrownBy(() -> w.review(new Stars(5, 5, 5), null, OPENS.plusSeconds(60), true))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("already reviewed");
        assertThatThrownBy(() -> w.review(new Stars(5, 5, 5), null, w.closesAt, false))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("closed at");
    }
}
