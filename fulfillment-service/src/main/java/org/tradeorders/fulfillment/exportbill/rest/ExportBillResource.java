package org.tradeorders.fulfillment.exportbill.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.fulfillment.exportbill.domain.ExportBill;
import org.tradeorders.fulfillment.exportbill.domain.ExportBills;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.validation.Formats;

/** One-stop export bills: a supplier drafts them here, or inline with a one-stop shipment (POST /shipments). */
@Path("/export-bills")
@Produces(MediaType.APPLICATION_JSON)
public class ExportBillResource {

    @Inject
    ExportBills bills;
    @Inject
    Caller caller;

    /** A bill's draft; also the {@code exportBill} of a one-stop shipment request. */
    public record ExportBillRequest(@NotBlank @Size(max = 300) String exporterName,
            @NotBlank @Size(max = 300) String consigneeName,
            @NotBlank @Pattern(regexp = Formats.COUNTRY, message = Formats.COUNTRY_MESSAGE) @Size(max = 2)
            String destinationCountry,
            @NotBlank @Size(max = 200) String portOfLoading,
            @NotEmpty @Size(max = 500) List<@Valid @NotNull Item> items) {

        public ExportBills.Draft toDraft() {
            return new ExportBills.Draft(exporterName, consigneeName, destinationCountry, portOfLoading,
                    items.stream().map(i -> new ExportBills.Item(i.hsCode(), i.description(), i.quantity(),
                            i.declaredValue().amount(), i.declaredValue().currency())).toList());
        }
    }

    public record Item(@NotBlank @Pattern(regexp = ExportBills.HS_CODE, message = ExportBills.HS_CODE_MESSAGE) @Size(max = 10)
            String hsCode,
            @NotBlank @Size(max = 500) String description,
            @NotNull @Positive Integer quantity,
            @NotNull @Valid MoneyInput declaredValue) {
    }

    /** An amount as a decimal string or number, read as BigDecimal (never binary floating point). */
    public record MoneyInput(@NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
            @NotNull @Pattern(regexp = Formats.CURRENCY,
                    message = Formats.CURRENCY_MESSAGE) @Size(max = 3) String currency) {
    }

    public record ItemView(String hsCode, String description, int quantity, Money declaredValue) {
    }

    public record ExportBillView(String id, String supplierId, String status, String orderId, String exporterName,
            String consigneeName, String destinationCountry, String portOfLoading, List<ItemView> items,
            Instant createdAt) {
        static ExportBillView of(ExportBill b) {
            return new ExportBillView(b.id, b.supplierId, b.status.name(), b.orderId, b.exporterName, b.consigneeName,
                    b.destinationCountry, b.portOfLoading,
                    b.items.stream().map(i -> new ItemView(i.hsCode, i.description, i.quantity, i.declaredValue())).toList(),
                    b.createdAt);
        }
    }

    @Operation(description = "The calling supplier drafts a bill for itself.")
    @POST
    @RolesAllowed(Roles.SUPPLIER)
    @APIResponse(responseCode = "201", description = "the export bill", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExportBillView.class)))
    public Response draft(@Valid @NotNull ExportBillRequest r) {
        ExportBill b = bills.draft(caller.companyId(), r.toDraft());
        return Response.created(URI.create("/export-bills/" + b.id)).entity(ExportBillView.of(b)).build();
    }

    @Operation(description = "The owning supplier and operators see a bill; anyone else gets 404.")
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public ExportBillView get(@PathParam("id") String id) {
        ExportBill b = bills.find(id);
        if (b == null) {
            throw ProblemException.notFound("export bill", id);
        }
        caller.requireParty("export bill", id, b.supplierId);
        return ExportBillView.of(b);
    }

    @Operation(description = "The calling supplier's bills, newest first, in pages.")
    @GET
    @RolesAllowed(Roles.SUPPLIER)
    @Transactional
    public Page<ExportBillView> mine(@BeanParam @Valid PageRequest page) {
        return bills.of(caller.companyId(), page).map(ExportBillView::of);
    }
}
