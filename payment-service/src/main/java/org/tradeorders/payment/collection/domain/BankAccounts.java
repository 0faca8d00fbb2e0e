package org.tradeorders.payment.collection.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tradeorders.platform.problem.FieldViolation;

/**
 * Checks bank details the way banks do: an IBAN where the bank's country uses one (its length for
 * that country, then ISO 7064 mod-97), a SWIFT/BIC by its format and country.
 */
public final class BankAccounts {
    /** IBAN length per country (ISO 13616 registry). A country not listed does not use IBANs. */
    static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22),
            Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24),
            Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22),
            Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21),
            Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
            Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MR", 27),
            Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PK", 24),
            Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24),
            Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
            Map.entry("SM", 27), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VG", 24),
            Map.entry("XK", 20));
    private static final Pattern BIC = Pattern.compile("[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern LOCAL_ACCOUNT = Pattern.compile("[A-Z0-9]{4,34}");

    private BankAccounts() {
    }

    /** Spaces removed, upper case: how an account number or BIC is stored. */
    public static String compact(String value) {
        return value == null ? null : value.replace(" ", "").replace("-", "").toUpperCase();
    }

    public static boolean usesIban(String country) {
        return IBAN_LENGTHS.containsKey(country);
    }

    /** Why the IBAN is not valid for the country, if it is not. */
    public static Optional<String> ibanProblem(String iban, String country) {
        int length = IBAN_LENGTHS.get(country);
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]+")) {
            return Optional.of("is not an IBAN: two letters, two check digits, then letters and digits");
        }
        if (!iban.startsWith(country)) {
            return Optional.of("is an IBAN of " + iban.substring(0, 2) + ", but the bank is in " + country);
        }
        if (iban.length() != length) {
            return Optional.of("has " + iban.length() + " characters; an IBAN of " + country + " has " + length);
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        if (mod97(digits.toString()) != 1) {
            return Optional.of("fails the IBAN check digits (mod 97): a typing error?");
        }
        return Optional.empty();
    }

    /** Every problem of an account number and BIC at a bank in {@code country}. */
    /** ISO 7064 mod 97-10 of a string of digits: 1 for a valid IBAN (or collection account number). */
    static int mod97(String digits) {
        return new BigInteger(digits).mod(BigInteger.valueOf(97)).intValue();
    }

    public static List<FieldViolation> check(String accountNumber, String swiftBic, String country) {
        List<FieldViolation> problems = new ArrayList<>();
        String account = compact(accountNumber);
        if (usesIban(country)) {
            ibanProblem(account, country).ifPresent(p -> problems.add(new FieldViolation("accountNumber", p)));
        } else if (!LOCAL_ACCOUNT.matcher(account).matches()) {
            problems.add(new FieldViolation("accountNumber", "must be 4 to 34 letters and digits"));
        }
        var bic = BIC.matcher(compact(swiftBic));
        if (!bic.matches()) {
            problems.add(new FieldViolation("swiftBic", "is not a SWIFT/BIC: 4 letters (bank), 2 (country), 2 letters "
                    + "or digits (location), optionally 3 more (branch)"));
        } else if (!bic.group(1).equals(country)) {
            problems.add(new FieldViolation("swiftBic", "belongs to a bank in " + bic.group(1) + ", not " + country));
        }
        return problems;
    }
}
