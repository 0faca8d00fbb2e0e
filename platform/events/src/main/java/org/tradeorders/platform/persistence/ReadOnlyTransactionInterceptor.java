package org.tradeorders.platform.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/** {@link ReadOnlyTransaction}: a new transaction whose session loads read-only and never flushes. */
@ReadOnlyTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class ReadOnlyTransactionInterceptor {
    @Inject
    EntityManager em;

    @AroundInvoke
    Object readOnly(InvocationContext invocation) throws Exception {
        return QuarkusTransaction.requiringNew().call(() -> {
            Session session = em.unwrap(Session.class);
            session.setDefaultReadOnly(true);
            session.setHibernateFlushMode(FlushMode.MANUAL);
            return invocation.proceed();
        });
    }
}
