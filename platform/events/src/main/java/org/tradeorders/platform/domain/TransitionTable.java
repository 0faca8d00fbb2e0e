package org.tradeorders.platform.domain;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An aggregate's lifecycle as one explicit transition table per kind: from a state, a trigger leads
 * to one next state; anything not in the table is refused with the states that would have allowed it.
 *
 * @param <K> the kinds (each its own table), e.g. an order's kind
 * @param <S> the states
 * @param <T> the triggers
 */
public final class TransitionTable<K extends Enum<K>, S extends Enum<S>, T extends Enum<T>> {
    private final Class<S> states;
    private final Class<T> triggers;
    private final Map<K, Map<S, Map<T, S>>> tables;

    public TransitionTable(Class<K> kinds, Class<S> states, Class<T> triggers) {
        this.states = states;
        this.triggers = triggers;
        this.tables = new EnumMap<>(kinds);
    }

    /** Adds the move {@code from} --{@code trigger}--> {@code to} to {@code kind}'s table. */
    public TransitionTable<K, S, T> on(K kind, S from, T trigger, S to) {
        tables.computeIfAbsent(kind, k -> new EnumMap<>(states))
                .computeIfAbsent(from, s -> new EnumMap<>(triggers)).put(trigger, to);
        return this;
    }

    public Optional<S> next(K kind, S from, T trigger) {
        return Optional.ofNullable(allowedFrom(kind, from).get(trigger));
    }

    public Map<T, S> allowedFrom(K kind, S from) {
        return tables.getOrDefault(kind, Map.of()).getOrDefault(from, Map.of());
    }

    /** The states an aggregate of this kind can be in. */
    public Set<S> statesOf(K kind) {
        Set<S> all = EnumSet.noneOf(states);
        tables.getOrDefault(kind, Map.of()).forEach((from, moves) -> {
            all.add(from);
            all.addAll(moves.values());
        });
        return all;
    }

    /**
     * The state {@code trigger} leads to, or a {@link RuleViolation} {@code invalid-transition} naming
     * {@code what} (e.g. "order 42") and the states from which it would have been possible.
     */
    public S require(K kind, S from, T trigger, String what) {
        return next(kind, from, trigger).orElseThrow(() -> new RuleViolation("invalid-transition", what + " (" + kind
                + ") is " + from + "; " + trigger + " is possible only from " + Arrays.stream(states.getEnumConstants())
                        .filter(s -> allowedFrom(kind, s).containsKey(trigger)).toList()));
    }
}
