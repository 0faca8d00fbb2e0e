package org.tradeorders.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The routes of a service that take a file rather than JSON (a refund case's evidence, a shipment's
 * documents): {@code tradeorders.http.uploads.paths}, a regular expression over the request path.
 * Their bodies may be up to {@code tradeorders.http.uploads.max-bytes} and are typed by the resource
 * (which checks the content itself), not refused for not being JSON.
 */
@ApplicationScoped
public class Uploads {
    private final Optional<Pattern> paths;
    private final long maxBytes;

    public Uploads(@ConfigProperty(name = "tradeorders.http.uploads.paths") Optional<String> paths,
            @ConfigProperty(name = "tradeorders.http.uploads.max-bytes") long maxBytes) {
        this.paths = paths.map(Pattern::compile);
        this.maxBytes = maxBytes;
    }

    public boolean isUpload(String path) {
        return path != null && paths.isPresent() && paths.get().matcher(path).matches();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The upload's declared Content-Type without parameters (null if none), for the content check to compare. */
    public static String declaredType(HttpHeaders headers) {
        MediaType declared = headers.getMediaType();
        return declared == null ? null : declared.getType() + "/" + declared.getSubtype();
    }
}
