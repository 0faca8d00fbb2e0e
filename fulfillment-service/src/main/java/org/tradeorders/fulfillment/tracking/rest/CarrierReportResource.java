package org.tradeorders.fulfillment.tracking.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.fulfillment.tracking.domain.Tracking;
import org.tradeorders.fulfillment.tracking.domain.TrackingEvent;
import org.tradeorders.fulfillment.tracking.domain.TrackingStatus;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;

/** Carrier adapters report tracking events of shipments. */
@Path("/carrier-reports")
@Produces(MediaType.APPLICATION_JSON)
public class CarrierReportResource {
    @Inject
    Tracking tracking;
    @Inject
    Caller caller;

    /** carrierEventId: the carrier's own id of the event; the same id again is the same event. */
    public record CarrierReport(@NotBlank @Size(max = 200) String carrier, @NotBlank @Size(max = 200) String trackingNumber,
            @NotBlank @Size(max = 200) String carrierEventId, @NotNull TrackingStatus status,
            @Size(max = 300) String location, @NotNull Instant occurredAt) {
    }

    public record TrackingEventView(String carrier, String carrierEventId, String shipmentId, String status,
            String location, Instant occurredAt, Instant receivedAt) {
        static TrackingEventView of(TrackingEvent e) {
            return new TrackingEventView(e.key.carrier(), e.key.carrierEventId(), e.shipmentId, e.status.name(), e.location,
                    e.occurredAt, e.receivedAt);
        }
    }

    @Operation(description = "A carrier adapter reports a tracking event of a shipment (found by carrier and tracking "
            + "number); the carrier's event id makes a repeated report a no-op (200 with the event kept).")
    @POST
    @RolesAllowed(Roles.CARRIER_ADAPTER)
    @APIResponse(responseCode = "201", description = "the event, first reported", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TrackingEventView.class)))
    @APIResponse(responseCode = "200", description = "the same event, reported again", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TrackingEventView.class)))
    public Response report(@Valid @NotNull CarrierReport r) {
        Tracking.Applied applied = tracking.report(caller.companyId(), new Tracking.Report(r.carrier(), r.trackingNumber(),
                r.carrierEventId(), r.status(), r.location(), r.occurredAt()));
        return Response.status(applied.isNew() ? 201 : 200).entity(TrackingEventView.of(applied.event())).build();
    }
}
