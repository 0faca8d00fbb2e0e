package org.tradeorders.order.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.Party;
import org.tradeorders.platform.mail.MailOutbox;

/**
 * E-mails to the party who has to act next. Written in the transaction of the change (mail outbox),
 * so a committed change always gets its message and a rolled-back one never does.
 */
@ApplicationScoped
public class OrderNotifications {

    @Inject
    MailOutbox mail;

    public void sentForConfirmation(Order o) {
        send(o, counterpartyOf(o), "Order " + o.id + " awaits your confirmation",
                "The " + o.initiator.name().toLowerCase() + " " + companyOf(o, o.initiator) + " sent you order " + o.id
                        + " (version " + o.termsVersion + ", total " + o.totalMoney() + ").\n"
                        + "Confirm it, or ask for changes, in your order list.");
    }

    public void modificationRequested(Order o, Party by) {
        send(o, other(by), "Changes requested on order " + o.id,
                "The " + by.name().toLowerCase() + " asks for changes to order " + o.id + ":\n\n" + o.modificationNote
                        + "\n\nThe order is back in DRAFT for you to revise and submit again.");
    }

    public void confirmed(Order o, Party by) {
        send(o, other(by), "Order " + o.id + " confirmed",
                "The " + by.name().toLowerCase() + " confirmed version " + o.termsVersion + " of order " + o.id
                        + " (total " + o.totalMoney() + "). Credit protection is being reserved.");
    }

    public void cancelled(Order o, String by, String reason) {
        String text = "Order " + o.id + " was cancelled (" + reason + ").";
        if (!Party.BUYER.name().equals(by)) {
            send(o, Party.BUYER, "Order " + o.id + " cancelled", text);
        }
        if (!Party.SUPPLIER.name().equals(by)) {
            send(o, Party.SUPPLIER, "Order " + o.id + " cancelled", text);
        }
    }

    public void shipmentDeadlineApproaching(Order o) {
        send(o, Party.SUPPLIER, "Order " + o.id + " must ship by " + o.shipmentDeadline,
                "Order " + o.id + " is not shipped yet; its shipment deadline is " + o.shipmentDeadline
                        + ". Ship it, or propose an extension to the buyer.");
    }

    private void send(Order o, Party to, String subject, String body) {
        mail.enqueue(o.id, to == Party.BUYER ? o.buyerEmail : o.supplierEmail, subject, body);
    }

    private static Party counterpartyOf(Order o) {
        return other(o.initiator);
    }

    private static Party other(Party p) {
        return p == Party.BUYER ? Party.SUPPLIER : Party.BUYER;
    }

    private static String companyOf(Order o, Party p) {
        return p == Party.BUYER ? o.buyerId : o.supplierId;
    }
}
