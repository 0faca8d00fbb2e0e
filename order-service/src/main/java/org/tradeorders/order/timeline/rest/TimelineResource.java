package org.tradeorders.order.timeline.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.OrderRepository;
import org.tradeorders.order.timeline.domain.Timeline;
import org.tradeorders.platform.events.EventsConfig;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.platform.persistence.ReadOnlyTransaction;
import org.tradeorders.platform.problem.ProblemException;

@Path("/orders/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    @Inject
    Timeline timeline;
    @Inject
    OrderRepository orders;
    @Inject
    Caller caller;
    @Inject
    EventsConfig events;

    @Operation(description = "Every event of the order across all services, oldest first, in pages: who did what, "
            + "when, from which service.")
    @GET
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @ReadOnlyTransaction
    public Page<Timeline.Entry> get(@PathParam("id") String id, @BeanParam @Valid PageRequest page) {
        Order order = orders.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("order", id));
        caller.requireParty("order", id, order.supplierId, order.buyerId);
        return page.slice(timeline.of(id, events.source())); // bounded by the order's own events
    }
}
