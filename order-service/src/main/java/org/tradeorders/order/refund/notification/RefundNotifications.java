package org.tradeorders.order.refund.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.refund.domain.RefundCase;
import org.tradeorders.order.refund.domain.RefundNotifier;
import org.tradeorders.order.refund.domain.RefundState;
import org.tradeorders.platform.mail.MailOutbox;

/** A refund case's e-mails, in the transaction of the change (mail outbox), each with its due time. */
@ApplicationScoped
public class RefundNotifications implements RefundNotifier {
    @Inject
    MailOutbox mail;

    @Override
    public void requested(RefundCase c, Order o) {
        toSupplier(o, "Refund requested on order " + o.id + ": answer by " + c.responseDueAt,
                "The buyer asks for a refund of " + c.money(c.requested) + " on order " + o.id + " (" + c.reason + "):\n\n"
                        + c.description + "\n\nAccept it, reject it with a reason, or make a counter-offer by "
                        + c.responseDueAt + "." + (c.autoEscalateAt == null ? ""
                                : " A case not agreed by " + c.autoEscalateAt + " goes to the platform to decide."));
    }

    @Override
    public void responded(RefundCase c, Order o) {
        String answer = c.state == RefundState.COUNTER_OFFERED
                ? "offers " + c.money(c.counterOffer) + " instead: accept it, revise your request, or withdraw it"
                : "rejects it";
        toBuyer(o, "The supplier answered your refund request on order " + o.id,
                "The supplier " + answer + (c.supplierNote == null ? "." : ": " + c.supplierNote)
                        + (c.escalationAllowedAt == null ? "" : "\n\nFrom " + c.escalationAllowedAt
                                + " you may ask the platform to decide."));
    }

    @Override
    public void settled(RefundCase c, Order o) {
        String text = "A refund of " + c.money(c.toPay) + " on order " + o.id + " is "
                + (c.state == RefundState.DECIDED ? "decided by the platform: " + c.decisionNote : "agreed") + ".";
        toBuyer(o, "Refund on order " + o.id + " " + c.state.name().toLowerCase(), text);
        toSupplier(o, "Refund on order " + o.id + " " + c.state.name().toLowerCase(), text);
    }

    @Override
    public void paid(RefundCase c, Order o) {
        String text = "The refund of " + c.money(c.toPay) + " on order " + o.id + " was paid to the buyer at " + c.paidAt
                + ", back through the channels it paid by.";
        toBuyer(o, "Refund on order " + o.id + " paid", text);
        toSupplier(o, "Refund on order " + o.id + " paid", text);
    }

    @Override
    public void escalated(RefundCase c, Order o) {
        String text = "The refund case on order " + o.id + " went to the platform. Add evidence until " + c.evidenceDueAt
                + "; then an operator decides, finally.";
        toBuyer(o, "Refund case on order " + o.id + " escalated", text);
        toSupplier(o, "Refund case on order " + o.id + " escalated", text);
    }

    private void toBuyer(Order o, String subject, String body) {
        mail.enqueue(o.id, o.buyerEmail, subject, body);
    }

    private void toSupplier(Order o, String subject, String body) {
        if (o.supplierEmail != null) {
            mail.enqueue(o.id, o.supplierEmail, subject, body);
        }
    }
}
