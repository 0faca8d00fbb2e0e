package org.tradeorders.platform.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.tradeorders.platform.waiting.WaitRequest;

/**
 * What every operation of every service answers besides its success, said in its OpenAPI document
 * once for all: the {@code Idempotency-Key} header on each mutating operation, and each error answer
 * the platform gives (problem+json with the Problem schema): 400 for a bad request, 401/403 where a
 * token is needed, 404 for a resource that does not exist, 409/422 for a mutating call (state conflict,
 * key in flight, key reused), 413/415 for a body, 406, 500 and 503 busy-retry for all. Operations
 * without a security requirement are declared public (an empty one). A read that waits for a change
 * (it takes {@code Prefer} and {@code If-None-Match}) answers 304 too, and its 200 and 304 carry the
 * {@code ETag} and {@code Preference-Applied} headers, components the operations refer to.
 */
public class ContractFilter implements OASFilter {
    private static final String PROBLEM = "application/problem+json";
    private static final List<PathItem.HttpMethod> MUTATING = List.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema("Problem", problemSchema());
        components.addHeader(WaitRequest.ETAG, OASFactory.createHeader().schema(OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)).description("Names this answer: send it back in If-None-Match"));
        components.addHeader(WaitRequest.PREFERENCE_APPLIED, OASFactory.createHeader().schema(OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)).description("wait=N: the request was held up to N seconds for a change"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean namesResource = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                describe(op.getValue(), MUTATING.contains(op.getKey()), namesResource);
            }
        }
    }

    private static void describe(Operation op, boolean mutating, boolean namesResource) {
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        if (op.getSecurity() == null) {
            op.setSecurity(List.of()); // explicitly public: the badge, the payment-reminder link
        }
        boolean hasInput = op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty());
        if (hasInput || mutating) {
            problem(responses, "400", "Bad request: the field and the reason in errors; nothing changed");
        }
        if (secured) {
            problem(responses, "401", "No valid bearer token: missing, expired, bad signature or malformed");
            problem(responses, "403", "The caller's role may not make this call");
        }
        // a resource named in the path or in the body may not exist (or not be the caller's)
        problem(responses, "404", namesResource ? "No such resource, or not the caller's"
                : "A resource the request names does not exist, or is not the caller's");
        problem(responses, "406", "Only application/json is answered");
        if (mutating) {
            problem(responses, "409", "The current state does not allow it, or a request under the same Idempotency-Key is in flight");
            problem(responses, "422", "The Idempotency-Key was used for a different request");
            if (!hasHeader(op, "Idempotency-Key")) {
                op.addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER).required(false)
                        .description("Makes a retry safe: the same key with the same request gets the first answer "
                                + "again (Idempotent-Replayed: true), for 25 hours; per caller")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(200)));
            }
        }
        if (op.getRequestBody() != null) {
            problem(responses, "413", "The body is larger than 1 MiB");
            problem(responses, "415", "The body must be application/json");
        }
        if (hasHeader(op, "Prefer") && hasHeader(op, "If-None-Match")) {
            waitingRead(responses);
        }
        problem(responses, "500", "Failed on our side; nothing changed");
        problem(responses, "503", "Busy or the database briefly unavailable; nothing changed, retry (Retry-After)");
    }

    /** A read that waits for a change ({@link WaitRequest}): its 200 and its 304 name the answer and the wait applied. */
    private static void waitingRead(APIResponses responses) {
        if (!responses.hasAPIResponse("304")) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Unchanged: still the answer of the ETag in If-None-Match (after the wait asked for)"));
        }
        for (String status : List.of("200", "304")) {
            APIResponse answer = responses.getAPIResponse(status);
            if (answer != null) {
                answer.addHeader(WaitRequest.ETAG, OASFactory.createHeader().ref(WaitRequest.ETAG));
                answer.addHeader(WaitRequest.PREFERENCE_APPLIED, OASFactory.createHeader().ref(WaitRequest.PREFERENCE_APPLIED));
            }
        }
    }

    /** A resource that reads the header itself declares it already. */
    private static boolean hasHeader(Operation op, String name) {
        return op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static void problem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            APIResponse existing = responses.getAPIResponse(status);
            if (existing.getContent() == null) {
                existing.content(problemContent());
            }
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem")));
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("the JSON path of the field, e.g. lines[0].quantity"))
                .addProperty("reason", string);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("https://problems.tradeorders.org/<slug>"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation));
    }
}
