package org.tradeorders.credit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tradeorders.credit.domain.CreditLine;
import org.tradeorders.credit.domain.CreditWorkflow;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.problem.ProblemException;

@Path("/credit-lines")
@Produces(MediaType.APPLICATION_JSON)
public class CreditLineResource {

    @Inject
    EntityManager em;
    @Inject
    CreditWorkflow credit;
    @Inject
    Caller caller;

    /** advanceOwed: advance compensation owed, not available until recovered; baseLimit: what growth builds on (rule table or operator); the activation facts when the supplier gave them. */
    public record CreditLineView(String supplierId, Money limit, Money reserved, Money advanceOwed, Money available,
            Money completedVolume, Money baseLimit, int penaltyPoints, String verificationLevel, Integer yearsInBusiness,
            Money registeredCapital, Instant activatedAt, Instant updatedAt) {
        public static CreditLineView of(CreditLine l) {
            return new CreditLineView(l.supplierId, usd(l.limitUsd), usd(l.reservedUsd), usd(l.advanceOwedUsd), usd(l.available()),
                    usd(l.completedVolumeUsd), usd(l.baseLimitUsd), l.penaltyPoints,
                    l.verificationLevel == null ? null : l.verificationLevel.name(), l.yearsInBusiness,
                    l.registeredCapitalUsd == null ? null : usd(l.registeredCapitalUsd), l.activatedAt, l.updatedAt);
        }

        private static Money usd(BigDecimal a) {
            return new Money(a, "USD");
        }
    }

    public record SetLimitRequest(@NotNull @PositiveOrZero BigDecimal limitUsd, @Size(max = 200) String reason) {
    }

    @Operation(description = "The supplier's own line (or any, for an operator).")
    @GET
    @Path("/{supplierId}")
    @RolesAllowed({ Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public CreditLineView get(@PathParam("supplierId") String supplierId) {
        caller.requireParty("credit line", supplierId, supplierId);
        CreditLine line = em.find(CreditLine.class, supplierId);
        if (line == null) {
            throw ProblemException.notFound("credit line", supplierId);
        }
        return CreditLineView.of(line);
    }

    @Operation(description = "An operator sets a line's base limit (opening the line if there is none): the limit is "
            + "the base plus the growth from recent trade volume, less penalties.")
    @PUT
    @Path("/{supplierId}")
    @RolesAllowed(Roles.OPERATOR)
    public CreditLineView setLimit(@PathParam("supplierId") @Size(max = 100) String supplierId, @Valid @NotNull SetLimitRequest request) {
        return CreditLineView.of(credit.setBaseLimit(supplierId, request.limitUsd(),
                request.reason() == null || request.reason().isBlank() ? "SET_BY_OPERATOR" : request.reason()));
    }
}
