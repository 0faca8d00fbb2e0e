package org.tradeorders.platform.invariants;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.tradeorders.platform.identity.Roles;

/** The service's invariants as last checked, and a check on demand. */
@Path("/ops/invariants")
@RolesAllowed(Roles.OPERATOR)
public class InvariantsResource {
    @Inject
    Invariants invariants;

    @GET
    public List<Invariants.Status> last() {
        return invariants.statuses();
    }

    @POST
    @Path("/check")
    public List<Invariants.Status> checkNow() {
        return invariants.checkAll();
    }
}
