package org.tradeorders.deploy.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time the parts of the stack used, from /proc: each service's JVM, PostgreSQL (the postmaster
 * and its backends, including those that exited), the Kafka broker and the benchmark's own JVM (the
 * clients), and how busy the whole machine was. Two snapshots give what happened between them.
 */
final class CpuUse {
    /** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    record Snapshot(Map<String, Long> ticks, long machineBusy, long machineAll, long machineStolen) {
    }

    private CpuUse() {
    }

    static Snapshot take(LocalStack stack) throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        stack.processes().forEach((service, process) -> ticks.merge(service.name(), ticksOf(process.pid(), true), Long::sum));
        List<Long> jvms = new ArrayList<>(stack.processes().values().stream().map(Process::pid).toList());
        jvms.add(ProcessHandle.current().pid());
        long postgres = 0;
        long kafka = 0;
        for (ProcessHandle p : ProcessHandle.current().descendants().toList()) {
            String command = commandLine(p.pid());
            if (command.contains("bin/postgres")) {
                postgres += ticksOf(p.pid(), true); // the postmaster: its own time and its exited backends'
            } else if (command.startsWith("postgres:")) {
                postgres += ticksOf(p.pid(), false); // a live backend
            } else if (command.contains("kafka.Kafka")) {
                kafka += ticksOf(p.pid(), true);
                jvms.add(p.pid());
            }
        }
        ticks.put("postgresql", postgres);
        ticks.put("kafka", kafka);
        ticks.put("clients", ticksOf(ProcessHandle.current().pid(), false));
        // of which the JVMs spent compiling (C1/C2 compiler threads) and collecting (serial GC runs in the VM thread)
        ticks.put("of_which_jit_compiling", threadTicks(jvms, "C1 CompilerThre", "C2 CompilerThre"));
        ticks.put("of_which_gc", threadTicks(jvms, "VM Thread", "GC Thread"));
        List<String> cpu = List.of(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"));
        long all = 0;
        for (int i = 1; i < cpu.size(); i++) {
            all += Long.parseLong(cpu.get(i));
        }
        long idle = Long.parseLong(cpu.get(4)) + Long.parseLong(cpu.get(5)); // idle + iowait
        long stolen = Long.parseLong(cpu.get(8)); // time the hypervisor gave this machine's cores to others
        return new Snapshot(ticks, all - idle - stolen, all, stolen);
    }

    /** Milliseconds of CPU per unit of work (an order) between two snapshots, per part and in total. */
    static Map<String, Double> perUnit(Snapshot from, Snapshot to, int units) {
        Map<String, Double> out = new LinkedHashMap<>();
        long sum = 0;
        for (Map.Entry<String, Long> e : to.ticks().entrySet()) {
            long used = e.getValue() - from.ticks().getOrDefault(e.getKey(), 0L);
            if (!e.getKey().startsWith("of_which")) {
                sum += used;
            }
            out.put(e.getKey(), 1000.0 * used / TICKS_PER_SECOND / units);
        }
        out.put("total", 1000.0 * sum / TICKS_PER_SECOND / units);
        return out;
    }

    /**
     * The share of the machine's core time the hypervisor gave to others between two snapshots, 0 to 1:
     * a run with much of it measured a slower machine, and its figures do not compare with others'.
     */
    static double stolen(Snapshot from, Snapshot to) {
        return (double) (to.machineStolen() - from.machineStolen()) / Math.max(1, to.machineAll() - from.machineAll());
    }

    /** How busy the machine's cores were between two snapshots, 0 to 1. */
    static double busy(Snapshot from, Snapshot to) {
        return (double) (to.machineBusy() - from.machineBusy()) / Math.max(1, to.machineAll() - from.machineAll());
    }

    /** CPU of the threads whose names start with one of {@code names}, summed over the processes. */
    private static long threadTicks(List<Long> pids, String... names) {
        long sum = 0;
        for (long pid : pids) {
            File[] tasks = new File("/proc/" + pid + "/task").listFiles();
            for (File task : tasks == null ? new File[0] : tasks) {
                try {
                    String comm = Files.readString(task.toPath().resolve("comm")).trim();
                    if (Arrays.stream(names).anyMatch(comm::startsWith)) {
                        sum += ticksOf(task.toPath().resolve("stat"), false);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return sum;
    }

    /** The process's command line as it shows it (PostgreSQL's backends rewrite theirs). */
    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ').trim();
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    /** utime + stime, and with {@code children} also the times of its exited, waited-for children. */
    private static long ticksOf(long pid, boolean children) {
        return ticksOf(Path.of("/proc/" + pid + "/stat"), children);
    }

    /** The same from a process's or a thread's stat file. */
    private static long ticksOf(Path statFile, boolean children) {
        try {
            String stat = Files.readString(statFile);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // f[0] is field 3 (state)
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return children ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        } catch (IOException | RuntimeException gone) {
            return 0; // the process exited between listing and reading
        }
    }
}
