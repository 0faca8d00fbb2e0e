package org.tradeorders.order.domain;

public enum TransportMethod {
    SEA_FREIGHT, AIR_FREIGHT, EXPRESS, LAND_FREIGHT, RAIL_FREIGHT, MULTIMODAL
}
