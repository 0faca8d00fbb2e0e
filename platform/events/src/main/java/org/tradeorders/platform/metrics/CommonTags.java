package org.tradeorders.platform.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every meter carries {@code application} (the service's name), so the alert rules and the dashboard
 * (deploy/monitoring) tell the services apart wherever Prometheus scrapes them from.
 */
@Singleton
public class CommonTags {

    @Produces
    @Singleton
    MeterFilter application(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(Tags.of("application", application));
    }
}
