package org.tradeorders.fulfillment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tradeorders.fulfillment.crosscheck.domain.DocumentChecks;
import org.tradeorders.fulfillment.domain.Shipment;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.problem.ProblemException;

/** A submitted shipment's latest document cross-check, for its supplier and for operators. */
@Path("/shipments/{shipmentId}/cross-check")
@Produces(MediaType.APPLICATION_JSON)
public class CrossCheckResource {
    @Inject
    DocumentChecks checks;
    @Inject
    EntityManager em;
    @Inject
    Caller caller;

    @Operation(description = "The latest cross-check of the shipment's documents (made whenever they are issued or corrected).")
    @GET
    @RolesAllowed({ Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public CrossCheckView latest(@PathParam("shipmentId") String shipmentId) {
        Shipment s = em.find(Shipment.class, shipmentId);
        if (s == null) {
            throw ProblemException.notFound("shipment", shipmentId);
        }
        caller.requireParty("shipment", shipmentId, s.supplierId);
        DocumentChecks.Result r = checks.latest(shipmentId).orElseThrow(() -> ProblemException.notFound(
                "cross-check (no trade documents issued yet) of shipment", shipmentId));
        return CrossCheckView.of(shipmentId, r.checkedAt(), r.discrepancies());
    }
}
