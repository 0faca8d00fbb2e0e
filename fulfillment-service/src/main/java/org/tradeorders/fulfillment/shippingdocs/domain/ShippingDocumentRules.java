package org.tradeorders.fulfillment.shippingdocs.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "fulfillment.shipping-documents")
public interface ShippingDocumentRules {
    /** The largest file (tradeorders.http.uploads.max-bytes follows it). */
    @WithDefault("10485760")
    long maxFileBytes();

    @WithDefault("20")
    int maxFilesPerShipment();
}
