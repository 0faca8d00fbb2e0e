package org.tradeorders.order.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.tradeorders.order.domain.OrderRepository;
import org.tradeorders.platform.persistence.ReadOnlyTransaction;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.Tokens;

/**
 * A read in a {@link ReadOnlyTransaction} (the order list, the timeline; the order and payment-link GETs through
 * ReadOnlyTransactions, the same settings) never writes what it loaded,
 * and never leaves a writing caller's changes unwritten.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class ReadOnlyTransactionTest {
    @Inject
    Reader reader;
    @Inject
    OrderRepository orders;

    /** Loads an order in a read-only transaction, changes its buyer's e-mail and reads the column back. */
    @ApplicationScoped
    static class Reader {
        @Inject
        OrderRepository orders;
        @Inject
        EntityManager em;

        @ReadOnlyTransaction
        String changeTheEmailWhileReading(String id, String email) {
            orders.findById(id).buyerEmail = email;
            // a native query: Hibernate would flush the change before it in a writing transaction
            return (String) em.createNativeQuery("select buyer_email from trade_order where id = ?1").setParameter(1, id)
                    .getSingleResult();
        }
    }

    @Test
    void whatAReadChangesIsNeitherFlushedBeforeItsQueriesNorWrittenAtItsEnd() {
        String id = OrderLifecycleTest.draft();
        String email = email(id);

        String seenWhileReading = reader.changeTheEmailWhileReading(id, "changed-while-reading@buyer.example");

        assertThat(seenWhileReading).isEqualTo(email);
        OrderLifecycleTest.get(id, Tokens.buyer(OrderLifecycleTest.BUYER)).statusCode(200).body("buyerEmail", equalTo(email));
    }

    @Test
    void aReadInsideAWritingTransactionLeavesTheWritersChangesToBeWritten() {
        String id = OrderLifecycleTest.draft();

        QuarkusTransaction.requiringNew().run(() -> {
            orders.findById(id).buyerEmail = "written@buyer.example";
            reader.changeTheEmailWhileReading(id, "changed-while-reading@buyer.example");
        });

        assertThat(email(id)).isEqualTo("written@buyer.example");
    }

    private String email(String id) {
        return QuarkusTransaction.requiringNew().call(() -> orders.findById(id).buyerEmail);
    }
}
