package org.tradeorders.order.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.order.domain.ECollectionWorkflow;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.OrderState;
import org.tradeorders.platform.money.Money;

/**
 * What a buyer without an account reaches through the signed link of an e-Collection payment reminder:
 * the order, the remittance instructions, and the confirmation of the payment details. The link is the
 * only credential (no token in the header); a tampered link is 403, an expired one 410.
 */
@Path("/payment-reminders/{token}")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PaymentReminderResource {

    @Inject
    ECollectionWorkflow eCollection;

    /** States in which the buyer has confirmed the order and its payment details. */
    static final Set<OrderState> CONFIRMED = EnumSet.of(
            OrderState.AWAITING_REMITTANCE, OrderState.PAID,
            OrderState.SHIPPED, OrderState.COMPLETED);

    /** The order as the buyer needs it to pay: no events, deadlines or internal notes. */
    public record ReminderView(String orderId, String state, int version, String supplierId, String buyerId,
            DeliveryView delivery, List<OrderView.LineView> lines, Money shippingCost, Money total,
            LocalDate shipmentDeadline, Integer shipWithinDays,
            OrderView.RemittanceInstructions remittance, boolean confirmed, Instant updatedAt) {
        static ReminderView of(Order o) {
            OrderView v = OrderView.of(o, Map.of(), List.of());
            return new ReminderView(o.id, o.state.name(), o.termsVersion, o.supplierId, o.buyerId, v.delivery(), v.lines(),
                    v.shippingCost(), v.total(), o.shipment.deadline, o.shipment.shipWithinDays, v.remittance(),
                    CONFIRMED.contains(o.state), o.updatedAt);
        }
    }

    public record Confirmation(@NotNull @Positive Integer version) {
    }

    @Operation(description = "What the payment reminder link shows the buyer of an e-Collection order: the order, what "
            + "is due and the account to remit to. The signed token in the link is the only credential.")
    @GET
    @Transactional
    @APIResponse(responseCode = "200", description = "the order and the remittance instructions", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ReminderView.class)))
    @APIResponse(responseCode = "403", description = "The link was changed: it is not the one the buyer was sent")
    @APIResponse(responseCode = "410", description = "The link has expired: the supplier can send a new one")
    public ReminderView view(@PathParam("token") String token) {
        return ReminderView.of(eCollection.byLink(token));
    }

    @Operation(description = "{\"version\": n}: the buyer confirms that version of the order and its payment details "
            + "-> AWAITING_REMITTANCE.")
    @POST
    @Path("/confirmation")
    @Transactional
    @APIResponse(responseCode = "200", description = "the order, confirmed by the buyer", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ReminderView.class)))
    @APIResponse(responseCode = "403", description = "The link was changed: it is not the one the buyer was sent")
    @APIResponse(responseCode = "410", description = "The link has expired: the supplier can send a new one")
    public ReminderView confirm(@PathParam("token") String token, @Valid @NotNull Confirmation confirmation) {
        return ReminderView.of(eCollection.confirmByLink(token, confirmation.version()));
    }
}
