package org.tradeorders.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Loads an entity with its row locked ({@code SELECT ... FOR UPDATE} in plain SQL), for entities
 * with element collections. Hibernate's own pessimistic lock of such an entity adds "follow-on"
 * locks of the collection tables, and two threads doing it at once broke inside Hibernate
 * (NullPointerException in TableLock.applyLoadedState, ConcurrentModificationException) in the
 * end-to-end run. The row lock serialises writers just the same; the entity is then read after it,
 * so it is current. Call it before anything else in the transaction has loaded that entity.
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
        Query lock = em.createNativeQuery("select 1 from " + table + " where " + idColumn + " = ?1 and (" + condition
                + ") for update").setParameter(1, id);
        for (int i = 0; i < parameters.length; i++) {
            lock.setParameter(i + 2, parameters[i]);
        }
        return lock.getResultList().isEmpty() ? null : em.find(type, id);
    }
}
