package org.tradeorders.platform.worker;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One background thread that does work in rounds: as long as a round finds work it goes on, otherwise
 * it sleeps for the poll interval or until {@link #wakeUp()}; a failed round is logged and retried
 * after a pause. The outbox relay, the deadline poller and the mail sender are such workers.
 */
public final class PollingWorker {
    /** One round; returns true if it did work and another round should follow at once. */
    @FunctionalInterface
    public interface Round {
        boolean run() throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(PollingWorker.class);

    private final String name;
    private final Duration pollInterval;
    private final Duration errorPause;
    private final Round round;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public PollingWorker(String name, Duration pollInterval, Duration errorPause, Round round) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.errorPause = errorPause;
        this.round = round;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the thread after its current round (waits up to 10 s). */
    public synchronized void stop() {
        running = false;
        wakeUp.release();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** Start the next round now (e.g. a transaction that created work committed). */
    public void wakeUp() {
        wakeUp.release();
    }

    private void loop() {
        while (running) {
            try {
                if (!round.run()) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("%s: %s; retrying in %s", name, e.getMessage(), errorPause);
                try {
                    wakeUp.tryAcquire(errorPause.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
