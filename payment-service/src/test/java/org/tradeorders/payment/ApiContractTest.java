package org.tradeorders.payment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.ServiceApiContractTest;

/** payment-service's OpenAPI document tells the truth (the checks: {@link ServiceApiContractTest}). */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class ApiContractTest extends ServiceApiContractTest {

    @Override
    protected int minimumRequests() {
        return 250;
    }
}
