package org.tradeorders.platform.invariants;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tradeorders.platform.identity.Roles;

/** The service's invariants as last checked, and a check on demand. */
@Path("/ops/invariants")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class InvariantsResource {
    @Inject
    Invariants invariants;

    @Operation(description = "The last result of each of this service's invariant checks, which run on a schedule.")
    @GET
    public List<Invariants.Status> last() {
        return invariants.statuses();
    }

    @Operation(description = "Runs every invariant check of this service now and answers the results.")
    @POST
    @Path("/check")
    public List<Invariants.Status> checkNow() {
        return invariants.checkAll();
    }
}
