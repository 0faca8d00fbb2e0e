package org.tradeorders.payment.collection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure rules of e-Collection matching: suggestion scores and reasons, bank-fee shares, account numbers. */
class MatchingRulesTest {

    static CollectionAccount order(String id, String account, String total, String associated, String buyer) {
        CollectionAccount o = new CollectionAccount();
        o.orderId = id;
        o.accountNumber = account;
        o.currency = "USD";
        o.total = new BigDecimal(total);
        o.associated = new BigDecimal(associated);
        o.buyerName = buyer;
        return o;
    }

    static Remittance remittance(String amount, String fees, String account, String remitter, String reference) {
        Remittance r = new Remittance();
        r.currency = "USD";
        r.amount = new BigDecimal(amount);
        r.bankFees = new BigDecimal(fees);
        r.collectionAccount = account;
        r.remitterName = remitter;
        r.referenceText = reference;
        return r;
    }

    @Test
    void theOrderWhoseAccountReferenceAmountAndBuyerMatchComesFirstWithItsReasons() {
        CollectionAccount a = order("ORD-A", "TOEC000000000195", "1000.00", "0", "Nordlicht Handels GmbH");
        CollectionAccount b = order("ORD-B", "TOEC000000000292", "985.00", "0", "Someone Else Ltd");
        CollectionAccount eur = order("ORD-E", "TOEC000000000389", "1000.00", "0", "Nordlicht Handels GmbH");
        eur.currency = "EUR";
        CollectionAccount paid = order("ORD-P", "TOEC000000000486", "1000.00", "1000.00", "Nordlicht Handels GmbH");
        var ranked = MatchSuggestions.rank(remittance("1000.00", "15.00", "TOEC000000000195", "NORDLICHT HANDELS",
                "payment ord-a thanks"), List.of(b, eur, paid, a), 5);

        assertThat(ranked).extracting(MatchSuggestions.Suggestion::orderId).containsExactly("ORD-A", "ORD-B");
        assertThat(ranked.get(0).score()).isEqualTo(40 + 25 + 20 + 15);
        assertThat(ranked.get(0).reasons()).anyMatch(r -> r.contains("collection account"))
                .anyMatch(r -> r.contains("reference names the order")).anyMatch(r -> r.contains("resembles the buyer"));
        // 1,000 remitted less 15 of fees is exactly what B needs
        assertThat(ranked.get(1).score()).isEqualTo(15);
        assertThat(ranked.get(1).reasons()).anyMatch(r -> r.contains("net of bank fees"))
                .anyMatch(r -> r.contains("differs from the buyer"));
        assertThat(ranked.get(1).suggestedAmount().amount()).isEqualByComparingTo("985.00");
    }

    @Test
    void namesAreComparedWithoutLegalFormsCaseOrAccents() {
        assertThat(MatchSuggestions.nameSimilarity("Nordlicht Handels GmbH", "NORDLICHT HANDELS")).isEqualTo(1.0);
        assertThat(MatchSuggestions.nameSimilarity("Société Générale SA", "societe generale")).isEqualTo(1.0);
        assertThat(MatchSuggestions.nameSimilarity("Acme Ltd", "Nordlicht GmbH")).isZero();
        assertThat(MatchSuggestions.nameSimilarity(null, "X")).isZero();
    }

    @Test
    void bankFeeSharesAreProportionalAndAddUpExactlyToTheFees() {
        Remittance r = remittance("1000.00", "10.00", "A", "X", null);
        BigDecimal total = BigDecimal.ZERO;
        for (String part : List.of("333.33", "333.33", "333.34")) {
            BigDecimal share = r.feeShareOf(new BigDecimal(part));
            r.associated = r.associated.add(new BigDecimal(part));
            r.feesAllocated = r.feesAllocated.add(share);
            total = total.add(share);
        }
        assertThat(total).isEqualByComparingTo("10.00"); // 3.33 + 3.33 + the rest, 3.34
        assertThat(remittance("1800.00", "20.00", "A", "X", null).feeShareOf(new BigDecimal("1000.00")))
                .isEqualByComparingTo("11.11");
    }

    @Test
    void collectionAccountNumbersCarryMod97CheckDigits() {
        assertThat(CollectionAccounts.checkDigitsValid("TOEC", "TOEC000000000195")).isTrue();
        assertThat(CollectionAccounts.checkDigitsValid("TOEC", "TOEC000000000196")).isFalse();
        assertThat(CollectionAccounts.checkDigitsValid("TOEC", "TOEC000000001095")).isFalse(); // two digits swapped
        assertThat(CollectionAccounts.checkDigitsValid("TOEC", "XXEC000000000195")).isFalse();
        assertThat(CollectionAccounts.checkDigitsValid("TOEC", "TOEC0000000001")).isFalse();
    }
}
