package org.tradeorders.payment.fx.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
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
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.payment.domain.PaymentRules;
import org.tradeorders.payment.fx.domain.FxRate;
import org.tradeorders.payment.fx.domain.FxRates;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.platform.problem.ProblemException;

/** FX rates: operators record them; anyone signed in reads the current ones and their history. */
@Path("/fx-rates")
@Produces(MediaType.APPLICATION_JSON)
public class FxRateResource {

    @Inject
    FxRates rates;
    @Inject
    Caller caller;

    @Inject
    PaymentRules rules;

    public record RateView(String id, String base, String quote,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rate, String source, Instant validFrom,
            String recordedBy, Instant recordedAt) {
        static RateView of(FxRate r) {
            return new RateView(r.id, r.base, r.quote, r.rate, r.source, r.validFrom, r.recordedBy, r.recordedAt);
        }
    }

    /** 1 base = rate quote, from validFrom (now when absent). */
    public record RecordRate(@NotBlank @Size(min = 3, max = 3) String base, @NotBlank @Size(min = 3, max = 3) String quote,
            @NotNull @Positive @Digits(integer = 9, fraction = 10) BigDecimal rate, @NotBlank @Size(max = 200) String source,
            Instant validFrom) {
    }

    @Operation(description = "Operators record an exchange rate for a currency pair; conversions use it from then on.")
    @POST
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "201", description = "the recorded rate", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RateView.class)))
    public Response record(@Valid @NotNull RecordRate r) {
        for (String[] field : new String[][] { { "base", r.base() }, { "quote", r.quote() } }) {
            if (!rules.currencies().contains(field[1])) {
                throw ProblemException.invalid(field[0], "must be one of " + rules.currencies());
            }
        }
        FxRate saved = rates.record(r.base(), r.quote(), r.rate(), r.source(), r.validFrom(), caller.companyId());
        return Response.status(201).entity(RateView.of(saved)).build();
    }

    @Operation(description = "The current rate of every currency pair, in pages.")
    @GET
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public Page<RateView> current(@BeanParam @Valid PageRequest page) {
        return page.slice(rates.currentRates()).map(RateView::of); // one per currency pair
    }

    @Operation(description = "Every rate recorded for one currency pair, newest first, in pages.")
    @GET
    @Path("{base}/{quote}/history")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public Page<RateView> history(@PathParam("base") String base, @PathParam("quote") String quote,
            @BeanParam @Valid PageRequest page) {
        return rates.history(base, quote, page).map(RateView::of);
    }
}
