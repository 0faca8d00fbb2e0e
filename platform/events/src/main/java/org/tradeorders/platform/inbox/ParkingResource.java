package org.tradeorders.platform.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;

/**
 * The operator's view of this service's consumers: dead letters, parked aggregates, and the redrive
 * of one aggregate once the cause of its dead letter is fixed.
 */
@Path("/ops/consumers")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class ParkingResource {
    @Inject
    Parking parking;
    @Inject
    Inbox inbox;

    @Operation(description = "Events this service's consumers dead-lettered, in the order they arrived, in pages: "
            + "which consumer, which aggregate, the error, the attempts and where the event came from.")
    @GET
    @Path("/dead-letters")
    public Page<Parking.DeadLetter> deadLetters(@BeanParam @Valid PageRequest request) {
        return new Page<>(parking.deadLetters(request.offset(), request.size()), request.page(), request.size(),
                parking.totals()[1]);
    }

    @Operation(description = "Aggregates parked behind a dead letter, in pages: their later events are held in order "
            + "until an operator redrives them.")
    @GET
    @Path("/parked")
    public Page<Parking.ParkedAggregate> parked(@BeanParam @Valid PageRequest request) {
        return new Page<>(parking.aggregates(request.offset(), request.size()), request.page(), request.size(),
                parking.totals()[0]);
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
