package org.tradeorders.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void aTypeIsAStableVersionedNameNotAClassName() {
        EventType t = EventType.of("OrderConfirmed", 1);
        assertThat(t.type()).isEqualTo("tradeorders.OrderConfirmed.v1");
        assertThat(t.schemaResource()).isEqualTo("event-schemas/OrderConfirmed.v1.json");
        assertThat(EventType.parse("tradeorders.OrderConfirmed.v1")).isEqualTo(t);
    }

    @Test
    void malformedTypesAreRefused() {
        assertThatThrownBy(() -> EventType.parse("org.tradeorders.order.OrderConfirmed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventType.of("orderConfirmed", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventType.of("OrderConfirmed", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
