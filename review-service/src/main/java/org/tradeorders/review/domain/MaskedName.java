package org.tradeorders.review.domain;

/**
 * How the public review list names a buyer: its first and last letter around three stars ("Acme Trading"
 * becomes "A***g"), so a review is credible without exposing who bought what from whom.
 */
public final class MaskedName {
    static final String UNNAMED = "***";

    private MaskedName() {
    }

    public static String of(String name) {
        if (name == null || name.isBlank()) {
            return UNNAMED;
        }
        String n = name.strip();
        int first = n.codePointAt(0);
        int last = n.codePointBefore(n.length());
        return n.codePointCount(0, n.length()) <= 2 ? Character.toString(first) + "***"
                : Character.toString(first) + "***" + Character.toString(last);
    }
}
