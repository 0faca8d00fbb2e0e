package org.tradeorders.payment.ledger.domain;

import java.math.BigDecimal;
import org.tradeorders.platform.money.Money;

/** One line of a journal entry: a debit (amount > 0) or credit (amount < 0) to an account. */
public record Posting(Account.Ref account, BigDecimal amount) {

    public static Posting debit(Account.Ref account, BigDecimal amount) {
        return new Posting(account, amount);
    }

    public static Posting credit(Account.Ref account, BigDecimal amount) {
        return new Posting(account, amount.negate());
    }

    public static Posting debit(Account.Ref account, Money money) {
        return debit(account, money.amount());
    }

    public static Posting credit(Account.Ref account, Money money) {
        return credit(account, money.amount());
    }
}
