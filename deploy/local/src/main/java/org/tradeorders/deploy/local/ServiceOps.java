package org.tradeorders.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tradeorders.deploy.local.LocalStack.Service;

/** What the local stack asks a running service over HTTP: is it ready, what is its clock, move its clock. */
final class ServiceOps {
    private static final Pattern OFFSET = Pattern.compile("\"offset\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Supplier<String> operatorToken;

    ServiceOps(Supplier<String> operatorToken) {
        this.operatorToken = operatorToken;
    }

    /** {@code /q/health/ready} answers 200; false while it does not listen yet. */
    boolean ready(Service s) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How far the service's controllable clock is ahead of the wall clock. */
    Duration clockOffset(Service s) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/ops/clock"))
                    .header("Authorization", "Bearer " + operatorToken.get()).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = OFFSET.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException(s + " did not tell its clock: " + r.statusCode() + " " + r.body());
            }
            return Duration.parse(m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Moves the service's clock forward (POST /ops/clock/advance), as deploy/local/clock.sh does. */
    void advanceClock(Service s, Duration by) {
        if (by.isZero()) {
            return;
        }
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.baseUrl()
                    + "/ops/clock/advance")).header("Authorization", "Bearer " + operatorToken.get())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"days\":" + by.toDays() + ",\"hours\":"
                            + by.toHoursPart() + "}")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(s + " refused to advance its clock: " + r.statusCode() + " " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
