package org.tradeorders.payment.collection.domain;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tradeorders.platform.money.Money;

/**
 * Suggests which open orders a remittance pays, each with a score (0-100) and the reasons behind it:
 * the account it arrived on, the order number in the reference, the amount (as remitted, and net of
 * bank fees) against what the order still needs, the remitter against the buyer's name, the currency.
 * Only orders in the remittance's currency are suggested: association never converts.
 */
public final class MatchSuggestions {
    static final int ACCOUNT = 40;
    static final int REFERENCE = 25;
    static final int AMOUNT_EXACT = 20;
    static final int AMOUNT_NET_OF_FEES = 15;
    static final int AMOUNT_COVERS = 5;
    static final int NAME = 15;

    private MatchSuggestions() {
    }

    /** suggestedAmount: what of the remittance this order could take (the smaller of what is left and what it needs). */
    public record Suggestion(String orderId, String collectionAccount, String buyerName, int score, Money outstanding,
            Money suggestedAmount, List<String> reasons) {
    }

    public static List<Suggestion> rank(Remittance r, List<CollectionAccount> openOrders, int max) {
        List<Suggestion> out = new ArrayList<>();
        BigDecimal available = r.unassociated();
        for (CollectionAccount o : openOrders) {
            if (!o.currency.equals(r.currency) || o.outstanding().signum() <= 0 || available.signum() <= 0) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            int score = 0;
            reasons.add("same currency (" + r.currency + ")");
            if (o.accountNumber.equals(r.collectionAccount)) {
                score += ACCOUNT;
                reasons.add("remitted to this order's collection account " + o.accountNumber);
            }
            String reference = r.referenceText == null ? "" : r.referenceText.toUpperCase(Locale.ROOT);
            if (reference.contains(o.orderId.toUpperCase(Locale.ROOT)) || reference.contains(o.accountNumber)) {
                score += REFERENCE;
                reasons.add("the reference names the order");
            }
            BigDecimal outstanding = o.outstanding();
            if (available.compareTo(outstanding) == 0) {
                score += AMOUNT_EXACT;
                reasons.add("the amount equals what the order still needs (" + outstanding.toPlainString() + ")");
            } else if (available.subtract(r.bankFees).compareTo(outstanding) == 0) {
                score += AMOUNT_NET_OF_FEES;
                reasons.add("the amount net of bank fees equals what the order still needs (" + outstanding.toPlainString() + ")");
            } else if (available.compareTo(outstanding) > 0) {
                score += AMOUNT_COVERS;
                reasons.add("the amount covers what the order still needs (" + outstanding.toPlainString() + ") with "
                        + available.subtract(outstanding).toPlainString() + " to spare");
            } else {
                reasons.add("the amount pays part of what the order still needs (" + outstanding.toPlainString() + ")");
            }
            double similarity = nameSimilarity(r.remitterName, o.buyerName);
            if (similarity >= 0.5) {
                score += (int) Math.round(NAME * similarity);
                reasons.add("remitter \"" + r.remitterName + "\" resembles the buyer \"" + o.buyerName + "\"");
            } else if (o.buyerName != null) {
                reasons.add("remitter \"" + r.remitterName + "\" differs from the buyer \"" + o.buyerName + "\"");
            }
            out.add(new Suggestion(o.orderId, o.accountNumber, o.buyerName, Math.min(score, 100), o.money(outstanding),
                    o.money(available.min(outstanding)), reasons));
        }
        out.sort(Comparator.comparingInt(Suggestion::score).reversed().thenComparing(Suggestion::orderId));
        return out.subList(0, Math.min(max, out.size()));
    }

    /** Share of the words two company names have in common (legal forms and punctuation ignored), 0..1. */
    static double nameSimilarity(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        return (double) common.size() / Math.min(x.size(), y.size());
    }

    private static final Set<String> LEGAL_FORMS = Set.of("LTD", "LIMITED", "GMBH", "AG", "INC", "LLC", "CO", "CORP",
            "SA", "SARL", "BV", "PLC", "SPA", "SRL", "KG", "CORPORATION", "COMPANY");

    private static Set<String> words(String name) {
        if (name == null) {
            return Set.of();
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
        Set<String> words = new HashSet<>(Arrays.asList(plain.split("[^A-Z0-9]+")));
        words.remove("");
        words.removeAll(LEGAL_FORMS);
        return words;
    }
}
