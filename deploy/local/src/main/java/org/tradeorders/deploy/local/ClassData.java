package org.tradeorders.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Class-data sharing for the local stack's services. A JVM spends most of a service's start loading,
 * parsing and verifying some 20,000 classes; from an archive of them it maps them ready-made. The
 * archive is trained on the stack itself: a service whose archive is missing or older than its build
 * is started once with {@code -XX:ArchiveClassesAtExit}, until ready (every class a start loads, Kafka
 * and Hibernate included), and stopped; the JVM writes the archive as it exits. Every later start uses
 * it (order-service alone on an idle stack: 3.9 s to ready before, 2.5-3.0 s with it). A JVM the archive
 * does not fit (another JDK, a rebuilt jar) ignores it ({@code -Xshare:auto}). The archive records the
 * class path as the training ran it, so every instance starts from the application's directory.
 */
final class ClassData {
    static final String ARCHIVE = "app-cds.jsa";

    private ClassData() {
    }

    /** Whether the application's archive exists and was written after everything in its build. */
    static boolean fresh(Path applicationDir) {
        Path archive = applicationDir.resolve(ARCHIVE);
        if (!Files.exists(archive)) {
            return false;
        }
        try (Stream<Path> build = Files.walk(applicationDir)) {
            // files only: the folder's own time changes as the archive is put in it
            FileTime built = build.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("app-cds"))
                    .map(ClassData::modified).max(FileTime::compareTo).orElseThrow();
            return modified(archive).compareTo(built) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The options of an instance that uses the archive, if there is one. */
    static List<String> use(Path applicationDir) {
        return Files.exists(applicationDir.resolve(ARCHIVE)) ? List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:auto")
                : List.of();
    }

    /** The options of a training instance: it writes its archive beside the application when it exits. */
    static List<String> training(int port) {
        // unified logging of the dump's skipped classes stays out of the service's log
        return List.of("-XX:ArchiveClassesAtExit=" + partial(port), "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** After the training instance exited: its archive replaces the old one at once (a rename). */
    static void trained(Path applicationDir, int port) {
        Path written = applicationDir.resolve(partial(port));
        if (!Files.exists(written)) {
            return; // the training did not end with a clean exit: the next start trains again
        }
        try {
            Files.move(written, applicationDir.resolve(ARCHIVE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each training instance writes a file of its own, so two never write one file. */
    private static String partial(int port) {
        return "app-cds-" + port + ".part";
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
