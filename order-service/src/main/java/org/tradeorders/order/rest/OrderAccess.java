package org.tradeorders.order.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.OrderDeadlines;
import org.tradeorders.order.domain.OrderRepository;
import org.tradeorders.order.domain.Party;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.problem.ProblemException;

/**
 * Who may see and act on an order, checked in one place: its parties and operators see it (anyone
 * else gets 404); a party acts only in its own role, and some steps only one party takes.
 */
@RequestScoped
public class OrderAccess {
    @Inject
    OrderRepository orders;
    @Inject
    Caller caller;
    @Inject
    OrderDeadlines deadlines;
    @Inject
    Outbox outbox;

    /** The order as the caller may see it, with its pending deadlines and its events. */
    @Transactional
    OrderView view(String id) {
        Order order = visible(id);
        return OrderView.of(order, deadlines.pending(id), outbox.eventsOf(id));
    }

    /**
     * Drafts a new order and answers its view in the same transaction, from what that transaction
     * recorded: a new order's events are all in it, so nothing is read back.
     */
    @Transactional
    OrderView drafted(Order order, Consumer<Order> draft) {
        draft.accept(order);
        return OrderView.of(order, deadlines.pending(order.id), outbox.recordedInThisTransaction(order.id));
    }

    /**
     * The caller's side of the order, from its verified company and role. The order is checked under its
     * row lock: the change that follows in the same transaction acts on the order as checked, and it is
     * loaded after its lock, as {@link OrderRepository#lock} requires.
     */
    @Transactional
    public Party partyFor(String id) {
        return partyOf(actedOn(id));
    }

    /** The order's parties and operators see it; anyone else gets 404. */
    @Transactional
    public void requireVisible(String id) {
        visible(id);
    }

    /**
     * The caller's side, which must be {@code only}; otherwise 403 saying that {@code only} does this.
     * Checked under the order's row lock, as {@link #partyFor}.
     */
    @Transactional
    Order require(String id, Party only, String what) {
        Order order = actedOn(id);
        if (partyOf(order) != only) {
            throw ProblemException.forbidden("only the " + only.name().toLowerCase() + " " + what + " (order " + id + ")");
        }
        return order;
    }

    private Party partyOf(Order order) {
        Party party = order.partyOf(caller.companyId());
        boolean roleMatches = party == Party.SUPPLIER ? caller.is(Roles.SUPPLIER) : caller.is(Roles.BUYER);
        if (!roleMatches) {
            throw ProblemException.forbidden("company " + caller.companyId() + " is the " + party + " of order "
                    + order.id + " and must act in that role");
        }
        return party;
    }

    /** The order the caller is about to change, locked; 404 as for {@link #visible}, without locking another company's. */
    private Order actedOn(String id) {
        return caller.isOperator() ? orders.lock(id) : orders.lockAsParty(id, caller.companyId());
    }

    private Order visible(String id) {
        Order order = orders.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("order", id));
        caller.requireParty("order", id, order.supplierId, order.buyerId);
        return order;
    }
}
