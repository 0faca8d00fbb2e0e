package org.tradeorders.platform.time;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tradeorders.platform.deadline.Deadlines;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.problem.ProblemException;

/**
 * The controllable clock's operator endpoint, in every service. Where the clock is not controllable
 * (production) it answers 404: there is nothing to control.
 */
@Path("/ops/clock")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

    @Inject
    Clock clock;
    @Inject
    Deadlines deadlines;

    /** offset as ISO-8601, e.g. PT1464H for 61 days. */
    public record ClockView(Instant now, String offset) {
    }

    public record Advance(@NotNull @PositiveOrZero Long days, @PositiveOrZero Long hours) {
    }

    @Operation(description = "This service's clock: the time it runs on and its offset from the wall clock.")
    @GET
    public ClockView now() {
        return new ClockView(clock.instant(), controllable().offset().toString());
    }

    @Operation(description = "Moves this service's time forward; deadlines now due fire at once.")
    @POST
    @Path("/advance")
    public ClockView advance(@Valid @NotNull Advance by) {
        ControllableClock c = controllable();
        c.advance(Duration.ofDays(by.days()).plusHours(by.hours() == null ? 0 : by.hours()));
        deadlines.wakeUp();
        return new ClockView(c.instant(), c.offset().toString());
    }

    private ControllableClock controllable() {
        if (clock instanceof ControllableClock c) {
            return c;
        }
        throw ProblemException.notFound("resource", "/ops/clock");
    }
}
