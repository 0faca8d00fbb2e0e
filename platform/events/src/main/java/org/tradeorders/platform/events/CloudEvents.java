package org.tradeorders.platform.events;

/** CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes travel as ce_* headers. */
public final class CloudEvents {
    public static final String SPEC_VERSION = "1.0";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPECVERSION = "ce_specversion";
    /** The URI of the data's JSON Schema: the schema's {@code $id} ({@link EventType#dataSchema()}). */
    public static final String DATASCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private CloudEvents() {
    }
}
