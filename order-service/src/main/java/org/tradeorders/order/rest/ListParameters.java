package org.tradeorders.order.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.tradeorders.platform.problem.FieldViolation;

/** A list's query parameters read into typed filters; each unreadable one is added to {@code errors}. */
final class ListParameters {
    private ListParameters() {
    }

    static <E extends Enum<E>> E enumOf(String field, String value, Class<E> type, List<FieldViolation> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldViolation(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    /** A calendar day (UTC) as an instant: its start, or ({@code plusDays} 1) the start of the next day. */
    static Instant dayStart(String field, String value, int plusDays, List<FieldViolation> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldViolation(field, "must be a date like 2026-11-21"));
            return null;
        }
    }
}
