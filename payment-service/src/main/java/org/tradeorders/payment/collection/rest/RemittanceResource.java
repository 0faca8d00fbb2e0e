package org.tradeorders.payment.collection.rest;

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
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.payment.collection.domain.MatchSuggestions;
import org.tradeorders.payment.collection.domain.Remittance;
import org.tradeorders.payment.collection.domain.RemittanceQueries;
import org.tradeorders.payment.collection.domain.Remittances;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.validation.Amounts;
import org.tradeorders.platform.validation.Formats;

/**
 * e-Collection remittances: the bank adapter reports them, the supplier sees its unassociated ones
 * with match suggestions and associates them with its orders.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RemittanceResource {

    @Inject
    Remittances remittances;
    @Inject
    RemittanceQueries queries;
    @Inject
    Caller caller;

    public record MoneyInput(@NotNull @Positive @Digits(integer = 13, fraction = 4) BigDecimal amount,
            @NotNull @Pattern(regexp = Formats.CURRENCY, message = Formats.CURRENCY_MESSAGE)
            @Size(max = 3) String currency) {
        Money money() {
            return Amounts.payable(amount, currency, "amount.amount", "amount.currency");
        }
    }

    public record FeeInput(@NotNull @PositiveOrZero @Digits(integer = 13, fraction = 4) BigDecimal amount,
            @NotNull @Pattern(regexp = Formats.CURRENCY, message = Formats.CURRENCY_MESSAGE)
            @Size(max = 3) String currency) {
        Money money() {
            return Amounts.payable(amount, currency, "bankFees.amount", "bankFees.currency");
        }
    }

    /** What a bank reports; bankReference is its own id of the credit, the key of idempotency. */
    public record RemittanceReport(@NotBlank @Size(max = 100) String bankReference,
            @NotBlank @Size(max = 40) String collectionAccount,
            @NotNull @Valid MoneyInput amount,
            @NotNull @Valid FeeInput bankFees,
            @NotBlank @Size(max = 300) String remitterName,
            @Size(max = 500) String reference,
            @NotNull LocalDate valueDate) {
    }

    public record RemittanceView(String id, String bankReference, String collectionAccount, String supplierId, Money amount,
            Money bankFees, Money credited, Money associated, Money unassociated, String remitterName, String reference,
            LocalDate valueDate, Instant receivedAt, List<Remittances.Association> associations) {
        static RemittanceView of(Remittance m, List<Remittances.Association> associations) {
            return new RemittanceView(m.id, m.bankReference, m.collectionAccount, m.supplierId, m.money(m.amount),
                    m.money(m.bankFees), m.money(m.credited()), m.money(m.associated), m.money(m.unassociated()),
                    m.remitterName, m.referenceText, m.valueDate, m.receivedAt, associations);
        }
    }

    @Operation(description = "The bank adapter reports an inbound remittance: 201 the first time, 200 with the same "
            + "remittance on a repeat.")
    @POST
    @Path("/bank-remittances")
    @RolesAllowed(Roles.BANK_ADAPTER)
    @APIResponse(responseCode = "201", description = "the remittance, first reported", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RemittanceView.class)))
    @APIResponse(responseCode = "200", description = "the same remittance, reported again", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RemittanceView.class)))
    public Response report(@Valid @NotNull RemittanceReport r) {
        Remittances.Received received = remittances.receive(caller.companyId(), new Remittances.Report(r.bankReference(),
                r.collectionAccount().trim(), r.amount().money(), r.bankFees().money(), r.remitterName(), r.reference(),
                r.valueDate()));
        RemittanceView view = view(received.remittance().id);
        return (received.replayed() ? Response.ok() : Response.created(URI.create("/remittances/" + view.id())))
                .entity(view).build();
    }

    @Operation(description = "A supplier's remittances, newest first: ?status=UNASSOCIATED (default) or ALL.")
    @GET
    @Path("/suppliers/{supplierId}/remittances")
    @RolesAllowed({ Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public Page<RemittanceView> ofSupplier(@PathParam("supplierId") String supplierId,
            @QueryParam("status") @DefaultValue("UNASSOCIATED") String status, @BeanParam @Valid PageRequest page) {
        if (!caller.isOperator()) {
            caller.requireSelf("remittances of supplier", supplierId);
        }
        if (!status.equals("UNASSOCIATED") && !status.equals("ALL")) {
            throw ProblemException.invalid("status", "must be UNASSOCIATED or ALL");
        }
        return queries.ofSupplier(supplierId, status.equals("UNASSOCIATED"), page)
                .map(m -> RemittanceView.of(m, queries.associations("remittance_id", m.id)));
    }

    @Operation(description = "One remittance and what it was associated with, to its supplier and operators.")
    @GET
    @Path("/remittances/{id}")
    @RolesAllowed({ Roles.SUPPLIER, Roles.OPERATOR, Roles.BANK_ADAPTER })
    @Transactional
    public RemittanceView get(@PathParam("id") String id) {
        return view(id);
    }

    @Operation(description = "Which of the supplier's open orders this remittance most likely pays, with a score and "
            + "the reasons.")
    @GET
    @Path("/remittances/{id}/suggestions")
    @RolesAllowed({ Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public Page<MatchSuggestions.Suggestion> suggestions(@PathParam("id") String id, @BeanParam @Valid PageRequest page) {
        Remittance m = visible(id);
        return page.slice(queries.suggestions(m)); // at most max-suggestions of them
    }

    public record AssociationLine(@NotBlank @Size(max = 64) String remittanceId, @NotBlank @Size(max = 64) String orderId,
            @NotNull @Positive @Digits(integer = 13, fraction = 4) BigDecimal amount) {
    }

    public record AssociationRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull AssociationLine> associations) {
    }

    @Operation(description = "The supplier associates remittances with its orders, n:m and in parts: "
            + "{\"associations\":[{\"remittanceId\":..,\"orderId\":..,\"amount\":\"600.00\"}, ...]}. "
            + "All lines or none.")
    @POST
    @Path("/suppliers/{supplierId}/remittance-associations")
    @RolesAllowed(Roles.SUPPLIER)
    @APIResponse(responseCode = "201", description = "the associations made", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = Remittances.Association.class)))
    public Response associate(@PathParam("supplierId") String supplierId, @Valid @NotNull AssociationRequest request) {
        caller.requireSelf("supplier", supplierId);
        List<Remittances.Association> done = remittances.associate(supplierId, caller.email() == null ? supplierId
                : caller.email(), request.associations().stream()
                        .map(l -> new Remittances.Item(l.remittanceId(), l.orderId(), l.amount())).toList());
        return Response.status(201).entity(done).build();
    }

    @Operation(description = "The associations of an e-Collection order (its supplier, or an operator).")
    @GET
    @Path("/orders/{orderId}/remittance-associations")
    @RolesAllowed({ Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public Page<Remittances.Association> ofOrder(@PathParam("orderId") String orderId, @BeanParam @Valid PageRequest page) {
        List<Remittances.Association> found = queries.associations("order_id", orderId);
        if (!caller.isOperator() && found.stream().anyMatch(a -> !caller.companyId().equals(supplierOf(a.remittanceId())))) {
            throw ProblemException.notFound("order", orderId);
        }
        return page.slice(found);
    }

    private String supplierOf(String remittanceId) {
        return queries.of(remittanceId).supplierId;
    }

    private Remittance visible(String id) {
        Remittance m = queries.of(id);
        if (caller.is(Roles.SUPPLIER)) {
            caller.requireParty("remittance", id, m.supplierId);
        } else if (!caller.isOperator() && !m.reportedBy.equals(caller.companyId())) {
            throw ProblemException.notFound("remittance", id); // a bank adapter sees what it reported
        }
        return m;
    }

    @Transactional
    RemittanceView view(String id) {
        Remittance m = visible(id);
        return RemittanceView.of(m, queries.associations("remittance_id", id));
    }
}
