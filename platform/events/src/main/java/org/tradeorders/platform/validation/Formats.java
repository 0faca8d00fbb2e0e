package org.tradeorders.platform.validation;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/** Formats every service checks the same way (phone numbers, countries, currencies), said once. */
public final class Formats {
    /** An international or local phone number: digits with spaces, dots, dashes, brackets; an optional +. */
    public static final String PHONE = "\\+?[0-9][0-9 ()./-]{5,24}";
    public static final String PHONE_MESSAGE = "must be a phone number like +49 30 1234567";
    /** Two capital letters: the shape of an ISO 3166-1 alpha-2 code ({@link #isCountry} checks it is one). */
    public static final String COUNTRY = "[A-Z]{2}";
    public static final String COUNTRY_MESSAGE = "must be an ISO 3166-1 alpha-2 country code like DE";
    /** Three capital letters: the shape of an ISO 4217 code ({@link #isCurrency} checks it is one). */
    public static final String CURRENCY = "[A-Z]{3}";
    public static final String CURRENCY_MESSAGE = "must be an ISO 4217 code like USD";

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private Formats() {
    }

    public static boolean isCountry(String code) {
        return COUNTRIES.contains(code);
    }

    /** An ISO 4217 currency that is money (not XAU, XXX, ... which have no minor unit). */
    public static boolean isCurrency(String code) {
        try {
            return code != null && Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Text a person could have typed: no control characters (but tab and line breaks, if
     * {@code multiLine}), no unpaired surrogate (not Unicode at all), no noncharacter. Such input is
     * refused, never replaced.
     */
    public static boolean isText(String s, boolean multiLine) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                int cp = s.codePointAt(i);
                if ((cp & 0xFFFE) == 0xFFFE) {
                    return false;
                }
                i++;
                continue;
            }
            if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF')) {
                return false;
            }
            if (Character.isISOControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return false;
            }
        }
        return true;
    }

    /** One line of text: {@link #isText} without line breaks or tabs. */
    public static boolean isPrintable(String s) {
        return isText(s, false);
    }
}
