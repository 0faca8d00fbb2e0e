package org.tradeorders.order.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.tradeorders.order.domain.Installment;
import org.tradeorders.order.domain.InstallmentPlan;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.OrderKind;
import org.tradeorders.order.domain.OrderRules;
import org.tradeorders.platform.problem.FieldViolation;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.validation.Formats;

/**
 * What a draft must satisfy beyond its Bean Validation annotations: the configured limits
 * ({@link OrderRules}), the shipment deadline, and the payment plan's rules ({@link InstallmentPlan}).
 * Every violation is reported at once, as one 400 naming each field.
 */
@ApplicationScoped
public class DraftChecks {
    @Inject
    OrderRules rules;
    @Inject
    Clock clock;

    /** A supplier's draft or revision of an order of {@code kind}. */
    void supplierDraft(DraftOrderRequest r, OrderKind kind) {
        List<FieldViolation> errors = new ArrayList<>();
        common(r.currency(), r.lines(), r.deliveryAddress(), errors);
        if ((r.shipmentDeadline() == null) == (r.shipWithinDays() == null)) {
            errors.add(new FieldViolation("shipmentDeadline", "give either shipmentDeadline (a date) or shipWithinDays"));
        } else if (r.shipmentDeadline() != null
                && !r.shipmentDeadline().isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            errors.add(new FieldViolation("shipmentDeadline", "must be in the future"));
        }
        if (r.kind() != null && r.kind() != kind) {
            errors.add(new FieldViolation("kind", "cannot change once the order is drafted (it is " + kind + ")"));
        }
        List<Installment> plan = r.installmentPlan();
        if (plan.size() > rules.maxInstallments()) {
            errors.add(new FieldViolation("installments", "at most " + rules.maxInstallments() + " installments"));
        }
        InstallmentPlan.violations(kind, plan).forEach(f -> errors.add(new FieldViolation(f.name(), f.reason())));
        reject(errors);
    }

    /** A buyer's draft to supplier {@code r.supplierCompanyId()}, by buyer company {@code buyerId}. */
    void buyerDraft(BuyerDraftRequest r, String buyerId) {
        List<FieldViolation> errors = new ArrayList<>();
        common(r.currency(), r.lines(), r.deliveryAddress(), errors);
        if (r.supplierCompanyId().equals(buyerId)) {
            errors.add(new FieldViolation("supplierCompanyId", "a buyer cannot order from itself"));
        }
        reject(errors);
    }

    /** An edit never changes the counterparty ({@code partyField}) or the buyer's e-mail. */
    static void unchanged(Order order, String partyField, String party, String requestedParty, String requestedBuyerEmail) {
        List<FieldViolation> fixed = new ArrayList<>();
        if (!party.equals(requestedParty)) {
            fixed.add(new FieldViolation(partyField, "cannot change once the order is drafted"));
        }
        if (!order.buyerEmail.equalsIgnoreCase(requestedBuyerEmail)) {
            fixed.add(new FieldViolation("buyerEmail", "cannot change once the order is drafted"));
        }
        reject(fixed);
    }

    /** Configured limits every draft obeys, whoever drafts it: the currencies, lines, quantities; a real country. */
    private void common(String currency, List<DraftOrderRequest.Line> lines, DraftOrderRequest.Address address,
            List<FieldViolation> errors) {
        if (!Formats.isCountry(address.country())) {
            errors.add(new FieldViolation("deliveryAddress.country", "is not an ISO 3166-1 country code"));
        }
        if (!rules.currencies().contains(currency)) {
            errors.add(new FieldViolation("currency", "must be one of " + rules.currencies()));
        }
        if (lines.size() > rules.maxLines()) {
            errors.add(new FieldViolation("lines", "at most " + rules.maxLines() + " lines"));
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).quantity() > rules.maxLineQuantity()) {
                errors.add(new FieldViolation("lines[" + i + "].quantity", "at most " + rules.maxLineQuantity()));
            }
        }
    }

    private static void reject(List<FieldViolation> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
