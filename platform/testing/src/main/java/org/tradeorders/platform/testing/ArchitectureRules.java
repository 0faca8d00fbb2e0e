package org.tradeorders.platform.testing;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rooms of a service, held by ArchUnit: {@code domain} depends neither on {@code rest} nor on
 * {@code messaging}; no service uses another service's classes (they talk only through events);
 * entities know nothing of HTTP; and the service's packages form no cycle. Each service's
 * architecture test checks its own main code with these rules, so a change that breaks one fails
 * the build. A service still being rebuilt may name a dependency that closes a package cycle, which
 * the cycle rule then tolerates, with its reason at the call.
 */
public final class ArchitectureRules {
    private static final List<String> SERVICES = List.of("order", "payment", "credit", "fulfillment", "review");

    private final String base;
    private final List<String[]> cycleEdges = new ArrayList<>();
    private JavaClasses classes;

    private ArchitectureRules(String base) {
        this.base = base;
    }

    /** The rules for the service whose code is under {@code org.tradeorders.<service>}. */
    public static ArchitectureRules of(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("no such service: " + service);
        }
        return new ArchitectureRules("org.tradeorders." + service);
    }

    /**
     * A dependency of class {@code fromClass} on package {@code toPackage} that closes a package cycle
     * still to be broken (say why at the call); the cycle rule ignores it, and holds for the rest.
     */
    public ArchitectureRules toleratingCycleEdge(String fromClass, String toPackage) {
        cycleEdges.add(new String[] {fromClass, toPackage});
        return this;
    }

    /** The service's main classes (tests excluded). */
    public synchronized JavaClasses classes() {
        if (classes == null) {
            classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(base);
        }
        return classes;
    }

    public void domainDependsNeitherOnRestNorOnMessaging() {
        noClasses().that().resideInAPackage(base + "..domain..").should().dependOnClassesThat()
                .resideInAnyPackage(base + "..rest..", base + "..messaging..")
                .because("the domain is the service's rules; REST and Kafka translate to and from it").check(classes());
    }

    public void noServiceUsesAnother() {
        String[] others = SERVICES.stream().map(s -> "org.tradeorders." + s + "..")
                .filter(p -> !p.equals(base + "..")).toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services talk only through events on Kafka").check(classes());
    }

    public void entitiesKnowNoHttp() {
        noClasses().that().areAnnotatedWith("jakarta.persistence.Entity").should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "org.tradeorders.platform.problem..", "io.vertx..")
                .because("an entity guards its rules with domain exceptions; REST maps them to problems")
                .check(classes());
    }

    public void packagesFormNoCycle() {
        SliceRule rule = slices().matching(base + ".(**)").should().beFreeOfCycles();
        for (String[] edge : cycleEdges) {
            rule = rule.ignoreDependency(nameMatching(Pattern.quote(edge[0]) + "(\\$.*)?"), resideInAPackage(edge[1] + ".."));
        }
        rule.check(classes());
    }
}
