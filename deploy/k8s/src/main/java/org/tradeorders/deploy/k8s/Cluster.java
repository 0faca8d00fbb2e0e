package org.tradeorders.deploy.k8s;

/** The names every manifest agrees on: the Kafka cluster, the database cluster, the secrets ops provide. */
public final class Cluster {
    public static final String PART_OF = "tradeorders";
    public static final String KAFKA = "tradeorders";
    /** Strimzi's TLS listener with SCRAM-SHA-512: the only one the services use. */
    public static final int KAFKA_PORT = 9093;
    public static final String KAFKA_BOOTSTRAP = KAFKA + "-kafka-bootstrap:" + KAFKA_PORT;
    /** Strimzi's cluster CA certificate secret, which the services trust. */
    public static final String KAFKA_CA_SECRET = KAFKA + "-cluster-ca-cert";
    public static final String DATABASE = "tradeorders-db";
    public static final int DATABASE_PORT = 5432;
    /** The container port every service listens on (PORT). */
    public static final int HTTP_PORT = 8080;
    /** The ingress controller's namespace: only it reaches the REST ports. */
    public static final String INGRESS_NAMESPACE = "ingress-nginx";
    /**
     * Where Prometheus (the Prometheus Operator's) and the OpenTelemetry collector run: Prometheus
     * scrapes /q/metrics from there, and the services send traces there (OTLP 4317) when configured.
     */
    public static final String MONITORING_NAMESPACE = "monitoring";
    public static final int OTLP_PORT = 4317;
    /** The public key tokens are verified with (ops provide it: the identity provider's). */
    public static final String JWT_SECRET = "tradeorders-jwt-public-key";
    /** The mail relay's login (basic-auth: username, password). */
    public static final String SMTP_SECRET = "tradeorders-smtp";
    /** The user of the services' images (the UBI OpenJDK runtime's non-root user). */
    public static final long USER = 185;

    private Cluster() {
    }

    /** The secret with the database role's credentials (basic-auth: username, password), one per service. */
    public static String databaseSecret(ServiceConfig s) {
        return DATABASE + "-" + s.database().replace('_', '-');
    }
}
