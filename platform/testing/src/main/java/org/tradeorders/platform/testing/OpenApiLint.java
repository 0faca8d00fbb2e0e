package org.tradeorders.platform.testing;

import io.smallrye.openapi.api.SmallRyeOpenAPI;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.openapitools.openapistylevalidator.OpenApiSpecStyleValidator;
import org.openapitools.openapistylevalidator.ValidatorParameters;
import org.openapitools.openapistylevalidator.ValidatorParameters.NamingConvention;
import org.openapitools.openapistylevalidator.styleerror.StyleError;

/**
 * A service's OpenAPI document against a standard linter, OpenAPITools' OpenAPI Style Validator, with
 * its default rules but three: an HTTP header is Hyphen-Upper-Case ({@code Idempotency-Key}, as the
 * IETF draft names it), not UNDERSCORE_UPPER_CASE; a property needs no description and no example of
 * its own (its type, format, pattern and lengths say what it takes); and no license is required while
 * the project has not chosen one. Every other default stays: info title, version, description and
 * contact; each operation's operationId, summary, description and tag; naming (paths hyphen-case,
 * parameters and properties camelCase, schemas PascalCase); required properties that exist; no
 * schema defined inline where a component belongs.
 */
public final class OpenApiLint {
    private OpenApiLint() {
    }

    /** What the linter finds in the document the service at {@code base} serves; empty when it passes. */
    public static List<String> violations(String base) {
        String json = OpenApiContract.document(base).orElseThrow(() -> new IllegalStateException("no document at " + base))
                .toString();
        OpenAPI model = SmallRyeOpenAPI.builder()
                .withCustomStaticFile(() -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
                .enableModelReader(false).enableAnnotationScan(false).enableStandardStaticFiles(false)
                .enableStandardFilter(false).build().model();
        ValidatorParameters rules = new ValidatorParameters()
                .setHeaderNamingConvention(NamingConvention.HyphenUpperCase)
                .setValidateModelPropertiesDescription(false)
                .setValidateModelPropertiesExample(false)
                .setValidateInfoLicense(false);
        return new OpenApiSpecStyleValidator(model).validate(rules).stream().map(StyleError::toString).toList();
    }
}
