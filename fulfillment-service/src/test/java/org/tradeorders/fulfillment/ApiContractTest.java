package org.tradeorders.fulfillment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.ServiceApiContractTest;

/** fulfillment-service's OpenAPI document tells the truth (the checks: {@link ServiceApiContractTest}). */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fulfillment"))
class ApiContractTest extends ServiceApiContractTest {

    @Override
    protected int minimumRequests() {
        return 150;
    }
}
