package org.tradeorders.review.domain;

/** A review's 1-5 stars in each of its three dimensions (domain.md, "Reviews"). */
public record Stars(int serviceAttitude, int deliverySpeed, int descriptionAccuracy) {
}
