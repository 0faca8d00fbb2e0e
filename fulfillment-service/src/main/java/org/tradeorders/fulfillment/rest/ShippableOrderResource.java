package org.tradeorders.fulfillment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.fulfillment.domain.ShippableOrder;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.waiting.WaitRequest;
import org.tradeorders.platform.waiting.WaitingReads;

/**
 * The orders fulfillment-service may ship, as it knows them: an order is here once order-service
 * declared it ready to ship (OrderReadyToShip). A supplier asks with {@code Prefer: wait} and ships once
 * the answer comes, instead of retrying a shipment refused as not ready.
 */
@Path("/shippable-orders")
@Produces(MediaType.APPLICATION_JSON)
public class ShippableOrderResource {
    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    WaitingReads reads;

    /** A line of the order: ordered, shipped so far, and what remains to ship. */
    public record LineView(String model, String productName, int quantity, int shippedQuantity, int remaining) {
    }

    public record ShippableOrderView(String orderId, String supplierId, String buyerId, LocalDate shipmentDeadline,
            List<LineView> lines) {
        static ShippableOrderView of(ShippableOrder o) {
            return new ShippableOrderView(o.orderId, o.supplierId, o.buyerId, o.shipmentDeadline, o.lines.stream()
                    .map(l -> new LineView(l.model, l.productName, l.quantity, l.shippedQuantity, l.remaining())).toList());
        }
    }

    @Operation(description = "An order ready to ship, with what remains to ship line by line, to its supplier, its buyer "
            + "and operators; 404 until fulfillment-service has heard that it is ready to ship (paid for shipment). "
            + "With Prefer: wait=N the 404 (or, with its ETag in If-None-Match, the answer held) waits up to N seconds "
            + "for that to change: no polling, and a shipment that is not refused.")
    @GET
    @Path("/{orderId}")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @APIResponse(responseCode = "200", description = "the order, ready to ship", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ShippableOrderView.class)))
    public Response get(@PathParam("orderId") String orderId, @BeanParam WaitRequest wait) {
        return reads.answer(orderId, wait, () -> view(orderId));
    }

    private ShippableOrderView view(String orderId) {
        ShippableOrder o = em.find(ShippableOrder.class, orderId);
        if (o == null) {
            throw ProblemException.notFound("shippable order", orderId);
        }
        caller.requireParty("shippable order", orderId, o.supplierId, o.buyerId);
        return ShippableOrderView.of(o);
    }
}
