package org.tradeorders.payment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.payment.domain.Channel;
import org.tradeorders.payment.domain.Payment;
import org.tradeorders.payment.domain.PaymentLink;
import org.tradeorders.payment.domain.PaymentRules;
import org.tradeorders.payment.domain.PaymentWorkflow;
import org.tradeorders.platform.idempotency.IdempotencyFilter;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.validation.Amounts;
import org.tradeorders.platform.validation.Formats;
import org.tradeorders.platform.waiting.WaitRequest;
import org.tradeorders.platform.waiting.WaitingReads;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    @Inject
    EntityManager em;
    @Inject
    PaymentWorkflow payments;
    @Inject
    Caller caller;
    @Inject
    PaymentRules rules;
    @Inject
    WaitingReads reads;

    /** token is shown to the buyer only: it is what lets money be paid in. */
    public record LinkView(String id, String orderId, int installmentSeq, String installmentName, Money amount,
            Money paid, Money outstanding, String status, Instant expiresAt, String token) {
    }

    /** amount: optional, the outstanding amount by default; less pays a part of the installment. */
    public record PayRequest(@NotNull Channel channel, @Valid MoneyInput amount) {
    }

    public record MoneyInput(@NotNull @Positive
            @Digits(integer = 13, fraction = 4) BigDecimal amount,
            @NotNull @Pattern(regexp = Formats.CURRENCY, message = Formats.CURRENCY_MESSAGE)
            @Size(max = 3) String currency) {
        Money money() {
            return Amounts.payable(amount, currency, "amount.amount", "amount.currency");
        }
    }

    /**
     * amount: collected for the order; applied: to the installment; creditedToBuyer: the rest, kept for
     * the buyer; surcharge: the buyer's card processing fee on top; charged: what the buyer paid in all.
     */
    public record PaymentView(String id, String orderId, String linkId, String channel, Money amount, Money applied,
            Money creditedToBuyer, Money surcharge, Money charged, Instant receivedAt, Instant payLaterDueAt,
            Instant payLaterRepaidAt) {
        static PaymentView of(Payment p) {
            Money amount = new Money(p.amount, p.currency);
            Money surcharge = new Money(p.surcharge, p.currency);
            return new PaymentView(p.id, p.orderId, p.linkId, p.channel.name(), amount, new Money(p.applied, p.currency),
                    new Money(p.credited, p.currency), surcharge, amount.plus(surcharge), p.receivedAt, p.payLaterDueAt,
                    p.payLaterRepaidAt);
        }
    }

    /** A channel adapter's report of money it collected for a link (amount without the card surcharge). */
    public record ChannelReport(@NotNull Channel channel,
            @NotBlank @Size(max = 200) String transactionId,
            @NotBlank @Size(max = 64) String linkId, @NotNull @Valid MoneyInput amount) {
    }

    @Operation(description = "The order's payment links, one per installment, and what each has collected, in pages. "
            + "With Prefer: wait=N the answer waits up to N seconds for the links to be issued (404 until then), or, with "
            + "its ETag in If-None-Match, for them to change: no polling.")
    @GET
    @Path("orders/{orderId}/payment-links")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @APIResponse(responseCode = "200", description = "a page of the links", content = @Content(mediaType = "application/json", schema = @Schema(implementation = LinkPage.class)))
    public Response links(@PathParam("orderId") String orderId, @BeanParam @Valid PageRequest page,
            @BeanParam WaitRequest wait) {
        return reads.answer(orderId, wait, () -> linksOf(orderId, page));
    }

    /** A page of links as the OpenAPI document names it ({@code Page<LinkView>}, which an annotation cannot name). */
    @Schema(name = "PageLinkView")
    record LinkPage(List<LinkView> items, int page, int size, long total) {
    }

    private Page<LinkView> linksOf(String orderId, PageRequest page) {
        List<PaymentLink> links = em.createQuery("select l from PaymentLink l where l.orderId = ?1 order by l.installmentSeq",
                PaymentLink.class).setParameter(1, orderId).getResultList();
        if (links.isEmpty()) {
            throw ProblemException.notFound("payment links of order", orderId);
        }
        caller.requireParty("payment links of order", orderId, links.get(0).buyerId, links.get(0).supplierId);
        boolean buyer = caller.is(Roles.BUYER) && caller.companyId().equals(links.get(0).buyerId);
        return page.slice(links).map(l -> new LinkView(l.id, l.orderId, l.installmentSeq, l.installmentName, l.amountDue(),
                l.paidSoFar(), l.outstanding(), l.status.name(), l.expiresAt, buyer ? l.token : null));
    }

    @Operation(description = "The buyer pays an installment, or a part of it, through its link (channels are "
            + "simulated: collected at once).")
    @POST
    @Path("payment-links/{token}/payments")
    @RolesAllowed(Roles.BUYER)
    @APIResponse(responseCode = "201", description = "the payment", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentView.class)))
    public Response pay(@PathParam("token") String token,
            @HeaderParam(IdempotencyFilter.HEADER) String requestKey,
            @Valid @NotNull PayRequest request) {
        Payment p = payments.checkout(token, caller.companyId(), request.channel(),
                request.amount() == null ? null : request.amount().money(), requestKey);
        return Response.status(201).entity(PaymentView.of(p)).build();
    }

    public record RepayRequest(@NotNull Channel channel) {
    }

    @Operation(description = "The buyer repays a pay-later payment: {\"channel\":\"TT_BANK_TRANSFER\"}.")
    @POST
    @Path("payments/{paymentId}/repayment")
    @RolesAllowed(Roles.BUYER)
    public PaymentView repay(@PathParam("paymentId") String paymentId, @Valid @NotNull RepayRequest request) {
        return PaymentView.of(payments.repayPayLater(paymentId, caller.companyId(), request.channel()));
    }

    @Operation(description = "A channel adapter reports a collection: 201 the first time, 200 (same payment) for a "
            + "repeated report.")
    @POST
    @Path("channel-reports")
    @RolesAllowed(Roles.PAYMENT_CHANNEL)
    @APIResponse(responseCode = "201", description = "the payment, first reported", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentView.class)))
    @APIResponse(responseCode = "200", description = "the same payment, reported again", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentView.class)))
    public Response report(@Valid @NotNull ChannelReport report) {
        String allowed = rules.channelAdapters().getOrDefault(caller.companyId(), "");
        if (!Arrays.asList(allowed.split("\\s*,\\s*")).contains(report.channel().name())) {
            throw ProblemException.forbidden("channel adapter " + caller.companyId() + " does not report " + report.channel()
                    + " payments (payment.channel-adapters." + caller.companyId() + ")");
        }
        PaymentWorkflow.Reported r = payments.reported(report.channel(), report.transactionId(), report.linkId(),
                report.amount().money());
        return Response.status(r.isNew() ? 201 : 200).entity(PaymentView.of(r.payment())).build();
    }
}
