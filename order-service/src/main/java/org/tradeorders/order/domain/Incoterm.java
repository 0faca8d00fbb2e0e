package org.tradeorders.order.domain;

/** Incoterms 2020: who pays and bears the risk for which leg of the journey. */
public enum Incoterm {
    EXW, FCA, CPT, CIP, DAP, DPU, DDP, FAS, FOB, CFR, CIF
}
