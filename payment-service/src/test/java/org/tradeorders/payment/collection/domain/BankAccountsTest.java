package org.tradeorders.payment.collection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BankAccountsTest {

    @Test
    void anIbanIsCheckedAgainstTheRegistryForEveryIbanCountry() {
        assertThat(BankAccounts.ibanProblem("DE89370400440532013000", "DE")).isEmpty();
        // countries a hand-kept table had left out are checked just the same
        assertThat(BankAccounts.ibanProblem("SC18SSCB11010000000000001497USD", "SC")).isEmpty();
        assertThat(BankAccounts.ibanProblem("BY13NBRB3600900000002Z00AB00", "BY")).isEmpty();
        assertThat(BankAccounts.ibanProblem("DE89370400440532013001", "DE")).get().asString().contains("check digits");
        assertThat(BankAccounts.ibanProblem("DE8937040044053201300", "DE")).get().asString().contains("an IBAN of DE has 22");
        // Belgium's BBAN is digits only
        assertThat(BankAccounts.ibanProblem("BE71096A23456769", "BE")).get().asString().contains("national format");
        assertThat(BankAccounts.ibanProblem("FR1420041010050500013M02606", "DE")).get().asString().contains("bank is in DE");
    }

    @Test
    void aWithdrawalAccountGivenAsAnIbanMustBeOneAndOtherAccountsAreLocalNumbers() {
        assertThat(BankAccounts.accountProblem("DE89 3704 0044 0532 0130 00")).isEmpty();
        assertThat(BankAccounts.accountProblem("DE89 3704 0044 0532 0130 01")).isPresent();
        assertThat(BankAccounts.accountProblem("GB82WEST1234569876543")).get().asString().contains("an IBAN of GB has 22");
        // China uses no IBANs: a local account number
        assertThat(BankAccounts.accountProblem("CN12 3456 7890 1234")).isEmpty();
        assertThat(BankAccounts.accountProblem("6222021234567890")).isEmpty();
        assertThat(BankAccounts.usesIban("CN")).isFalse();
        assertThat(BankAccounts.usesIban("SC")).isTrue();
    }
}
