package org.tradeorders.payment.fx.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tradeorders.payment.fx.domain.FxRates;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;

/** The recorded conversions of a thing (e.g. an order): amount, rate, its source and time (operators). */
@Path("/ops/fx-conversions")
@Produces(MediaType.APPLICATION_JSON)
public class FxConversionResource {

    @Inject
    FxRates rates;

    public record ConversionView(String id, String purpose, String reference, Money from, Money to,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rate,
            String rateId, String rateSource, Instant rateValidFrom, Instant convertedAt) {
    }

    @Operation(description = "Operators: every currency conversion made for a reference (a payment or a settlement) "
            + "and the rate it used, in pages.")
    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Transactional
    public Page<ConversionView> of(@QueryParam("reference") @NotBlank String reference, @BeanParam @Valid PageRequest page) {
        // the conversions of one payment or settlement: a handful
        return page.slice(rates.conversionsFor(reference)).map(c -> new ConversionView(c.id, c.purpose, c.reference,
                c.from(), c.to(), c.rate, c.rateId, c.rateSource, c.rateValidFrom, c.convertedAt));
    }
}
