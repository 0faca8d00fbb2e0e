package org.tradeorders.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/**
 * Loads an entity with its row locked ({@code SELECT ... FOR UPDATE} in plain SQL), for entities
 * with element collections. Hibernate's own pessimistic lock of such an entity adds "follow-on"
 * locks of the collection tables, and two threads doing it at once broke inside Hibernate
 * (NullPointerException in TableLock.applyLoadedState, ConcurrentModificationException) in the
 * end-to-end run. The row lock serialises writers just the same. The entity is mapped from the row
 * the locking statement returns (after waiting for a writer, its newest version) and its collections
 * are read after it, so it is current in one round trip less than a lock and then a read. Call it before
 * anything else in the transaction has loaded that entity: a managed instance is returned as it is.
 */
public final class RowLock {
    private RowLock() {
    }

    /** {@code table} and {@code idColumn} are the entity's (code, never input); null when the row does not exist. */
    public static <T> T find(EntityManager em, Class<T> type, String table, String idColumn, Object id) {
        return findIf(em, type, table, idColumn, id, "true");
    }

    /**
     * As {@link #find}, if the row also meets {@code condition} (SQL on its columns, code never input,
     * its parameters {@code ?2} on); null otherwise, and a row that does not meet it is not locked.
     */
    public static <T> T findIf(EntityManager em, Class<T> type, String table, String idColumn, Object id, String condition,
            Object... parameters) {
        Query lock = em.createNativeQuery("select * from " + table + " where " + idColumn + " = ?1 and (" + condition
                + ") for update", type).setParameter(1, id);
        for (int i = 0; i < parameters.length; i++) {
            lock.setParameter(i + 2, parameters[i]);
        }
        List<?> rows = lock.getResultList();
        return rows.isEmpty() ? null : type.cast(rows.get(0));
    }
}
