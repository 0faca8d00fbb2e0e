package org.tradeorders.payment.withdrawal.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.payment.collection.domain.BankAccounts;
import org.tradeorders.payment.withdrawal.domain.Withdrawal;
import org.tradeorders.payment.withdrawal.domain.Withdrawals;
import org.tradeorders.platform.idempotency.IdempotencyFilter;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.platform.validation.Amounts;
import org.tradeorders.platform.validation.Formats;

/** A supplier withdraws its available balance to its bank account. */
@Path("/suppliers/{supplierId}/withdrawals")
@Produces(MediaType.APPLICATION_JSON)
public class WithdrawalResource {

    @Inject
    Withdrawals withdrawals;
    @Inject
    Caller caller;

    public record WithdrawalRequest(@NotNull @Positive @Digits(integer = 13, fraction = 4) BigDecimal amount,
            @NotNull @Pattern(regexp = Formats.CURRENCY,
                    message = Formats.CURRENCY_MESSAGE) @Size(max = 3) String currency,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9 ]{6,40}", message = "must be an account number or IBAN") @Size(max = 100)
            String bankAccount) {
    }

    public record WithdrawalView(String id, String supplierId, Money amount, String bankAccount, String status,
            Instant requestedAt, Instant paidAt) {
        static WithdrawalView of(Withdrawal w) {
            return new WithdrawalView(w.id, w.supplierId, w.money(), BankAccounts.masked(w.bankAccount), w.status,
                    w.requestedAt, w.paidAt);
        }
    }

    @Operation(description = "The supplier withdraws part of its available balance to a bank account (the IBAN checked "
            + "against the full IBAN registry).")
    @POST
    @RolesAllowed(Roles.SUPPLIER)
    @APIResponse(responseCode = "201", description = "the withdrawal", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WithdrawalView.class)))
    public Response withdraw(@PathParam("supplierId") String supplierId,
            @HeaderParam(IdempotencyFilter.HEADER) String requestKey,
            @Valid @NotNull WithdrawalRequest request) {
        caller.requireSelf("balances of supplier", supplierId);
        Money amount = Amounts.payable(request.amount(), request.currency(),
                "amount", "currency");
        Withdrawal w = withdrawals.withdraw(supplierId, amount, request.bankAccount(), requestKey);
        return Response.created(URI.create("/suppliers/" + supplierId + "/withdrawals/" + w.id))
                .entity(WithdrawalView.of(w)).build();
    }

    @Operation(description = "The supplier's withdrawals, newest first, in pages.")
    @GET
    @RolesAllowed({ Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public Page<WithdrawalView> list(@PathParam("supplierId") String supplierId, @BeanParam @Valid PageRequest page) {
        caller.requireParty("withdrawals of supplier", supplierId, supplierId);
        return withdrawals.of(supplierId, page).map(WithdrawalView::of);
    }
}
