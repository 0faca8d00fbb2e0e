package org.tradeorders.platform.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.concurrent.Callable;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/** {@link ReadOnlyTransaction} for a piece of work: a new transaction whose session loads read-only and never flushes. */
@ApplicationScoped
public class ReadOnlyTransactions {
    @Inject
    EntityManager em;

    public <T> T call(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Session session = em.unwrap(Session.class);
            session.setDefaultReadOnly(true);
            session.setHibernateFlushMode(FlushMode.MANUAL);
            return work.call();
        });
    }
}
