package org.tradeorders.platform.testing;

import org.junit.jupiter.api.Test;

/**
 * A service's rooms stay where a newcomer expects them: each service's {@code ArchitectureTest}
 * extends this and names its rules ({@link ArchitectureRules}).
 */
public abstract class ServiceArchitectureTest {

    /** The service's rules, built once per test class (its classes are imported once). */
    protected abstract ArchitectureRules rules();

    @Test
    public void theDomainDependsNeitherOnRestNorOnMessaging() {
        rules().domainDependsNeitherOnRestNorOnMessaging();
    }

    @Test
    public void noServiceUsesAnother() {
        rules().noServiceUsesAnother();
    }

    @Test
    public void entitiesKnowNoHttp() {
        rules().entitiesKnowNoHttp();
    }

    @Test
    public void packagesFormNoCycle() {
        rules().packagesFormNoCycle();
    }
}
