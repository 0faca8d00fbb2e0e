package org.tradeorders.fulfillment.domain;

/** How the goods leave the country (shared/domain.md, "Fulfillment"). */
public enum ExportMode {
    /** the supplier's own carrier and customs declaration */
    SELF_OPERATED,
    /** the platform's one-stop export bill */
    ONE_STOP_EXPORT
}
