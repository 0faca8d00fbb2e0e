package org.tradeorders.credit.activation.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tradeorders.credit.domain.CreditRules;
import org.tradeorders.credit.domain.VerificationLevel;

/** The published activation rule table (credit-limit.activation.rules) and what it gives a supplier. */
@ApplicationScoped
public class ActivationRules {

    @Inject
    CreditRules rules;

    public record Row(VerificationLevel verification, int minYearsInBusiness, BigDecimal minRegisteredCapitalUsd,
            BigDecimal limitUsd) {
        boolean admits(VerificationLevel level, int years, BigDecimal capital) {
            return level.atLeast(verification) && years >= minYearsInBusiness
                    && capital.compareTo(minRegisteredCapitalUsd) >= 0;
        }
    }

    /** The table as published: lowest limit first. */
    public List<Row> table() {
        return rules.activation().rules().stream()
                .map(r -> new Row(r.verification(), r.minYearsInBusiness(), r.minRegisteredCapitalUsd(), r.limitUsd()))
                .sorted(Comparator.comparing(Row::limitUsd)).toList();
    }

    /** The initial limit: the highest among the rows the supplier qualifies for; none when it qualifies for none. */
    public Optional<BigDecimal> initialLimit(VerificationLevel level, int yearsInBusiness, BigDecimal registeredCapitalUsd) {
        return table().stream().filter(r -> r.admits(level, yearsInBusiness, registeredCapitalUsd))
                .map(Row::limitUsd).max(Comparator.naturalOrder());
    }
}
