package org.tradeorders.credit.activation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.credit.activation.domain.ActivationRules;
import org.tradeorders.credit.domain.CreditWorkflow;
import org.tradeorders.credit.domain.VerificationLevel;
import org.tradeorders.credit.rest.CreditLineResource.CreditLineView;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.problem.ProblemException;

/** A supplier activates credit protection; its initial limit comes from the published rule table. */
@Path("/credit-lines")
@Produces(MediaType.APPLICATION_JSON)
public class ActivationResource {

    @Inject
    ActivationRules rules;
    @Inject
    CreditWorkflow credit;
    @Inject
    Caller caller;

    public record ActivationRequest(@NotNull VerificationLevel verificationLevel,
            @NotNull @PositiveOrZero @Max(300) Integer yearsInBusiness,
            @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal registeredCapitalUsd) {
    }

    @Operation(description = "The activation rule table, lowest limit first.")
    @GET
    @Path("/activation-rules")
    @RolesAllowed({ Roles.SUPPLIER, Roles.BUYER, Roles.OPERATOR })
    public List<ActivationRules.Row> table() {
        return rules.table();
    }

    @Operation(description = "The supplier opens its credit line: the activation rule table gives the initial limit "
            + "for its verification level, years in business and registered capital. 201 with the new "
            + "line; 409 not-eligible if no row admits it.")
    @POST
    @Path("/{supplierId}/activation")
    @RolesAllowed(Roles.SUPPLIER)
    @Transactional
    @APIResponse(responseCode = "201", description = "the line, activated", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreditLineView.class)))
    public Response activate(@PathParam("supplierId") @Size(max = 100) String supplierId, @Valid @NotNull ActivationRequest request) {
        caller.requireSelf("credit line", supplierId);
        BigDecimal limit = rules.initialLimit(request.verificationLevel(), request.yearsInBusiness(),
                request.registeredCapitalUsd()).orElseThrow(() -> {
                    ActivationRules.Row lowest = rules.table().get(0);
                    return ProblemException.conflict("not-eligible", "supplier " + supplierId + " qualifies for no row "
                            + "of the activation rule table; the lowest needs " + lowest.verification()
                            + " verification, " + lowest.minYearsInBusiness() + " year(s) in business and a registered "
                            + "capital of US$" + lowest.minRegisteredCapitalUsd().toPlainString());
                });
        return Response.status(201).entity(CreditLineView.of(credit.activate(supplierId, limit, request.verificationLevel(),
                request.yearsInBusiness(), request.registeredCapitalUsd(), "ACTIVATED_BY_RULE_TABLE"))).build();
    }
}
