package org.tradeorders.credit.badge.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tradeorders.credit.domain.CreditLine;
import org.tradeorders.credit.domain.CreditRules;

/** A supplier's credit protection badge for shop and search pages: public, no amounts. */
@Path("/suppliers/{supplierId}/credit-badge")
@Produces(MediaType.APPLICATION_JSON)
public class BadgeResource {

    @Inject
    EntityManager em;
    @Inject
    CreditRules rules;

    /** tier: the highest of credit-limit.badge-tiers the limit reaches; null when protection is not active. */
    public record Badge(String supplierId, boolean active, String tier) {
    }

    @Operation(description = "The supplier's public credit badge for shop pages: whether its line is active, and its "
            + "tier. No token needed.")
    @GET
    @PermitAll
    @Transactional
    public Badge badge(@PathParam("supplierId") String supplierId) {
        CreditLine line = em.find(CreditLine.class, supplierId);
        if (line == null) {
            return new Badge(supplierId, false, null);
        }
        String tier = rules.badgeTiers().entrySet().stream()
                .filter(t -> line.limitUsd.compareTo(t.getValue()) >= 0)
                .max(Comparator.comparing((Map.Entry<String, BigDecimal> t) -> t.getValue()))
                .map(Map.Entry::getKey).orElse(null);
        return new Badge(supplierId, true, tier);
    }
}
