package org.tradeorders.review.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A supplier's score: the average of each dimension over its reviews of the score period, and the
 * positive rate (share of those reviews averaging at least the positive threshold).
 */
public record SupplierScore(String supplierId, int reviewCount, BigDecimal serviceAttitude, BigDecimal deliverySpeed,
        BigDecimal descriptionAccuracy, BigDecimal positiveRate) {

    public static SupplierScore of(String supplierId, List<Review> reviews, BigDecimal positiveThreshold) {
        if (reviews.isEmpty()) {
            return none(supplierId);
        }
        long positive = reviews.stream().filter(r -> r.average().compareTo(positiveThreshold) >= 0).count();
        return new SupplierScore(supplierId, reviews.size(),
                avg(reviews.stream().mapToInt(r -> r.serviceAttitude).sum(), reviews.size()),
                avg(reviews.stream().mapToInt(r -> r.deliverySpeed).sum(), reviews.size()),
                avg(reviews.stream().mapToInt(r -> r.descriptionAccuracy).sum(), reviews.size()),
                BigDecimal.valueOf(positive).divide(BigDecimal.valueOf(reviews.size()), 4, RoundingMode.HALF_EVEN));
    }

    /** No review in the period: nothing to average. */
    public static SupplierScore none(String supplierId) {
        return new SupplierScore(supplierId, 0, null, null, null, null);
    }

    private static BigDecimal avg(int sum, int n) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_EVEN);
    }
}
