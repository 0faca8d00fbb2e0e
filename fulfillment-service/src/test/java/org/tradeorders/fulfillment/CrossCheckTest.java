package org.tradeorders.fulfillment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.ShuffledOrder;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/** The document cross-check through the service: before submission (nothing kept) and after (stored, announced). */
@QuarkusTest
@TestMethodOrder(ShuffledOrder.class)
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fulfillment"))
class CrossCheckTest {

    @Test
    void theSupplierSeesTheDiscrepanciesBeforeItSubmitsAndNothingIsKept() {
        String supplier = "SUP-" + UUID.randomUUID();
        String order = Shipments.readyToShip(supplier);
        Shipments draft = Shipments.of(supplier, order).line("LP-600", 100).documents("LP-600")
                .packing("LP-600", "packedQuantity", 90).declared("940542", 100, "600.00");

        draft.crossCheck().statusCode(200).body("agree", equalTo(false))
                .body("discrepancies.code", hasItems("packed-quantity-differs", "declared-value-differs-from-invoice",
                        "declared-value-below-prepayment"))
                .body("discrepancies.find { it.code == 'packed-quantity-differs' }.reason",
                        equalTo("the packing list packs 90, the commercial invoice bills 100"));

        assertThat(TopicProbe.readAll("fulfillment-events").stream().filter(r -> order.equals(r.key()))).isEmpty();
        Shipments.of(supplier, order).line("LP-600", 100).line("DR-1", 10).submit().statusCode(201); // all of it still to ship
    }

    @Test
    void documentsThatAgreeAreCheckedCleanAndAnnounceNothing() {
        String supplier = "SUP-" + UUID.randomUUID();
        String order = Shipments.readyToShip(supplier);
        Shipments ok = Shipments.of(supplier, order).line("LP-600", 100).line("DR-1", 10).documents("LP-600", "DR-1")
                .declared("940542", 100, "1235.00").declared("850440", 10, "20.00");
        ok.crossCheck().statusCode(200).body("agree", equalTo(true)).body("discrepancies", empty());

        String shipment = ok.submit().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.operator("OPS")).get("/shipments/" + shipment + "/cross-check").then().statusCode(200)
                .body("agree", equalTo(true)).body("shipmentId", equalTo(shipment));
        assertThat(TopicProbe.readAll("fulfillment-events").stream().filter(r -> order.equals(r.key()))
                .map(r -> TopicProbe.header(r, "ce_type"))).doesNotContain("tradeorders.ShipmentDocumentsDisagree.v1");
    }

    @Test
    void aSubmittedShipmentWhoseDocumentsDisagreeIsShownToTheOperatorAndAnnounced() {
        String supplier = "SUP-" + UUID.randomUUID();
        String order = Shipments.readyToShip(supplier, "5000.00");
        String shipment = Shipments.of(supplier, order).line("LP-600", 100).line("DR-1", 10).documents("LP-600", "DR-1")
                .declared("940542", 100, "1235.00").declared("940541", 10, "20.00").submit().statusCode(201)
                .extract().path("id");

        given().auth().oauth2(Tokens.operator("OPS")).get("/shipments/" + shipment + "/cross-check").then().statusCode(200)
                .body("agree", equalTo(false))
                .body("discrepancies.code", hasItems("hs-code-not-declared", "declared-hs-code-not-invoiced",
                        "declared-value-below-prepayment", "declared-value-far-from-prepayment"))
                .body("discrepancies.field", hasItem("customsDeclaration.items[hsCode=940541]"));
        given().auth().oauth2(Tokens.supplier(supplier)).get("/shipments/" + shipment + "/cross-check").then().statusCode(200);
        given().auth().oauth2(Tokens.buyer(Shipments.BUYER)).get("/shipments/" + shipment + "/cross-check").then().statusCode(403);
        given().auth().oauth2(Tokens.supplier("SUP-OTHER")).get("/shipments/" + shipment + "/cross-check").then().statusCode(404);

        ConsumerRecord<String, String> disagree = TopicProbe.await("fulfillment-events",
                "tradeorders.ShipmentDocumentsDisagree.v1", order);
        EventContracts.assertValid(disagree);
        assertThat(TopicProbe.data(disagree).path("discrepancies").findValuesAsText("code"))
                .contains("declared-value-far-from-prepayment");
    }

    @Test
    void aSelfOperatedShipmentWithoutItsDeclarationItemsIsFlagged() {
        String supplier = "SUP-" + UUID.randomUUID();
        String order = Shipments.readyToShip(supplier);

        Shipments.of(supplier, order).line("LP-600", 100).line("DR-1", 10).documents("LP-600", "DR-1").crossCheck()
                .statusCode(200).body("discrepancies.code", equalTo(List.of("declaration-not-given")));
        Shipments.of(supplier, order).line("LP-600", 1).crossCheck().statusCode(400).body("errors.field", hasItem("documents"));
    }
}
