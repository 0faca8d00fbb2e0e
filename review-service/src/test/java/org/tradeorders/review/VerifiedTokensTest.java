package org.tradeorders.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.Tokens;

/** A bearer token is verified once and then kept (platform/identity VerifiedTokens); an altered one never matches. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reviews"))
class VerifiedTokensTest {
    @Inject
    JWTParser parser;

    @Test
    void aTokenVerifiedOnceIsTheOneKept() throws Exception {
        String token = Tokens.buyer("BUY-TOKEN-1");

        assertThat(parser.parse(token)).isSameAs(parser.parse(token));
        assertThat(parser.parse(token).getName()).isNotNull();
    }

    @Test
    void aTokenWithAnAlteredSignatureIsRefusedEvenAfterTheGenuineOneWasKept() {
        String token = Tokens.buyer("BUY-TOKEN-2");
        given().auth().oauth2(token).get("/suppliers/SUP-X/score").then().statusCode(200);
        char last = token.charAt(token.length() - 2);
        String altered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        given().auth().oauth2(altered).get("/suppliers/SUP-X/score").then().statusCode(401);
        given().auth().oauth2(token).get("/suppliers/SUP-X/score").then().statusCode(200);
    }
}
