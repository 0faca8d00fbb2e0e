package org.tradeorders.platform.problem;

/** One bad input: which field (a JSON path such as {@code lines[0].quantity}) and why. */
public record FieldViolation(String field, String reason) {
}
