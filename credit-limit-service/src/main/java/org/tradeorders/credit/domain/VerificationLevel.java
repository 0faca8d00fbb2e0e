package org.tradeorders.credit.domain;

/** How thoroughly the marketplace verified a supplier, lowest first: a rule for a level applies to every higher one. */
public enum VerificationLevel {
    BASIC,
    VERIFIED,
    ONSITE_CHECKED;

    public boolean atLeast(VerificationLevel other) {
        return compareTo(other) >= 0;
    }
}
