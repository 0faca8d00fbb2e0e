package org.tradeorders.fulfillment.tracking.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tradeorders.fulfillment.domain.Shipment;
import org.tradeorders.fulfillment.tracking.domain.Tracking;
import org.tradeorders.fulfillment.tracking.rest.CarrierReportResource.TrackingEventView;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.problem.ProblemException;

/** A shipment's tracking, for the order's parties and operators. */
@Path("/shipments/{shipmentId}/tracking")
@Produces(MediaType.APPLICATION_JSON)
public class TrackingResource {
    @Inject
    Tracking tracking;
    @Inject
    EntityManager em;
    @Inject
    Caller caller;

    public record TrackingView(String shipmentId, String status, Instant deliveredAt, List<TrackingEventView> events) {
    }

    @Operation(description = "A shipment's tracking: its current status, its delivery, and every event as the carrier reported it.")
    @GET
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public TrackingView get(@PathParam("shipmentId") String shipmentId) {
        Shipment s = em.find(Shipment.class, shipmentId);
        if (s == null) {
            throw ProblemException.notFound("shipment", shipmentId);
        }
        caller.requireParty("shipment", shipmentId, s.supplierId, s.buyerId);
        return new TrackingView(s.id, s.trackingStatus, s.deliveredAt,
                tracking.of(shipmentId).stream().map(TrackingEventView::of).toList());
    }
}
