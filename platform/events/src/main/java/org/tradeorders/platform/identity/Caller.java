package org.tradeorders.platform.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tradeorders.platform.problem.ProblemException;

/** Who is calling: the verified JWT's role and company. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    public String companyId() {
        String company = jwt.getClaim(Roles.COMPANY_CLAIM);
        if (company == null || company.isBlank()) {
            throw ProblemException.forbidden("the token carries no " + Roles.COMPANY_CLAIM + " claim");
        }
        return company;
    }

    /** The person's e-mail address from the token ({@code email} claim), if it carries one. */
    public String email() {
        return jwt.getClaim("email");
    }

    public boolean is(String role) {
        return jwt.getGroups() != null && jwt.getGroups().contains(role);
    }

    public boolean isOperator() {
        return is(Roles.OPERATOR);
    }

    /**
     * Only the company itself may do this (an operator may not act in its name). Others get 404, as
     * for {@link #requireParty}.
     */
    public void requireSelf(String what, String companyId) {
        if (!companyId.equals(companyId())) {
            throw ProblemException.notFound(what, companyId);
        }
    }

    /**
     * Only the parties of a thing (and operators) may see or touch it. Others get 404, as if it did
     * not exist, so ids cannot be probed.
     */
    public void requireParty(String what, String id, String... parties) {
        if (isOperator()) {
            return;
        }
        String me = companyId();
        for (String p : parties) {
            if (me.equals(p)) {
                return;
            }
        }
        throw ProblemException.notFound(what, id);
    }
}
