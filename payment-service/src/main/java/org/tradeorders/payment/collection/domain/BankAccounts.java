package org.tradeorders.payment.collection.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.iban4j.CountryCode;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;
import org.tradeorders.platform.problem.FieldViolation;

/**
 * Checks bank details the way banks do: an IBAN where the bank's country uses one, against the
 * IBAN registry as iban4j keeps it (every IBAN country, its length and national BBAN format, the
 * ISO 7064 mod-97 check digits); a SWIFT/BIC by its format and country.
 */
public final class BankAccounts {
    private static final Pattern BIC = Pattern.compile("[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern LOCAL_ACCOUNT = Pattern.compile("[A-Z0-9]{4,34}");
    private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]+");

    private BankAccounts() {
    }

    /** Spaces removed, upper case: how an account number or BIC is stored. */
    public static String compact(String value) {
        return value == null ? null : value.replace(" ", "").replace("-", "").toUpperCase();
    }

    /** Whether banks in the country use IBANs (the registry has its format). */
    public static boolean usesIban(String country) {
        CountryCode code = CountryCode.getByCode(country);
        return code != null && IbanUtil.isSupportedCountry(code);
    }

    /** Why the IBAN is not valid for the country, if it is not. */
    public static Optional<String> ibanProblem(String iban, String country) {
        if (!IBAN_SHAPE.matcher(iban).matches()) {
            return Optional.of("is not an IBAN: two letters, two check digits, then letters and digits");
        }
        if (!iban.startsWith(country)) {
            return Optional.of("is an IBAN of " + iban.substring(0, 2) + ", but the bank is in " + country);
        }
        return registryProblem(iban);
    }

    /**
     * Why an account given as an IBAN (its first two letters name a country that uses IBANs) is not
     * one; empty for a valid IBAN or an account number of a country without IBANs.
     */
    public static Optional<String> accountProblem(String account) {
        String compact = compact(account);
        if (compact.length() < 2 || !usesIban(compact.substring(0, 2))) {
            return Optional.empty();
        }
        if (!IBAN_SHAPE.matcher(compact).matches()) {
            return Optional.of("is not an IBAN of " + compact.substring(0, 2)
                    + ": two letters, two check digits, then letters and digits");
        }
        return registryProblem(compact);
    }

    private static Optional<String> registryProblem(String iban) {
        String country = iban.substring(0, 2);
        try {
            IbanUtil.validate(iban);
            return Optional.empty();
        } catch (InvalidCheckDigitException e) {
            return Optional.of("fails the IBAN check digits (mod 97): a typing error?");
        } catch (IbanFormatException e) {
            if (e.getFormatViolation() == IbanFormatException.IbanFormatViolation.BBAN_LENGTH) {
                int length = IbanUtil.getIbanLength(CountryCode.getByCode(country));
                return Optional.of("has " + iban.length() + " characters; an IBAN of " + country + " has " + length);
            }
            return Optional.of("does not follow the national format of " + country + " IBANs");
        } catch (UnsupportedCountryException e) {
            return Optional.of("names a country that has no IBANs");
        }
    }

    /** ISO 7064 mod 97-10 of a string of digits: 1 for a valid IBAN (or collection account number). */
    static int mod97(String digits) {
        return new BigInteger(digits).mod(BigInteger.valueOf(97)).intValue();
    }

    /** Every problem of an account number and BIC at a bank in {@code country}. */
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

    /** Only the last four characters of an account number leave the service. */
    public static String masked(String account) {
        String compact = account.replace(" ", "");
        return "****" + compact.substring(Math.max(0, compact.length() - 4));
    }
}
