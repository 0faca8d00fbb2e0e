package org.tradeorders.platform.persistence;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** {@link ReadOnlyTransaction}: a new transaction whose session loads read-only and never flushes. */
@ReadOnlyTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class ReadOnlyTransactionInterceptor {
    @Inject
    ReadOnlyTransactions transactions;

    @AroundInvoke
    Object readOnly(InvocationContext invocation) throws Exception {
        return transactions.call(invocation::proceed);
    }
}
