package org.tradeorders.order.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tradeorders.platform.problem.ProblemException;

/**
 * The signed, expiring links of e-Collection payment reminders: a buyer without an account opens its
 * order through one. The token is {@code base64url(orderId~expiresAt~reminderNo)} + "." + its
 * HMAC-SHA256 under {@code order.e-collection.link-secret}; nothing is stored, so a changed byte or a
 * passed expiry is all it takes to refuse it.
 */
@ApplicationScoped
public class PaymentReminderLinks {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    ECollectionRules rules;
    @Inject
    Clock clock;

    /** What a valid link grants: reading and confirming this order. */
    public record Grant(String orderId, Instant expiresAt, int reminderNo) {
    }

    public record Link(String token, String url, Instant expiresAt) {
    }

    public Link issue(String orderId, int reminderNo) {
        Instant expiresAt = clock.instant().plus(rules.reminderLinkValidity());
        String payload = B64.encodeToString((orderId + "~" + expiresAt.getEpochSecond() + "~" + reminderNo)
                .getBytes(StandardCharsets.UTF_8));
        String token = payload + "." + B64.encodeToString(mac(payload));
        return new Link(token, rules.reminderLinkBase() + token, expiresAt);
    }

    /** The grant of a genuine, unexpired link; a tampered one is 403, an expired one 410. */
    public Grant verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        byte[] given;
        try {
            given = dot < 1 ? null : Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            given = null;
        }
        if (given == null || !MessageDigest.isEqual(given, mac(token.substring(0, dot)))) {
            throw new ProblemException(403, "invalid-reminder-link", "Invalid payment-reminder link",
                    "this link was not issued by us or was altered; use the link in your latest payment-reminder e-mail",
                    null, null);
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8).split("~");
        Grant grant = new Grant(parts[0], Instant.ofEpochSecond(Long.parseLong(parts[1])), Integer.parseInt(parts[2]));
        if (!clock.instant().isBefore(grant.expiresAt())) {
            throw new ProblemException(410, "reminder-link-expired", "Payment-reminder link expired",
                    "this link expired at " + grant.expiresAt() + "; ask the supplier to send the payment reminder again",
                    null, null);
        }
        return grant;
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(rules.linkSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
