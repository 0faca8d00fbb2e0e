package org.tradeorders.deploy.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The end-to-end scenario's steps after payment, over the packaged services: a shipment with its trade
 * documents, a bill of lading, tracking to delivery; then the review's invitation, edit and reply.
 * {@code url} maps (service, path) to the running stack.
 */
final class AfterShipment {
    static final ObjectMapper JSON = new ObjectMapper();

    private AfterShipment() {
    }

    /** The shipment request: 1,000 LP-600 by Maersk, with the seller, the packing and the customs declaration. */
    static String shipmentWithDocuments(String orderId, String trackingNumber) {
        ObjectNode s = JSON.createObjectNode().put("orderId", orderId).put("exportMode", "SELF_OPERATED")
                .put("carrier", "Maersk").put("trackingNumber", trackingNumber).put("customsDeclarationNumber", "CD-2026-1");
        s.putArray("lines").addObject().put("model", "LP-600").put("quantity", 1000);
        ObjectNode d = s.putObject("documents");
        d.putObject("seller").put("name", "Shenzhen Bright Lighting Co., Ltd.").putObject("address")
                .put("street", "88 Keji Road").put("city", "Shenzhen").put("zipCode", "518057").put("country", "CN");
        d.putArray("lines").addObject().put("model", "LP-600").put("hsCode", "940542").put("packages", 50)
                .put("netWeightKg", "950").put("grossWeightKg", "1010.5").putObject("dimensions").put("lengthCm", 60)
                .put("widthCm", 60).put("heightCm", 40);
        d.putArray("customsDeclaration").addObject().put("hsCode", "940542").put("quantity", 1000).putObject("declaredValue")
                .put("amount", "12350.00").put("currency", "USD");
        return s.toString();
    }

    /** The invoice PDF read back: its number, the line and the total. */
    static void invoicePdfReadsBack(BiFunction<String, String, String> url, String token, String shipmentId) throws IOException {
        String number = given().auth().oauth2(token).get(url.apply("fulfillment-service", "/shipments/" + shipmentId
                + "/trade-documents/commercial-invoice")).then().statusCode(200).extract().path("number");
        byte[] pdf = given().auth().oauth2(token).get(url.apply("fulfillment-service", "/shipments/" + shipmentId
                + "/trade-documents/commercial-invoice/pdf")).then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("COMMERCIAL INVOICE", number, "LP-600", "12350.00",
                    "12500.00", "Nordlicht Handels GmbH");
        }
    }

    static void uploadBillOfLading(BiFunction<String, String, String> url, String supplier, String shipmentId) {
        byte[] pdf = "%PDF-1.7\n% bill of lading MSKU\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        given().auth().oauth2(supplier).contentType("application/pdf").queryParam("kind", "BILL_OF_LADING")
                .queryParam("fileName", "bill-of-lading.pdf").body(pdf)
                .post(url.apply("fulfillment-service", "/shipments/" + shipmentId + "/shipping-documents")).then().statusCode(201);
    }

    static void carrierReports(BiFunction<String, String, String> url, String adapter, String trackingNumber, String eventId,
            String status, String location, Instant at) {
        ObjectNode r = JSON.createObjectNode().put("carrier", "Maersk").put("trackingNumber", trackingNumber)
                .put("carrierEventId", eventId).put("status", status).put("location", location).put("occurredAt", at.toString());
        given().auth().oauth2(adapter).contentType(ContentType.JSON).body(r.toString())
                .post(url.apply("fulfillment-service", "/carrier-reports")).then().statusCode(201);
    }

    /** Waits for an e-mail to {@code to} whose subject is {@code subject}. */
    static void awaitMail(GreenMail smtp, String to, String subject) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> is(m, to, subject)));
    }

    private static boolean is(MimeMessage m, String to, String subject) {
        try {
            return subject.equals(m.getSubject()) && Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
        } catch (Exception e) {
            return false;
        }
    }

    /** The supplier invites, the buyer reviews then edits, the supplier replies; the public list shows the reply. */
    static void reviewRound(BiFunction<String, String, String> url, GreenMail smtp, String supplier, String buyer,
            String supplierId, String orderId) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(supplier)
                .post(url.apply("review-service", "/orders/" + orderId + "/review/invitation")).then().statusCode(200));
        awaitMail(smtp, "purchasing@buyer.example", "How was order " + orderId + "? Review " + supplierId);
        given().auth().oauth2(buyer).contentType(ContentType.JSON)
                .body("{\"serviceAttitude\":5,\"deliverySpeed\":4,\"descriptionAccuracy\":5,\"text\":\"as described\"}")
                .post(url.apply("review-service", "/orders/" + orderId + "/review")).then().statusCode(201);
        given().auth().oauth2(buyer).get(url.apply("review-service", "/suppliers/" + supplierId + "/score")).then()
                .statusCode(200).body("reviewCount", equalTo(1)).body("deliverySpeed", equalTo(4.0f))
                .body("positiveRate", equalTo(1.0f));
        given().auth().oauth2(buyer).contentType(ContentType.JSON)
                .body("{\"serviceAttitude\":5,\"deliverySpeed\":5,\"descriptionAccuracy\":5,\"text\":\"as described, and the "
                        + "tracking was exact\"}")
                .put(url.apply("review-service", "/orders/" + orderId + "/review")).then().statusCode(200)
                .body("history[0].deliverySpeed", equalTo(4));
        given().auth().oauth2(supplier).contentType(ContentType.JSON).body("{\"text\":\"Thank you for your order!\"}")
                .post(url.apply("review-service", "/orders/" + orderId + "/review/reply")).then().statusCode(200);
        given().auth().oauth2(buyer).get(url.apply("review-service", "/suppliers/" + supplierId + "/reviews")).then()
                .statusCode(200).body("items[0].reply.text", equalTo("Thank you for your order!"))
                .body("items[0].edited", equalTo(true)).body("items[0].buyer.country", equalTo("DE"))
                .body("items[0].buyer.name", equalTo("N***H"));
        given().auth().oauth2(buyer).get(url.apply("review-service", "/suppliers/" + supplierId + "/score")).then()
                .statusCode(200).body("deliverySpeed", equalTo(5.0f));
    }
}
