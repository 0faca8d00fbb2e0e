package org.tradeorders.platform.events;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The partner contract of the service's topic, machine-readable: its AsyncAPI 3.0 document
 * ({@code src/main/resources/asyncapi.json}, kept in the repository), at {@code GET /asyncapi}. Each message's payload refers to
 * its JSON Schema by the relative path {@code event-schemas/<Name>.v<N>.json}, which resolves both in
 * the repository and here ({@link EventSchemaResource}). Public, like the schemas.
 */
@Path("/asyncapi")
public class AsyncApiResource {

    @Operation(description = "The AsyncAPI 3.0 document of the topic this service publishes: channel, key, ordering, "
            + "partitions, and per event type its CloudEvents headers and payload schema.")
    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "the document", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT)))
    public Response document() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("asyncapi.json")) {
            if (in == null) {
                throw new IllegalStateException("asyncapi.json is missing from the service jar");
            }
            return Response.ok(in.readAllBytes(), MediaType.APPLICATION_JSON).build();
        }
    }
}
