package org.tradeorders.payment.ledger.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.tradeorders.platform.invariants.Invariant;

/** The books check as a standing invariant: run on a schedule, not only when an operator asks. */
@ApplicationScoped
public class BooksBalance implements Invariant {
    @Inject
    BooksCheck books;

    @Override
    public String name() {
        return "books-balance";
    }

    @Override
    public List<String> violations() {
        return books.run().problems();
    }
}
