package org.tradeorders.credit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeorders.credit.domain.ReservationStatus.*;

import org.junit.jupiter.api.Test;

class ReservationStatusTest {

    @Test
    void anActiveReservationEndsByReleaseOrCompletion() {
        assertThat(ACTIVE.canBecome(RELEASED)).isTrue();
        assertThat(ACTIVE.canBecome(COMPLETED)).isTrue();
        assertThat(ACTIVE.canBecome(ACTIVE)).as("a repeated reservation has no second effect").isFalse();
    }

    @Test
    void onlyARejectedReservationMayBeTriedAgain() {
        assertThat(REJECTED.canBecome(ACTIVE)).isTrue();
        for (ReservationStatus s : ReservationStatus.values()) {
            assertThat(RELEASED.canBecome(s)).isFalse();
            assertThat(COMPLETED.canBecome(s)).isFalse();
        }
        assertThat(REJECTED.canBecome(RELEASED)).as("nothing was held, nothing to release").isFalse();
    }
}
