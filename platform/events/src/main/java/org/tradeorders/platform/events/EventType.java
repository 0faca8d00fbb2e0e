package org.tradeorders.platform.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable, versioned logical event type: {@code tradeorders.<Name>.v<N>}, e.g.
 * {@code tradeorders.OrderConfirmed.v1}. Never derived from a Java class name: it is the public
 * contract partners subscribe to, and it has a JSON Schema at {@code event-schemas/<Name>.v<N>.json}.
 */
public record EventType(String name, int version) {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z]+");
    private static final Pattern TYPE = Pattern.compile("tradeorders\\.([A-Z][A-Za-z]+)\\.v([1-9][0-9]*)");

    public EventType {
        Objects.requireNonNull(name);
        if (!NAME.matcher(name).matches() || version < 1) {
            throw new IllegalArgumentException("bad event type " + name + " v" + version);
        }
    }

    public static EventType of(String name, int version) {
        return new EventType(name, version);
    }

    public static EventType parse(String type) {
        var m = TYPE.matcher(type == null ? "" : type);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a tradeorders event type: " + type);
        }
        return new EventType(m.group(1), Integer.parseInt(m.group(2)));
    }

    /** The ce_type value. */
    public String type() {
        return "tradeorders." + name + ".v" + version;
    }

    /** Where the schemas' {@code $id}s live: each type's is this plus its file name. */
    public static final String SCHEMA_BASE = "https://schemas.tradeorders.org/events/";

    /** The URI of this type's JSON Schema (its {@code $id}), published as ce_dataschema. */
    public String dataSchema() {
        return SCHEMA_BASE + schemaFile();
    }

    /** The schema's file name, e.g. OrderConfirmed.v1.json (served at /event-schemas/&lt;file&gt;). */
    public String schemaFile() {
        return name + ".v" + version + ".json";
    }

    /** Whether {@code type} is a tradeorders event type. */
    public static boolean isType(String type) {
        return type != null && TYPE.matcher(type).matches();
    }

    /** Classpath resource of the JSON Schema of this type. */
    public String schemaResource() {
        return "event-schemas/" + name + ".v" + version + ".json";
    }

    @Override
    public String toString() {
        return type();
    }
}
