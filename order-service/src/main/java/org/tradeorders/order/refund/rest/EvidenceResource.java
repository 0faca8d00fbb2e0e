package org.tradeorders.order.refund.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.order.domain.Party;
import org.tradeorders.order.refund.domain.Evidence;
import org.tradeorders.order.refund.domain.RefundEvidence;
import org.tradeorders.platform.http.FileDownload;
import org.tradeorders.platform.http.Uploads;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.validation.FileContent;

/**
 * A refund case's evidence files: either party uploads one as the request body (its bytes, typed
 * application/pdf, image/jpeg, image/png or application/octet-stream: the content decides); the
 * case's parties and operators list and download them. Outsiders get 404.
 */
@Path("/refund-cases/{caseId}/evidence")
public class EvidenceResource {
    static final String PDF = FileContent.PDF_TYPE;
    static final String JPEG = FileContent.JPEG_TYPE;
    static final String PNG = FileContent.PNG_TYPE;

    @Inject
    RefundEvidence evidence;
    @Inject
    CaseAccess caseAccess;
    @Inject
    Caller caller;

    /** A file as listed: download it at {@code /refund-cases/{caseId}/evidence/{id}}. */
    public record EvidenceView(String id, String caseId, String fileName, String mediaType, long sizeBytes, String sha256,
            String addedBy, Instant addedAt) {
        static EvidenceView of(RefundEvidence.Info e) {
            return new EvidenceView(e.id(), e.caseId(), e.fileName(), e.mediaType(), e.sizeBytes(), e.sha256(),
                    e.addedBy().name(), e.addedAt());
        }
    }

    @Operation(description = "A party attaches a file to the case: the body is the file (PDF, JPEG or PNG by its "
            + "content, at most order.refund.evidence.max-file-bytes), fileName its name. The same file again answers "
            + "200 with the one kept.")
    @POST
    @Consumes({ PDF, JPEG, PNG, MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER })
    @APIResponse(responseCode = "201", description = "the file, kept", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = EvidenceView.class)))
    @APIResponse(responseCode = "200", description = "the same file was kept already", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = EvidenceView.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than tradeorders.http.uploads.max-bytes")
    @APIResponse(responseCode = "415", description = "The body must be application/pdf, image/jpeg, image/png or "
            + "application/octet-stream")
    public Response add(@PathParam("caseId") String caseId,
            @Parameter(description = "the file's name, e.g. inspection-report.pdf (at most 200 characters, no / or \\)")
            @QueryParam("fileName") String fileName,
            @Context HttpHeaders headers, byte[] file) {
        Party by = caseAccess.partyIn(caseId); // 404 unless the caller may see the case
        RefundEvidence.Added added = evidence.add(caseId, by, caller.companyId(), fileName,
                Uploads.declaredType(headers), file == null ? new byte[0] : file);
        EvidenceView view = EvidenceView.of(added.evidence());
        return added.isNew() ? Response.created(URI.create("/refund-cases/" + caseId + "/evidence/" + view.id())).entity(view)
                .build() : Response.ok(view).build();
    }

    @Operation(description = "The case's files, oldest first (without their content).")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public List<EvidenceView> list(@PathParam("caseId") String caseId) {
        caseAccess.visible(caseId);
        return evidence.of(caseId).stream().map(EvidenceView::of).toList();
    }

    @Operation(description = "One file, as it was uploaded (Repr-Digest: its SHA-256).")
    @GET
    @Path("/{evidenceId}")
    @Produces({ PDF, JPEG, PNG })
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    @APIResponse(responseCode = "200", description = "the file", content = {
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response download(@PathParam("caseId") String caseId, @PathParam("evidenceId") String evidenceId) {
        caseAccess.visible(caseId);
        Evidence e = evidence.file(caseId, evidenceId).orElseThrow(() -> ProblemException.notFound("evidence", evidenceId));
        return FileDownload.of(e.content, e.mediaType, e.sha256, e.fileName);
    }
}
