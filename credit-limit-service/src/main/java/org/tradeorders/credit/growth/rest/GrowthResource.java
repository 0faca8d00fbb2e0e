package org.tradeorders.credit.growth.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tradeorders.credit.growth.domain.LimitGrowth;
import org.tradeorders.credit.rest.CreditLineResource.CreditLineView;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.time.Timestamps;

/** Recalculation on request, penalty points, and every limit change with its reason. */
@Path("/credit-lines")
@Produces(MediaType.APPLICATION_JSON)
public class GrowthResource {

    @Inject
    LimitGrowth growth;
    @Inject
    EntityManager em;
    @Inject
    Caller caller;

    @Operation(description = "Recalculates one line's limit now, as the monthly run does: the base limit plus the "
            + "growth from recent completed trade volume, less penalties.")
    @POST
    @Path("/{supplierId}/recalculation")
    @RolesAllowed(Roles.OPERATOR)
    public CreditLineView recalculate(@PathParam("supplierId") String supplierId) {
        return CreditLineView.of(growth.recalculate(supplierId, "RECALCULATION_REQUESTED"));
    }

    public record Recalculated(int changed, Instant nextMonthlyRecalculation) {
    }

    @Operation(description = "Every line now, as the monthly run does.")
    @POST
    @Path("/recalculation")
    @RolesAllowed(Roles.OPERATOR)
    public Recalculated recalculateAll() {
        int changed = growth.recalculateAll("RECALCULATION_REQUESTED");
        return new Recalculated(changed, growth.scheduledRecalculation());
    }

    /**
     * reason: at most 184 characters, as the limit history (credit_limit_change.reason, varchar(200)) keeps it
     * as "PENALTY_POINTS: " + reason; the penalty itself (penalty.reason) would take 300.
     */
    public record PenaltyRequest(@NotNull @Positive @Max(1000) Integer points, @NotBlank @Size(max = 184) String reason) {
    }

    @Operation(description = "An operator records penalty points against the supplier, with the reason; the line's "
            + "limit is recalculated less the penalty.")
    @POST
    @Path("/{supplierId}/penalties")
    @RolesAllowed(Roles.OPERATOR)
    public CreditLineView penalize(@PathParam("supplierId") String supplierId, @Valid @NotNull PenaltyRequest request) {
        return CreditLineView.of(growth.penalize(supplierId, request.points(), request.reason(), caller.companyId()));
    }

    public record Change(Money oldLimit, Money newLimit, String reason, Instant changedAt) {
    }

    @Operation(description = "Every change of the line's limit, newest first, in pages.")
    @GET
    @Path("/{supplierId}/history")
    @RolesAllowed({ Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    @SuppressWarnings("unchecked")
    public Page<Change> history(@PathParam("supplierId") String supplierId, @BeanParam @Valid PageRequest page) {
        caller.requireParty("credit line", supplierId, supplierId);
        long total = ((Number) em.createNativeQuery("select count(*) from credit_limit_change where supplier_id = ?1")
                .setParameter(1, supplierId).getSingleResult()).longValue();
        if (total == 0) {
            throw ProblemException.notFound("credit line", supplierId);
        }
        Page<Object[]> rows = page.of(em.createNativeQuery("select old_limit, new_limit, reason, changed_at from "
                + "credit_limit_change where supplier_id = ?1 order by id desc").setParameter(1, supplierId), total);
        return rows.map(r -> new Change(r[0] == null ? null : new Money((BigDecimal) r[0], "USD"),
                new Money((BigDecimal) r[1], "USD"), (String) r[2], Timestamps.toInstant(r[3])));
    }
}
