package org.tradeorders.platform.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tradeorders.platform.identity.Roles;

/**
 * The operator's view of this service's consumers: dead letters, parked aggregates, and the redrive
 * of one aggregate once the cause of its dead letter is fixed.
 */
@Path("/ops/consumers")
@RolesAllowed(Roles.OPERATOR)
public class ParkingResource {
    public record Page<T>(List<T> items, int page, int size) {
    }

    @Inject
    Parking parking;
    @Inject
    Inbox inbox;

    @Operation(description = "Events this service's consumers dead-lettered, newest first, in pages: which consumer, "
            + "which aggregate, the error, the attempts and where the event came from.")
    @GET
    @Path("/dead-letters")
    public Page<Parking.DeadLetter> deadLetters(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return new Page<>(parking.deadLetters(page * size, size), page, size);
    }

    @Operation(description = "Aggregates parked behind a dead letter, in pages: their later events are held in order "
            + "until an operator redrives them.")
    @GET
    @Path("/parked")
    public Page<Parking.ParkedAggregate> parked(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return new Page<>(parking.aggregates(page * size, size), page, size);
    }

    @Operation(description = "Applies the aggregate's dead letter and the events held behind it, in order. Idempotent: "
            + "what was applied is not applied again, and an aggregate no longer parked answers "
            + "applied: 0.")
    @POST
    @Path("/parked/{subject}/redrive")
    public Inbox.Redrive redrive(@PathParam("subject") String subject) {
        return inbox.redrive(subject);
    }
}
