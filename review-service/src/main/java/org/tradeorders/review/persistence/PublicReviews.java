package org.tradeorders.review.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.review.domain.Review;

/** A supplier's reviews for its public list: newest first (ties by order id, so pages never overlap). */
@ApplicationScoped
public class PublicReviews {
    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Review> of(String supplierId, PageRequest page) {
        long total = em.createQuery("select count(r) from Review r where r.supplierId = ?1", Long.class)
                .setParameter(1, supplierId).getSingleResult();
        return page.of(em.createQuery("select r from Review r where r.supplierId = ?1 order by r.submittedAt desc, r.orderId",
                Review.class).setParameter(1, supplierId), total);
    }
}
