package org.tradeorders.platform.persistence;

import jakarta.persistence.EntityManager;

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
        boolean exists = !em.createNativeQuery("select 1 from " + table + " where " + idColumn + " = ?1 for update")
                .setParameter(1, id).getResultList().isEmpty();
        return exists ? em.find(type, id) : null;
    }
}
