package org.tradeorders.fulfillment.shippingdocs.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.fulfillment.domain.Shipment;
import org.tradeorders.fulfillment.shippingdocs.domain.ShippingDocument;
import org.tradeorders.fulfillment.shippingdocs.domain.ShippingDocumentKind;
import org.tradeorders.fulfillment.shippingdocs.domain.ShippingDocuments;
import org.tradeorders.platform.domain.InvalidInput;
import org.tradeorders.platform.http.FileDownload;
import org.tradeorders.platform.http.Uploads;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.validation.FileContent;

/**
 * A shipment's shipping documents: its supplier uploads one as the request body (PDF, JPEG or PNG, the
 * content decides); the order's parties and operators list and download them. Outsiders get 404.
 */
@Path("/shipments/{shipmentId}/shipping-documents")
public class ShippingDocumentResource {
    static final String PDF = FileContent.PDF_TYPE;
    static final String JPEG = FileContent.JPEG_TYPE;
    static final String PNG = FileContent.PNG_TYPE;

    @Inject
    ShippingDocuments documents;
    @Inject
    EntityManager em;
    @Inject
    Caller caller;

    /** A document as listed: download it at {@code /shipments/{shipmentId}/shipping-documents/{id}}. */
    public record ShippingDocumentView(String id, String shipmentId, String kind, String fileName, String mediaType,
            long sizeBytes, String sha256, Instant addedAt) {
        static ShippingDocumentView of(ShippingDocuments.Info d) {
            return new ShippingDocumentView(d.id(), d.shipmentId(), d.kind().name(), d.fileName(), d.mediaType(),
                    d.sizeBytes(), d.sha256(), d.addedAt());
        }
    }

    @Operation(description = "The shipment's supplier uploads a shipping document: the body is the file (PDF, JPEG or PNG "
            + "by its content, at most fulfillment.shipping-documents.max-file-bytes), kind what it is, fileName its name. "
            + "The same file again answers 200 with the one kept.")
    @POST
    @Consumes({ PDF, JPEG, PNG, MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPPLIER)
    @APIResponse(responseCode = "201", description = "the document, kept", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ShippingDocumentView.class)))
    @APIResponse(responseCode = "200", description = "the same file was kept already", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ShippingDocumentView.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than tradeorders.http.uploads.max-bytes")
    @APIResponse(responseCode = "415", description = "The body must be application/pdf, image/jpeg, image/png or "
            + "application/octet-stream")
    public Response add(@PathParam("shipmentId") String shipmentId,
            @Parameter(description = "BILL_OF_LADING, AIR_WAYBILL, CERTIFICATE_OF_ORIGIN, INSPECTION_CERTIFICATE or OTHER")
            @QueryParam("kind") String kind,
            @Parameter(description = "the file's name, e.g. bill-of-lading.pdf (at most 200 characters, no / or \\)")
            @QueryParam("fileName") String fileName,
            @Context HttpHeaders headers, byte[] file) {
        ShippingDocuments.Added added = documents.add(caller.companyId(), shipmentId, kindOf(kind), fileName,
                Uploads.declaredType(headers), file == null ? new byte[0] : file);
        ShippingDocumentView view = ShippingDocumentView.of(added.document());
        return added.isNew() ? Response.created(URI.create("/shipments/" + shipmentId + "/shipping-documents/" + view.id()))
                .entity(view).build() : Response.ok(view).build();
    }

    @Operation(description = "The shipment's shipping documents, oldest first (without their content).")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public List<ShippingDocumentView> list(@PathParam("shipmentId") String shipmentId) {
        visible(shipmentId);
        return documents.of(shipmentId).stream().map(ShippingDocumentView::of).toList();
    }

    @Operation(description = "One document, as it was uploaded (Repr-Digest: its SHA-256).")
    @GET
    @Path("/{documentId}")
    @Produces({ PDF, JPEG, PNG })
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    @APIResponse(responseCode = "200", description = "the file", content = {
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response download(@PathParam("shipmentId") String shipmentId, @PathParam("documentId") String documentId) {
        visible(shipmentId);
        ShippingDocument d = documents.file(shipmentId, documentId)
                .orElseThrow(() -> ProblemException.notFound("shipping document", documentId));
        return FileDownload.of(d.content, d.mediaType, d.sha256, d.fileName);
    }

    private static ShippingDocumentKind kindOf(String kind) {
        return Arrays.stream(ShippingDocumentKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .orElseThrow(() -> new InvalidInput("kind", "must be one of " + Arrays.toString(ShippingDocumentKind.values())));
    }

    private void visible(String shipmentId) {
        Shipment s = em.find(Shipment.class, shipmentId);
        if (s == null) {
            throw ProblemException.notFound("shipment", shipmentId);
        }
        caller.requireParty("shipment", shipmentId, s.supplierId, s.buyerId);
    }
}
