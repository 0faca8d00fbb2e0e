package org.tradeorders.platform.events;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.platform.problem.ProblemException;

/**
 * Every service serves the JSON Schemas of the events it publishes, the contract partners build on:
 * {@code GET /event-schemas/OrderConfirmed.v1.json}. Each schema's {@code $id} is the URI its events
 * carry as ce_dataschema. Public: a schema is no secret.
 */
@Path("/event-schemas")
public class EventSchemaResource {
    static final String SCHEMA_JSON = "application/schema+json";
    private static final Pattern FILE = Pattern.compile("[A-Z][A-Za-z]+\\.v[1-9][0-9]*\\.json");

    @Operation(description = "The JSON Schema (2020-12) of one event type this service publishes, by its file name "
            + "<Name>.v<N>.json; its $id is the ce_dataschema of the type's events.")
    @GET
    @Path("/{file}")
    @PermitAll
    @Produces({ SCHEMA_JSON, "application/json" })
    @APIResponse(responseCode = "200", description = "the schema", content = {
            @Content(mediaType = SCHEMA_JSON, schema = @Schema(type = SchemaType.OBJECT)),
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT)) })
    public Response schema(@PathParam("file") String file) throws IOException {
        if (file == null || !FILE.matcher(file).matches()) {
            throw ProblemException.notFound("event schema", String.valueOf(file));
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("event-schemas/" + file)) {
            if (in == null) {
                throw ProblemException.notFound("event schema", file);
            }
            return Response.ok(in.readAllBytes(), SCHEMA_JSON).build();
        }
    }
}
