package org.tradeorders.payment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.tradeorders.payment.domain.Channel;
import org.tradeorders.payment.domain.Payment;
import org.tradeorders.payment.domain.PaymentLink;
import org.tradeorders.payment.domain.PaymentWorkflow;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.problem.ProblemException;

@Path("/")
public class PaymentResource {

    @Inject
    EntityManager em;
    @Inject
    PaymentWorkflow payments;
    @Inject
    Caller caller;

    /** token is shown to the buyer only: it is what lets money be paid in. */
    public record LinkView(String id, String orderId, int installmentSeq, String installmentName, Money amount,
            String status, Instant expiresAt, String token) {
    }

    public record PayRequest(@NotNull Channel channel) {
    }

    public record PaymentView(String id, String orderId, String linkId, Money amount, String channel, Instant receivedAt) {
    }

    @GET
    @Path("orders/{orderId}/payment-links")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public List<LinkView> links(@PathParam("orderId") String orderId) {
        List<PaymentLink> links = em.createQuery("select l from PaymentLink l where l.orderId = ?1 order by l.installmentSeq",
                PaymentLink.class).setParameter(1, orderId).getResultList();
        if (links.isEmpty()) {
            throw ProblemException.notFound("payment links of order", orderId);
        }
        caller.requireParty("payment links of order", orderId, links.get(0).buyerId, links.get(0).supplierId);
        boolean buyer = caller.is(Roles.BUYER) && caller.companyId().equals(links.get(0).buyerId);
        return links.stream().map(l -> new LinkView(l.id, l.orderId, l.installmentSeq, l.installmentName, l.amountDue(),
                l.status.name(), l.expiresAt, buyer ? l.token : null)).toList();
    }

    /** The buyer pays an installment through its link (simulated channel: succeeds at once). */
    @POST
    @Path("payment-links/{token}/payments")
    @RolesAllowed(Roles.BUYER)
    public Response pay(@PathParam("token") String token, @Valid @NotNull PayRequest request) {
        Payment p = payments.pay(token, caller.companyId(), request.channel(), null);
        return Response.status(201).entity(new PaymentView(p.id, p.orderId, p.linkId, new Money(p.amount, p.currency),
                p.channel.name(), p.receivedAt)).build();
    }
}
