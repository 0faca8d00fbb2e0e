package org.tradeorders.fulfillment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.fulfillment.domain.ExportMode;
import org.tradeorders.fulfillment.domain.Shipment;
import org.tradeorders.fulfillment.domain.ShipmentWorkflow;
import org.tradeorders.fulfillment.exportbill.rest.ExportBillResource;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.problem.ProblemException;

@Path("/shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    @Inject
    ShipmentWorkflow workflow;
    @Inject
    EntityManager em;
    @Inject
    Caller caller;

    /**
     * SELF_OPERATED: carrier, trackingNumber and customsDeclarationNumber. ONE_STOP_EXPORT: either
     * exportBillId (a bill the supplier drafted with POST /export-bills) or exportBill (a new bill drafted here).
     */
    public record ShipmentRequest(@NotBlank @Size(max = 64) String orderId, @NotNull ExportMode exportMode,
            @Size(max = 200) String carrier, @Size(max = 200) String trackingNumber,
            @Size(max = 200) String customsDeclarationNumber, @Size(max = 64) String exportBillId,
            @Valid ExportBillResource.ExportBillRequest exportBill, @NotEmpty List<@Valid @NotNull Line> lines,
            @Valid DocumentsRequest documents) {

        ShipmentWorkflow.ShipmentDraft toDraft() {
            Map<String, Integer> byModel = new LinkedHashMap<>();
            lines.forEach(l -> byModel.merge(l.model(), l.quantity(), Integer::sum));
            return new ShipmentWorkflow.ShipmentDraft(orderId, exportMode, carrier, trackingNumber, customsDeclarationNumber,
                    exportBillId, exportBill == null ? null : exportBill.toDraft(), byModel,
                    documents == null ? null : documents.toDetails("documents."));
        }
    }

    public record Line(@NotBlank @Size(max = 200) String model, @NotNull @Positive Integer quantity) {
    }

    /** trackingStatus: the latest status the carrier reported (null before any); deliveredAt once delivered. */
    public record ShipmentView(String id, String orderId, String supplierId, String buyerId, String exportMode,
            String carrier, String trackingNumber, String customsDeclarationNumber, String exportBillId, List<Line> lines,
            boolean completesOrder, Instant submittedAt, String trackingStatus, Instant deliveredAt) {
        static ShipmentView of(Shipment s) {
            return new ShipmentView(s.id, s.orderId, s.supplierId, s.buyerId, s.exportMode.name(), s.carrier,
                    s.trackingNumber, s.customsDeclarationNumber, s.exportBillId,
                    s.lines.stream().map(l -> new Line(l.model, l.quantity)).toList(), s.completes, s.submittedAt,
                    s.trackingStatus, s.deliveredAt);
        }
    }

    @Operation(description = "The supplier ships (part of) a paid order: each line and quantity is checked against the "
            + "order, with its export mode (self-operated with carrier, tracking number and customs "
            + "declaration, or a one-stop export bill).")
    @POST
    @RolesAllowed(Roles.SUPPLIER)
    @APIResponse(responseCode = "201", description = "the shipment", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ShipmentView.class)))
    public Response submit(@Valid @NotNull ShipmentRequest r) {
        Shipment s = workflow.submit(caller.companyId(), r.toDraft());
        return Response.created(URI.create("/shipments/" + s.id)).entity(ShipmentView.of(s)).build();
    }

    @Operation(description = "The document cross-check of a shipment before the supplier submits it: the same request "
            + "as a submission (with its documents), checked the same way, then the trade documents it would get compared "
            + "with the proforma invoice and the customs declaration or export bill. Nothing is kept or sent.")
    @POST
    @Path("/cross-check")
    @RolesAllowed(Roles.SUPPLIER)
    public CrossCheckView crossCheck(@Valid @NotNull ShipmentRequest r) {
        return CrossCheckView.of(null, null, workflow.check(caller.companyId(), r.toDraft()));
    }

    @Operation(description = "One shipment, to its supplier, the order's buyer and operators.")
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public ShipmentView get(@PathParam("id") String id) {
        Shipment s = em.find(Shipment.class, id);
        if (s == null) {
            throw ProblemException.notFound("shipment", id);
        }
        caller.requireParty("shipment", id, s.supplierId, s.buyerId);
        return ShipmentView.of(s);
    }
}
