package org.tradeorders.payment.ledger.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tradeorders.payment.domain.PaymentRules;
import org.tradeorders.payment.ledger.domain.Account;
import org.tradeorders.payment.ledger.domain.BooksCheck;
import org.tradeorders.payment.ledger.domain.Ledger;
import org.tradeorders.payment.ledger.domain.OrderFunds;
import org.tradeorders.payment.ledger.domain.SettlementCurrencies;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.platform.problem.ProblemException;

/** The books as their readers see them: an order's journal, a supplier's balances, the operator's proof. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    @Inject
    Ledger ledger;
    @Inject
    BooksCheck books;
    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    PaymentRules rules;
    @Inject
    SettlementCurrencies settlementCurrencies;

    /** debit and credit are both positive; exactly one is set per line. */
    public record Line(String account, Money debit, Money credit) {
    }

    public record Entry(String id, String type, String description, Instant occurredAt, List<Line> postings) {
    }

    @Operation(description = "The ledger's journal for one order: every entry with its postings, oldest first, in "
            + "pages.")
    @GET
    @Path("orders/{orderId}/journal")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public Page<Entry> journal(@PathParam("orderId") String orderId, @BeanParam @Valid PageRequest page) {
        OrderFunds funds = em.find(OrderFunds.class, orderId);
        if (funds == null) {
            throw ProblemException.notFound("journal of order", orderId);
        }
        caller.requireParty("journal of order", orderId, funds.supplierId, funds.buyerId);
        // the entries of one order: bounded by its installments and shipments
        return page.slice(ledger.entriesOfOrder(orderId)).map(e -> new Entry(e.entry().id, e.entry().type.name(),
                e.entry().description, e.entry().occurredAt, e.postings().stream().map(p -> new Line(p.accountId(),
                        p.amount().signum() > 0 ? new Money(p.amount(), p.currency()) : null,
                        p.amount().signum() < 0 ? new Money(p.amount().negate(), p.currency()) : null)).toList()));
    }

    /**
     * Per currency: pending (received for orders not shipped yet), available (withdrawable), and owed:
     * advance compensation the supplier owes the platform (recovered from its next settlements; while it
     * owes, it cannot withdraw).
     */
    public record Balances(String supplierId, Map<String, Balance> byCurrency) {
    }

    public record Balance(Money pending, Money available, Money owed) {
    }

    @Operation(description = "The supplier's balances per currency: pending (paid, not yet settled), available to "
            + "withdraw, and owed (advance compensation to be recovered).")
    @GET
    @Path("suppliers/{supplierId}/balances")
    @RolesAllowed({ Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public Balances balances(@PathParam("supplierId") String supplierId) {
        caller.requireParty("balances of supplier", supplierId, supplierId);
        Map<String, Balance> byCurrency = new TreeMap<>();
        for (Account a : ledger.accountsOf(supplierId)) {
            Money zero = Money.zero(a.currency);
            Balance b = byCurrency.getOrDefault(a.currency, new Balance(zero, zero, zero));
            Money m = new Money(a.balance, a.currency);
            byCurrency.put(a.currency, switch (a.kind) {
                case SUPPLIER_PENDING -> new Balance(m, b.available(), b.owed());
                case SUPPLIER_AVAILABLE -> new Balance(b.pending(), m, b.owed());
                case SUPPLIER_RECEIVABLE -> new Balance(b.pending(), b.available(), m);
                default -> b;
            });
        }
        return new Balances(supplierId, byCurrency);
    }

    public record Settings(@NotNull @Size(max = 3) String settlementCurrency) {
    }

    @Operation(description = "The supplier's settlement settings: the currency its money is settled and withdrawn in.")
    @GET
    @Path("suppliers/{supplierId}/settings")
    @RolesAllowed({ Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public Settings settings(@PathParam("supplierId") String supplierId) {
        caller.requireParty("settings of supplier", supplierId, supplierId);
        return new Settings(settlementCurrencies.of(supplierId));
    }

    @Operation(description = "The supplier chooses the currency its money is settled and withdrawn in (orders settled "
            + "from now on).")
    @PUT
    @Path("suppliers/{supplierId}/settings")
    @RolesAllowed(Roles.SUPPLIER)
    public Settings choose(@PathParam("supplierId") String supplierId,
            @Valid @NotNull Settings settings) {
        caller.requireSelf("settings of supplier", supplierId);
        if (!rules.currencies().contains(settings.settlementCurrency())) {
            throw ProblemException.invalid("settlementCurrency", "must be one of " + rules.currencies());
        }
        settlementCurrencies.choose(supplierId, settings.settlementCurrency());
        return settings;
    }

    @Operation(description = "The proof of the books (operators): every entry balances, every balance is its postings, "
            + "clearing is in flight.")
    @GET
    @Path("ops/ledger/check")
    @RolesAllowed(Roles.OPERATOR)
    public BooksCheck.Report check() {
        return books.run();
    }

    public record AccountView(String id, String kind, String owner, Money balance) {
    }

    @Operation(description = "Every account with its balance (operators), by id, in pages; ?owner= keeps one "
            + "party's accounts.")
    @GET
    @Path("ops/ledger/accounts")
    @RolesAllowed(Roles.OPERATOR)
    @Transactional
    public Page<AccountView> accounts(@QueryParam("owner") @Size(max = 100) String owner, @BeanParam @Valid PageRequest page) {
        String where = owner == null ? "" : " where a.ownerId = :owner";
        TypedQuery<Long> count = em.createQuery("select count(a) from Account a" + where, Long.class);
        TypedQuery<Account> rows = em.createQuery("select a from Account a" + where + " order by a.id", Account.class);
        if (owner != null) {
            count.setParameter("owner", owner);
            rows.setParameter("owner", owner);
        }
        return page.<Account>of(rows, count.getSingleResult())
                .map(a -> new AccountView(a.id, a.kind.name(), a.ownerId, new Money(a.balance, a.currency)));
    }

}
