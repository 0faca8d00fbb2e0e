package org.tradeorders.platform.persistence;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the method in a transaction of its own that only reads (instead of {@code @Transactional}), for
 * a GET: the entities it loads are neither snapshotted nor dirty-checked, and nothing is flushed, not
 * before its queries nor at its commit. Hibernate otherwise flushes before every native query and, at
 * the commit, checks every entity the read loaded: a quarter of an order read's CPU. The transaction is
 * always a new one, so a caller's pending writes are never left unflushed by it.
 */
@InterceptorBinding
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadOnlyTransaction {
}
