package org.tradeorders.order.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.tradeorders.order.domain.Beneficiary;
import org.tradeorders.order.domain.Installment;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.OrderNotifier;
import org.tradeorders.order.domain.Party;
import org.tradeorders.platform.mail.MailOutbox;

/**
 * E-mails to the party who has to act next. Written in the transaction of the change (mail outbox),
 * so a committed change always gets its message and a rolled-back one never does.
 */
@ApplicationScoped
public class OrderNotifications implements OrderNotifier {

    @Inject
    MailOutbox mail;

    @Override
    public void sentForConfirmation(Order o) {
        send(o, counterpartyOf(o), "Order " + o.id + " awaits your confirmation",
                "The " + o.initiator.name().toLowerCase() + " " + companyOf(o, o.initiator) + " sent you order " + o.id
                        + " (version " + o.termsVersion + ", total " + o.totalMoney() + ").\n"
                        + "Confirm it, or ask for changes, in your order list.");
    }

    @Override
    public void modificationRequested(Order o, Party by) {
        send(o, other(by), "Changes requested on order " + o.id,
                "The " + by.name().toLowerCase() + " asks for changes to order " + o.id + ":\n\n" + o.modificationNote
                        + "\n\nThe order is back in DRAFT for you to revise and submit again.");
    }

    @Override
    public void confirmed(Order o, Party by) {
        send(o, other(by), "Order " + o.id + " confirmed",
                "The " + by.name().toLowerCase() + " confirmed version " + o.termsVersion + " of order " + o.id
                        + " (total " + o.totalMoney() + "). Credit protection is being reserved.");
    }

    @Override
    public void cancelled(Order o, String by, String reason) {
        String text = "Order " + o.id + " was cancelled (" + reason + ").";
        if (!Party.BUYER.name().equals(by)) {
            send(o, Party.BUYER, "Order " + o.id + " cancelled", text);
        }
        if (!Party.SUPPLIER.name().equals(by)) {
            send(o, Party.SUPPLIER, "Order " + o.id + " cancelled", text);
        }
    }

    @Override
    public void shipmentDeadlineApproaching(Order o) {
        send(o, Party.SUPPLIER, "Order " + o.id + " must ship by " + o.shipment.deadline,
                "Order " + o.id + " is not shipped yet; its shipment deadline is " + o.shipment.deadline
                        + ". Ship it, or propose an extension to the buyer.");
    }

    @Override
    public void receivingWindowClosing(Order o, Instant receiptDueAt) {
        send(o, Party.BUYER, "Confirm receipt of order " + o.id + " by " + receiptDueAt,
                "Order " + o.id + " shipped on " + o.shippedAt + ". If the goods arrived as agreed, confirm receipt. If not, "
                        + "extend the receiving window once, or open a refund request, before " + receiptDueAt
                        + ": then receipt is confirmed automatically and the supplier is paid.");
    }

    @Override
    public void balanceOverdue(Order o, Installment in) {
        send(o, Party.BUYER, "Payment of order " + o.id + " is overdue",
                "The installment \"" + in.name + "\" of order " + o.id + " (" + o.money(in.amount) + ", paid so far "
                        + o.money(in.paid) + ") was due on " + in.dueAt + ", " + in.dueDays + " days after shipment.");
        send(o, Party.SUPPLIER, "The buyer's payment of order " + o.id + " is overdue",
                "The installment \"" + in.name + "\" of order " + o.id + " (" + o.money(in.amount) + ") was due on "
                        + in.dueAt + " and is not fully paid (" + o.money(in.paid) + ").");
    }

    /** e-Collection: the buyer (maybe without an account) gets the order, the remittance instructions and a signed link. */
    @Override
    public void paymentReminder(Order o, String link, Instant expiresAt) {
        Beneficiary b = o.beneficiary == null ? new Beneficiary() : o.beneficiary;
        send(o, Party.BUYER, "Payment reminder: order " + o.id + ", " + o.totalMoney(),
                "The supplier " + o.supplierId + " asks you to pay order " + o.id + " (" + o.totalMoney() + ") by bank remittance.\n\n"
                        + "Open the order, check it and confirm the payment details here (no account needed):\n" + link
                        + "\n(the link works until " + expiresAt + ")\n\n"
                        + "Remit " + o.totalMoney() + " to\n"
                        + "  account number: " + o.collectionAccount + "\n"
                        + "  account holder: " + b.accountHolder + "\n"
                        + "  bank:           " + b.bankName + " (SWIFT/BIC " + b.swiftBic + ")\n"
                        + "  reference:      " + o.id + "\n");
    }

    @Override
    public void paymentDetailsConfirmed(Order o) {
        send(o, Party.SUPPLIER, "The buyer confirmed order " + o.id,
                "The buyer confirmed version " + o.termsVersion + " of order " + o.id + " and its payment details; it remits "
                        + o.totalMoney() + " to collection account " + o.collectionAccount
                        + ". Associate its remittances with the order when they arrive.");
    }

    @Override
    public void paid(Order o) {
        send(o, Party.SUPPLIER, "Order " + o.id + " is paid",
                "The remittances associated with order " + o.id + " cover its total (" + o.totalMoney() + "). Ship it by "
                        + o.shipment.deadline + ".");
    }

    @Override
    public void goodsDelivered(Order o, String shipmentId, Instant deliveredAt, String location, boolean allShipmentsDelivered) {
        send(o, Party.BUYER, "The goods of order " + o.id + " arrived",
                "The carrier delivered shipment " + shipmentId + " of order " + o.id
                        + (location == null || location.isBlank() ? "" : " in " + location) + " at " + deliveredAt + ".\n"
                        + (allShipmentsDelivered ? "Every shipment of the order has arrived. " : "More of the order is still on its way. ")
                        + "Check the goods; if they are as agreed, confirm receipt so the supplier is paid"
                        + (o.receiving.dueAt == null ? "." : " (receipt is confirmed automatically at " + o.receiving.dueAt
                                + " unless you extend the window or open a refund request)."));
    }

    @Override
    public void reviewInvited(Order o, Instant closesAt) {
        send(o, Party.BUYER, "How was order " + o.id + "? Review " + o.supplierId,
                "The supplier " + o.supplierId + " invites you to review order " + o.id + ": rate its service, delivery speed "
                        + "and how accurately the goods were described (1-5 stars each), in your order list, until "
                        + closesAt + ".");
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
