package org.tradeorders.fulfillment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.ShuffledOrder;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;
import org.tradeorders.platform.validation.FileContent;

/** Shipping documents the supplier uploads: checked by content and size, kept with their checksum, listed, downloaded. */
@QuarkusTest
@TestMethodOrder(ShuffledOrder.class)
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fulfillment"))
class ShippingDocumentsTest {
    static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };

    static String shipment(String supplier) {
        return Shipments.of(supplier, Shipments.readyToShip(supplier)).line("LP-600", 100).submit().statusCode(201)
                .extract().path("id");
    }

    static ValidatableResponse upload(String token, String shipment, String kind, String fileName, String type, byte[] file) {
        return given().auth().oauth2(token).contentType(type).queryParam("kind", kind).queryParam("fileName", fileName)
                .body(file).post("/shipments/" + shipment + "/shipping-documents").then();
    }

    @Test
    void theSupplierUploadsABillOfLadingThatThePartiesListAndDownloadAsUploaded() {
        String supplier = "SUP-" + UUID.randomUUID();
        String shipment = shipment(supplier);

        String id = upload(Tokens.supplier(supplier), shipment, "BILL_OF_LADING", "bill of lading.pdf", "application/pdf", PDF)
                .statusCode(201).body("kind", equalTo("BILL_OF_LADING")).body("mediaType", equalTo("application/pdf"))
                .body("sizeBytes", equalTo(PDF.length)).body("sha256", equalTo(FileContent.sha256(PDF)))
                .extract().path("id");
        upload(Tokens.supplier(supplier), shipment, "BILL_OF_LADING", "again.pdf", "application/octet-stream", PDF)
                .statusCode(200).body("id", equalTo(id));

        given().auth().oauth2(Tokens.buyer(Shipments.BUYER)).get("/shipments/" + shipment + "/shipping-documents").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].fileName", equalTo("bill of lading.pdf"));
        byte[] downloaded = given().auth().oauth2(Tokens.buyer(Shipments.BUYER))
                .get("/shipments/" + shipment + "/shipping-documents/" + id).then().statusCode(200)
                .contentType("application/pdf")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of()
                        .parseHex(FileContent.sha256(PDF))) + ":")
                .header("Content-Disposition", "attachment; filename*=UTF-8''bill%20of%20lading.pdf")
                .extract().asByteArray();
        assertThat(downloaded).isEqualTo(PDF);
        given().auth().oauth2(Tokens.buyer("BUY-OTHER")).get("/shipments/" + shipment + "/shipping-documents").then()
                .statusCode(404);

        ConsumerRecord<String, String> added = TopicProbe.readAll("fulfillment-events").stream()
                .filter(r -> "tradeorders.ShippingDocumentAdded.v1".equals(TopicProbe.header(r, "ce_type"))
                        && id.equals(TopicProbe.data(r).path("documentId").asText())).findFirst().orElseThrow();
        EventContracts.assertValid(added);
    }

    @Test
    void aFileIsJudgedByItsContentNotItsNameOrDeclaredType() {
        String supplier = "SUP-" + UUID.randomUUID();
        String shipment = shipment(supplier);
        byte[] text = "not a document".getBytes(StandardCharsets.UTF_8);

        upload(Tokens.supplier(supplier), shipment, "AIR_WAYBILL", "awb.pdf", "application/pdf", text).statusCode(400)
                .body("errors[0].field", equalTo("body"));
        upload(Tokens.supplier(supplier), shipment, "AIR_WAYBILL", "awb.pdf", "application/pdf", PNG).statusCode(400)
                .body("errors[0].field", equalTo("Content-Type"));
        upload(Tokens.supplier(supplier), shipment, "AIR_WAYBILL", "awb.png", "text/plain", PNG).statusCode(415);
        upload(Tokens.supplier(supplier), shipment, "INVOICE", "x.png", "image/png", PNG).statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        upload(Tokens.supplier(supplier), shipment, "OTHER", "../x.png", "image/png", PNG).statusCode(400)
                .body("errors[0].field", equalTo("fileName"));
        upload(Tokens.supplier(supplier), shipment, "CERTIFICATE_OF_ORIGIN", "huge.pdf", "application/pdf",
                new byte[1024 * 1024 + 1]).statusCode(413);

        given().auth().oauth2(Tokens.supplier(supplier)).get("/shipments/" + shipment + "/shipping-documents").then()
                .statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void onlyTheShipmentsSupplierUploads() {
        String supplier = "SUP-" + UUID.randomUUID();
        String shipment = shipment(supplier);

        upload(Tokens.supplier("SUP-OTHER"), shipment, "OTHER", "x.png", "image/png", PNG).statusCode(404);
        upload(Tokens.buyer(Shipments.BUYER), shipment, "OTHER", "x.png", "image/png", PNG).statusCode(403);
        upload(Tokens.supplier(supplier), shipment, "INSPECTION_CERTIFICATE", "inspection.png", "image/png", PNG)
                .statusCode(201).body("mediaType", equalTo("image/png"));
    }
}
