package org.tradeorders.order;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;
import org.tradeorders.order.rest.OrderResource;
import org.tradeorders.platform.testing.ArchitectureRules;
import org.tradeorders.platform.testing.ServiceArchitectureTest;

/** order-service's rooms stay where a newcomer expects them (the rules: {@link ArchitectureRules}). */
class ArchitectureTest extends ServiceArchitectureTest {
    static final ArchitectureRules RULES = ArchitectureRules.of("order");

    @Override
    protected ArchitectureRules rules() {
        return RULES;
    }

    @Test
    void everyChangeOfAnOrderThroughTheApiIsOneTransaction() {
        methods().that().areDeclaredIn(OrderResource.class).and(annotatedWith(POST.class).or(annotatedWith(PUT.class)))
                .should().beAnnotatedWith(Transactional.class)
                .because("who acts, the change and the answer are one commit, with or without an Idempotency-Key")
                .check(new ClassFileImporter().importClasses(OrderResource.class));
    }
}
