package org.tradeorders.platform.inbox;

/**
 * A service's handlers of the events it consumes (its {@code messaging} room): it translates each event
 * into plain domain arguments. {@link ConsumedEvents} has every one {@link #subscribe} at startup,
 * before the first poll, so consumption and an operator's redrive find the same handlers.
 */
public interface EventConsumer {

    /** Subscribes this consumer's handlers, each for one topic ({@link Inbox#subscribe}). */
    void subscribe();
}
