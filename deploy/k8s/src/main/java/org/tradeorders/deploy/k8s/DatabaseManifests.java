package org.tradeorders.deploy.k8s;

import static org.tradeorders.deploy.k8s.Custom.list;
import static org.tradeorders.deploy.k8s.Custom.map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL by CloudNativePG ({@code postgresql.cnpg.io/v1}): one Cluster, and per service a login
 * role (its password in the service's secret) owning the service's own database; continuous backup
 * (WAL archiving and a nightly base backup) to an object store through the Barman Cloud plugin.
 * No service can read another's tables: each role owns only its database.
 */
public final class DatabaseManifests {
    static final String API = "postgresql.cnpg.io/v1";
    static final String BARMAN = "barmancloud.cnpg.io/v1";
    static final String OBJECT_STORE = "tradeorders-backups";

    private DatabaseManifests() {
    }

    static List<HasMetadata> of(List<ServiceConfig> services) {
        Map<String, String> labels = Map.of("app.kubernetes.io/part-of", Cluster.PART_OF);
        List<Object> roles = new ArrayList<>();
        services.forEach(s -> roles.add(map("name", s.database(), "ensure", "present", "login", true,
                "passwordSecret", map("name", Cluster.databaseSecret(s)))));
        List<HasMetadata> all = new ArrayList<>();
        all.add(Custom.of(API, "Cluster", Cluster.DATABASE, labels, map(
                "instances", 3,
                "imageName", "ghcr.io/cloudnative-pg/postgresql:17.6",
                "primaryUpdateStrategy", "unsupervised",
                "storage", map("size", "20Gi"),
                "resources", map("requests", map("cpu", "500m", "memory", "1Gi"), "limits", map("memory", "1Gi")),
                "managed", map("roles", roles),
                "plugins", list(map("name", "barman-cloud.cloudnative-pg.io", "isWALArchiver", true,
                        "parameters", map("barmanObjectName", OBJECT_STORE))))));
        for (ServiceConfig s : services) {
            all.add(Custom.of(API, "Database", Cluster.DATABASE + "-" + s.database().replace('_', '-'), labels, map(
                    "name", s.database(), "owner", s.database(), "cluster", map("name", Cluster.DATABASE))));
        }
        all.add(Custom.of(BARMAN, "ObjectStore", OBJECT_STORE, labels, map(
                "configuration", map(
                        "destinationPath", "s3://tradeorders-backups/",
                        "s3Credentials", map(
                                "accessKeyId", map("name", "tradeorders-backup-credentials", "key", "ACCESS_KEY_ID"),
                                "secretAccessKey", map("name", "tradeorders-backup-credentials", "key", "ACCESS_SECRET_KEY")),
                        "wal", map("compression", "gzip")),
                "retentionPolicy", "30d")));
        all.add(Custom.of(API, "ScheduledBackup", Cluster.DATABASE + "-nightly", labels, map(
                "schedule", "0 0 2 * * *",
                "backupOwnerReference", "self",
                "cluster", map("name", Cluster.DATABASE),
                "method", "plugin",
                "pluginConfiguration", map("name", "barman-cloud.cloudnative-pg.io"))));
        return all;
    }
}
