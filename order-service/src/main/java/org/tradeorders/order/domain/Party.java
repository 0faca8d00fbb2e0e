package org.tradeorders.order.domain;

public enum Party {
    BUYER,
    SUPPLIER
}
