package org.tradeorders.platform.http;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A kept file as a download: its bytes, its media type, Repr-Digest (RFC 9530) with its SHA-256 so the
 * receiver can verify it, and a Content-Disposition naming it (RFC 5987-encoded, any character safe).
 */
public final class FileDownload {
    private FileDownload() {
    }

    public static Response of(byte[] content, String mediaType, String sha256Hex, String fileName) {
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex));
        return Response.ok(content, mediaType).header("Repr-Digest", "sha-256=:" + digest + ":")
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }
}
