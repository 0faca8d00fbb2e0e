package org.tradeorders.order.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.ServiceApiContractTest;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.fuzz.OpenApiFuzz;

/**
 * order-service's OpenAPI document tells the truth (the checks: {@link ServiceApiContractTest}); the
 * fuzzer reaches a real order and starts from valid drafts.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class ApiContractTest extends ServiceApiContractTest {

    @Override
    protected OpenApiFuzz fuzz(String supplier) {
        String order = given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                .body(Drafts.aDraftFor("BUY-FUZZ-1").json()).post("/orders").then().statusCode(201)
                .extract().path("id");
        // the fuzzer compares what the order shows before and after: its draft event is published first
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.supplier(supplier))
                .get("/orders/" + order).then().statusCode(200).extract().<List<Boolean>>path("events.published")
                .stream().allMatch(Boolean::booleanValue));
        return super.fuzz(supplier).pathValue("id", order)
                .body("OrderResource_draft", Drafts.aDraftFor("BUY-FUZZ-1").json())
                .body("OrderResource_revise", Drafts.aDraftFor("BUY-FUZZ-1").json())
                .body("OrderResource_draftByBuyer", OrderLifecycleTest.buyerDraftOf(500, "FOB").json())
                .body("OrderResource_reviseByBuyer", OrderLifecycleTest.buyerDraftOf(500, "FOB").json())
                .body("RefundCaseResource_open", RefundCaseApiTest.request(order, "NOT_AS_AGREED", "100.00").toString());
    }

    @Override
    protected int minimumOperations() {
        return 20;
    }

    @Override
    protected int minimumRequests() {
        return 500;
    }
}
