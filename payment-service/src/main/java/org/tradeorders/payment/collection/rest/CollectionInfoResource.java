package org.tradeorders.payment.collection.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.payment.collection.domain.CollectionInfo;
import org.tradeorders.payment.collection.domain.CollectionInfos;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.validation.Formats;

/** A supplier activates e-collection with its collection information, and may change it (every version kept). */
@Path("/suppliers/{supplierId}/e-collection")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionInfoResource {

    @Inject
    CollectionInfos infos;
    @Inject
    Caller caller;

    public record CollectionInfoRequest(@NotBlank @Size(max = 200) String bankName,
            @NotBlank @Size(max = 200) String accountHolder,
            @NotBlank @Size(max = 50) String accountNumber,
            @NotBlank @Pattern(regexp = Formats.COUNTRY, message = Formats.COUNTRY_MESSAGE) @Size(max = 2)
            String bankCountry,
            @NotBlank @Size(max = 14) String swiftBic,
            @NotBlank @Email @Size(max = 320) String contactEmail,
            @NotBlank @Pattern(regexp = Formats.PHONE, message = Formats.PHONE_MESSAGE) @Size(max = 30)
            String contactPhone) {
    }

    public record CollectionInfoView(String supplierId, boolean active, int version, String bankName, String accountHolder,
            String accountNumber, String bankCountry, String swiftBic, String contactEmail, String contactPhone,
            Instant activatedAt, Instant updatedAt) {
        static CollectionInfoView of(CollectionInfo i) {
            return new CollectionInfoView(i.supplierId, true, i.version, i.bankName, i.accountHolder, i.accountNumber,
                    i.bankCountry, i.swiftBic, i.contactEmail, i.contactPhone, i.activatedAt, i.updatedAt);
        }
    }

    @Operation(description = "201 when this activates e-collection, 200 for a change.")
    @PUT
    @RolesAllowed(Roles.SUPPLIER)
    @APIResponse(responseCode = "201", description = "e-collection activated", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CollectionInfoView.class)))
    @APIResponse(responseCode = "200", description = "the collection information changed", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CollectionInfoView.class)))
    public Response save(@PathParam("supplierId") String supplierId, @Valid @NotNull CollectionInfoRequest r) {
        caller.requireSelf("e-collection information of supplier", supplierId);
        if (!Formats.isCountry(r.bankCountry())) {
            throw ProblemException.invalid("bankCountry", "is not an ISO 3166-1 country code");
        }
        CollectionInfo saved = infos.save(supplierId, new CollectionInfos.Details(r.bankName(), r.accountHolder(),
                r.accountNumber(), r.bankCountry(), r.swiftBic(), r.contactEmail(), r.contactPhone()), caller.email() == null
                        ? caller.companyId() : caller.email());
        return Response.status(saved.version == 1 ? 201 : 200).entity(CollectionInfoView.of(saved)).build();
    }

    @Operation(description = "The supplier's current e-Collection details: the account buyers remit to.")
    @GET
    @RolesAllowed({ Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public CollectionInfoView get(@PathParam("supplierId") String supplierId) {
        caller.requireParty("e-collection information of supplier", supplierId, supplierId);
        return CollectionInfoView.of(infos.of(supplierId));
    }

    @Operation(description = "Every version of the supplier's e-Collection details, newest first, in pages.")
    @GET
    @Path("/history")
    @RolesAllowed({ Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public Page<CollectionInfos.Version> history(@PathParam("supplierId") String supplierId,
            @BeanParam @Valid PageRequest page) {
        caller.requireParty("e-collection information of supplier", supplierId, supplierId);
        infos.of(supplierId);
        return page.slice(infos.history(supplierId));
    }
}
