package org.tradeorders.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Signs JWTs for demo companies with a key pair made on first use (never committed). The services
 * verify them with the public key; in production they verify the real identity provider's key instead.
 */
public final class DevTokens {
    public static final String ISSUER = "https://tradeorders.local/dev-issuer";

    private final Path publicKey;
    private final PrivateKey privateKey;

    private DevTokens(Path publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** Loads the key pair from {@code dir}, creating it the first time. */
    public static synchronized DevTokens in(Path dir) {
        try {
            Files.createDirectories(dir);
            Path pub = dir.resolve("jwt-public.pem");
            Path priv = dir.resolve("jwt-private.pem");
            if (!Files.exists(priv) || !Files.exists(pub)) {
                KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
                gen.initialize(2048);
                KeyPair pair = gen.generateKeyPair();
                Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            String body = Files.readString(priv).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new DevTokens(pub, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path publicKeyPath() {
        return publicKey;
    }

    /** A token for a person of {@code companyId} acting as {@code role} (buyer, supplier or operator). */
    public String issue(String role, String companyId, Duration validFor) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(ISSUER);
            claims.setSubject(role + "@" + companyId);
            claims.setClaim("upn", role + "@" + companyId);
            claims.setClaim("groups", List.of(role));
            claims.setClaim("company_id", companyId);
            claims.setClaim("email", emailOf(role, companyId));
            claims.setIssuedAtToNow();
            claims.setJwtId(UUID.randomUUID().toString());
            claims.setExpirationTimeMinutesInTheFuture(validFor.toSeconds() / 60f);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(privateKey);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setHeader("typ", "JWT");
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo person's address: {@code supplier@sup-1001.example.test}. */
    public static String emailOf(String role, String companyId) {
        return (role + "@" + companyId + ".example.test").toLowerCase(Locale.ROOT);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** {@code java -cp ... DevTokens <dir> <role> <companyId>} prints a token valid for 12 hours. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: DevTokens <key-dir> <buyer|supplier|operator> <company-id>");
            System.exit(2);
        }
        System.out.println(in(Path.of(args[0])).issue(args[1], args[2], Duration.ofHours(12)));
    }
}
