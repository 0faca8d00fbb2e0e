package org.tradeorders.deploy.local;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tradeorders.platform.infra.Ports;

/**
 * Where a local stack runs: the repository (its built services), the data folder, the ports, whether
 * PostgreSQL is durable, the credit lines to seed, and {@code smtpPort}: where the services send
 * e-mail (a test's SMTP server), or null to write e-mails to the logs.
 */
public record StackOptions(Path repoRoot, Path dataDir, int firstServicePort, int kafkaPort, int kafkaControllerPort,
        int postgresPort, boolean durable, Map<String, String> creditLines, Integer smtpPort) {

    public StackOptions(Path repoRoot, Path dataDir, int firstServicePort, int kafkaPort, int kafkaControllerPort,
            int postgresPort, boolean durable, Map<String, String> creditLines) {
        this(repoRoot, dataDir, firstServicePort, kafkaPort, kafkaControllerPort, postgresPort, durable, creditLines, null);
    }

    public StackOptions withSmtpPort(int port) {
        return new StackOptions(repoRoot, dataDir, firstServicePort, kafkaPort, kafkaControllerPort, postgresPort, durable,
                creditLines, port);
    }

    /** The same, with PostgreSQL durable (fsync on, as the local run and production run it) or not. */
    public StackOptions withDurable(boolean isDurable) {
        return new StackOptions(repoRoot, dataDir, firstServicePort, kafkaPort, kafkaControllerPort, postgresPort, isDurable,
                creditLines, smtpPort);
    }

    /**
     * The local run's service JVMs are small: serial GC, C1 only, a heap that starts at 32 MB, may grow
     * to 256 MB and gives back what it does not use (resident memory about 65 MB less than a heap fixed
     * at 256 MB, measured by the pipeline benchmark). -Dtradeorders.service.jvm overrides.
     */
    public static final String SMALL_JVM = "-Xms32m -Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "
            + "-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30";

    /**
     * Gives the C library's freed memory back every 5 s (malloc_trim): 6-10 MB less resident memory for
     * an idle service (measured on order-service). A JDK 17 older than 17.0.9 lacks the option: left out.
     */
    static final String NATIVE_TRIM = "-XX:TrimNativeHeapInterval=5000";

    /** The JVM options every service instance starts with. */
    public static List<String> serviceJvm() {
        String jvm = System.getProperty("tradeorders.service.jvm");
        if (jvm != null && !jvm.isBlank()) {
            return List.of(jvm.trim().split("\\s+"));
        }
        List<String> small = new ArrayList<>(List.of(SMALL_JVM.split("\\s+")));
        if (jvmHas("TrimNativeHeapInterval")) {
            small.add(NATIVE_TRIM);
        }
        return small;
    }

    private static boolean jvmHas(String option) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(option);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Profiling (the benchmark's -Dtradeorders.jfr.dir): a JFR recording for the instance, or nothing. */
    public static List<String> profiling(String instance) {
        String jfr = System.getProperty("tradeorders.jfr.dir");
        return jfr == null || jfr.isBlank() ? List.of() : List.of("-XX:StartFlightRecording=settings=profile,"
                + "dumponexit=true,filename=" + Path.of(jfr).resolve(instance + ".jfr"));
    }

    /** The local run's fixed ports (see README). */
    public static StackOptions local(Path repoRoot, Path dataDir) {
        return new StackOptions(repoRoot, dataDir, env("SERVICE_PORT_BASE", 8081), env("KAFKA_PORT", 19092),
                env("KAFKA_CONTROLLER_PORT", 19093), env("POSTGRES_PORT", 15432), true, LocalStack.DEMO_CREDIT_LINES);
    }

    /** Free ports and a throwaway folder: for tests. */
    public static StackOptions ephemeral(Path repoRoot, Path dataDir) {
        int base = freeRange(5);
        return new StackOptions(repoRoot, dataDir, base, Ports.free(), Ports.free(), Ports.free(), false, LocalStack.DEMO_CREDIT_LINES);
    }

    private static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    private static int freeRange(int n) {
        for (int attempt = 0; attempt < 50; attempt++) {
            // below the OS's ephemeral range (32768+ on Linux), so no outgoing connection takes one meanwhile
            int base = 20000 + (int) (Math.random() * 12000);
            boolean free = true;
            for (int i = 0; i < n && free; i++) {
                free = !Ports.inUse(base + i);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free port range");
    }
}
