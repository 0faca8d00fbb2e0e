package org.tradeorders.platform.domain;

import java.util.List;

/**
 * A domain rule refused a value the caller gave (a percentage plan not adding up to 100, a number
 * of days out of range). The domain throws it without knowing HTTP; the REST layer answers it as
 * 400 problem+json naming each field and its reason. Nothing has changed when it is thrown.
 */
public class InvalidInput extends RuntimeException {
    /** One refused value: its field (a JSON path such as {@code installments[0].dueDays}) and why. */
    public record Field(String name, String reason) {
    }

    private final List<Field> fields;

    public InvalidInput(List<Field> fields) {
        super(fields.toString());
        this.fields = List.copyOf(fields);
    }

    public InvalidInput(String field, String reason) {
        this(List.of(new Field(field, reason)));
    }

    public List<Field> fields() {
        return fields;
    }
}
