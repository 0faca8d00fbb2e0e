package org.tradeorders.platform.waiting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerHttpRequest;
import org.tradeorders.platform.persistence.ReadOnlyTransactions;
import org.tradeorders.platform.problem.ProblemException;

/**
 * A read that can wait for a change instead of being polled: every answer carries an ETag (a digest of
 * its JSON); an answer that would be the one the client holds ({@code If-None-Match}, or not found yet)
 * is held, with {@code Prefer: wait=N}, until the aggregate changes ({@link Changes}) and is read again,
 * up to N seconds; then 304 (or the 404). Each read is a read-only transaction of its own: no
 * connection or transaction is held while waiting. A request holding the answer last read here for the
 * same path, query and credentials, with no change announced since ({@link KnownAnswers}), waits before
 * it reads, at most {@link WaitsConfig#knownAnswerRecheck()}: a change that wakes it first spares a read,
 * a commit that would find nothing new. Waiting holds the request's
 * worker thread, so at most {@link WaitsConfig#maxWaiting()} wait at once; beyond that a request is
 * answered at once. A client that closes its connection ends its wait.
 */
@ApplicationScoped
public class WaitingReads {
    @Inject
    Changes changes;
    @Inject
    WaitsConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    ReadOnlyTransactions transactions;

    @Inject
    MeterRegistry registry;

    private Semaphore waiting;
    private Counter readsSpared;

    @PostConstruct
    void init() {
        waiting = new Semaphore(config.maxWaiting());
        readsSpared = Counter.builder("tradeorders.waits.reads.spared")
                .description("waiting requests that held the answer last read and were woken by a change before reading it again")
                .register(registry);
    }

    /**
     * @param key the aggregate whose change ends a wait: the key its events are published with
     * @param read the answer, as JSON; a 404 it throws is an answer not there yet
     */
    public Response answer(String key, WaitRequest request, Supplier<?> read) {
        Set<String> held = request.heldTags();
        Optional<Duration> asked = request.waitAsked();
        ResteasyReactiveRequestContext http = CurrentRequestManager.get();
        String asker = http == null ? null : askerOf(http.serverRequest());
        if (asked.isEmpty() || !waiting.tryAcquire()) {
            return respond(attempt(key, asker, read), held, null);
        }
        Duration wait = asked.get().compareTo(config.maxWait()) > 0 ? config.maxWait() : asked.get();
        try (Changes.Watch watch = changes.watch(key)) {
            if (http != null) {
                http.serverResponse().addCloseHandler(watch::clientGone);
            }
            long deadline = System.nanoTime() + wait.toNanos();
            // the client holds the answer last read here, and no change was announced since: wait first, and read
            // when a change wakes this request or at the latest after the recheck, so that a change announcing
            // nothing (an event marked published) is answered within it
            Optional<String> known = asker == null ? Optional.empty() : changes.known().current(key, asker, held);
            Attempt answer = known.map(Attempt::notReadYet).orElseGet(() -> attempt(key, asker, read));
            long until = known.isEmpty() ? deadline : Math.min(deadline, System.nanoTime() + config.knownAnswerRecheck().toNanos());
            while (answer.unchanged(held)) {
                Changes.Wake wake = awaitChange(watch, until);
                if (wake == Changes.Wake.STOPPING || wake == Changes.Wake.CLIENT_GONE) {
                    break; // answers what it has: the answer the client holds
                }
                if (wake == Changes.Wake.CHANGED && answer.notRead()) {
                    readsSpared.increment();
                }
                // read again, also when the wait ran out: a change that woke nobody is no 304
                answer = attempt(key, asker, read);
                if (wake == Changes.Wake.TIMED_OUT && until == deadline) {
                    break;
                }
                until = deadline;
            }
            return respond(answer, held, wait);
        } finally {
            waiting.release();
        }
    }

    /** Whose read of what: the path and query read, and the credentials read with (the answer may differ by caller). */
    private static String askerOf(ServerHttpRequest request) {
        String query = request.query();
        String authorization = request.getRequestHeader(HttpHeaders.AUTHORIZATION);
        return tagOf((request.getRequestPath() + "?" + (query == null ? "" : query) + " " + (authorization == null ? ""
                : authorization)).getBytes(StandardCharsets.UTF_8));
    }

    /** An interrupted wait (the worker pool shutting down) answers what it has. */
    private static Changes.Wake awaitChange(Changes.Watch watch, long deadline) {
        try {
            return watch.await(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Changes.Wake.STOPPING;
        }
    }

    /** One read: the JSON and its tag (remembered for the asker), or the 404 it answered. */
    private Attempt attempt(String key, String asker, Supplier<?> read) {
        KnownAnswers.Reading reading = asker == null ? null : changes.known().reading(key);
        try {
            byte[] body = json.writeValueAsBytes(transactions.call(read::get));
            String tag = tagOf(body);
            if (reading != null) {
                reading.read(asker, tag);
            }
            return new Attempt(body, tag, null);
        } catch (ProblemException e) {
            if (e.problem().status() != 404) {
                throw e;
            }
            return new Attempt(null, null, e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer is not serialisable", e);
        }
    }

    private static Response respond(Attempt answer, Set<String> held, Duration applied) {
        if (answer.missing() != null) {
            throw answer.missing();
        }
        EntityTag tag = new EntityTag(answer.tag());
        Response.ResponseBuilder response = answer.unchanged(held) ? Response.notModified(tag)
                : Response.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE).tag(tag);
        if (applied != null) {
            response.header(WaitRequest.PREFERENCE_APPLIED, "wait=" + applied.toSeconds());
        }
        return response.build();
    }

    /** 128 bits of the answer's SHA-256, base64url: equal answers, equal tags. */
    static String tagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Attempt(byte[] body, String tag, ProblemException missing) {
        /** The answer the client holds, known here ({@link KnownAnswers}) and not read again yet. */
        static Attempt notReadYet(String tag) {
            return new Attempt(null, tag, null);
        }

        boolean notRead() {
            return body == null && missing == null;
        }

        /** The answer the client holds: not there yet, or with a tag it names. */
        boolean unchanged(Set<String> held) {
            return missing != null || held.contains("*") || held.contains(tag);
        }
    }
}
