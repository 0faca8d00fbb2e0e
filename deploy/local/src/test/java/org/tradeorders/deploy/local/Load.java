package org.tradeorders.deploy.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** Closed-loop load for the benchmark: n workers repeat one call for a while; counts and latencies. */
final class Load {
    private Load() {
    }

    /** What a run did: calls answered as wanted, calls that were not, per-call latencies (ns), and the seconds. */
    record Result(long ok, long failed, List<Long> latenciesNanos, double seconds) {
        double perSecond() {
            return ok / seconds;
        }

        double percentileMillis(double p) {
            return percentile(latenciesNanos, p) / 1e6;
        }
    }

    /** A call: true when it was answered as wanted. */
    interface Call {
        boolean run() throws Exception;
    }

    static Result closedLoop(int workers, Duration warmUp, Duration measure, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            running.add(pool.submit((Callable<Void>) () -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean good;
                    try {
                        good = call.run();
                    } catch (Exception e) {
                        good = false;
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= end) {
                        (good ? ok : failed).increment();
                        if (good) {
                            latencies.add(t1 - t0);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return new Result(ok.sum(), failed.sum(), latencies, measure.toNanos() / 1e9);
    }

    static double percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
