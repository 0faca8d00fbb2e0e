package org.tradeorders.fulfillment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.fulfillment.crosscheck.domain.DocumentChecks;
import org.tradeorders.fulfillment.documents.domain.DocumentKind;
import org.tradeorders.fulfillment.documents.domain.TradeDocument;
import org.tradeorders.fulfillment.documents.domain.TradeDocuments;
import org.tradeorders.fulfillment.domain.Shipment;
import org.tradeorders.fulfillment.domain.ShipmentDocuments;
import org.tradeorders.platform.http.FileDownload;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.validation.FileContent;

/**
 * A shipment's trade documents (commercial invoice, packing list): every issued version listed, each as
 * JSON or PDF, for the order's parties and operators; the supplier corrects them (a new version).
 */
@Path("/shipments/{shipmentId}/trade-documents")
public class TradeDocumentResource {
    static final String PDF = FileContent.PDF_TYPE;

    @Inject
    TradeDocuments documents;
    @Inject
    ShipmentDocuments shipmentDocuments;
    @Inject
    EntityManager em;
    @Inject
    Caller caller;

    /** kind in the path: commercial-invoice or packing-list. */
    public record DocumentView(String kind, String number, int version, Instant issuedAt, String json, String pdf) {
        static DocumentView of(TradeDocument d) {
            String base = "/shipments/" + d.shipmentId + "/trade-documents/" + slug(d.kind);
            return new DocumentView(d.kind.name(), d.number, d.version, d.issuedAt, base + "?version=" + d.version,
                    base + "/pdf?version=" + d.version);
        }
    }

    public record CorrectionView(List<DocumentView> documents, CrossCheckView crossCheck) {
    }

    @Operation(description = "Every issued version of the shipment's trade documents, oldest first, with where to get each.")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public List<DocumentView> list(@PathParam("shipmentId") String shipmentId) {
        visible(shipmentId);
        return documents.versions(shipmentId).stream().map(DocumentView::of).toList();
    }

    @Operation(description = "The supplier corrects the shipment's trade documents: both are issued again under their "
            + "numbers with the next version (the earlier ones stay as issued), and cross-checked again.")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPPLIER)
    @APIResponse(responseCode = "201", description = "the new versions and their cross-check", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = CorrectionView.class)))
    public Response correct(@PathParam("shipmentId") String shipmentId, @Valid @NotNull DocumentsRequest r) {
        DocumentChecks.Result check = shipmentDocuments.correct(caller.companyId(), shipmentId, r.toDetails(""));
        List<TradeDocument> all = documents.versions(shipmentId);
        int newest = all.get(all.size() - 1).version;
        List<DocumentView> latest = all.stream().filter(d -> d.version == newest).map(DocumentView::of).toList();
        return Response.status(201).entity(new CorrectionView(latest, CrossCheckView.of(shipmentId, check.checkedAt(),
                check.discrepancies()))).build();
    }

    @Operation(description = "One document as JSON (the latest version unless ?version is given).")
    @GET
    @Path("/{kind}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public Response json(@PathParam("shipmentId") String shipmentId,
            @Parameter(description = "commercial-invoice or packing-list") @PathParam("kind") String kind,
            @Parameter(description = "the version (from 1); the latest if absent") @QueryParam("version") @Min(1) Integer version) {
        return Response.ok(document(shipmentId, kind, version).content, MediaType.APPLICATION_JSON).build();
    }

    @Operation(description = "One document as PDF (the latest version unless ?version is given).")
    @GET
    @Path("/{kind}/pdf")
    @Produces(PDF)
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    @APIResponse(responseCode = "200", description = "the PDF", content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response pdf(@PathParam("shipmentId") String shipmentId,
            @Parameter(description = "commercial-invoice or packing-list") @PathParam("kind") String kind,
            @Parameter(description = "the version (from 1); the latest if absent") @QueryParam("version") @Min(1) Integer version) {
        TradeDocument d = document(shipmentId, kind, version);
        return FileDownload.of(d.pdf, PDF, FileContent.sha256(d.pdf), d.number + "-v" + d.version + ".pdf");
    }

    private TradeDocument document(String shipmentId, String kind, Integer version) {
        visible(shipmentId);
        DocumentKind k = Arrays.stream(DocumentKind.values()).filter(v -> slug(v).equals(kind)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("trade document kind", kind));
        return documents.find(shipmentId, k, version).orElseThrow(() -> ProblemException.notFound(
                slug(k) + (version == null ? "" : " version " + version) + " of shipment", shipmentId));
    }

    private void visible(String shipmentId) {
        Shipment s = em.find(Shipment.class, shipmentId);
        if (s == null) {
            throw ProblemException.notFound("shipment", shipmentId);
        }
        caller.requireParty("shipment", shipmentId, s.supplierId, s.buyerId);
    }

    static String slug(DocumentKind k) {
        return k.name().toLowerCase().replace('_', '-');
    }
}
