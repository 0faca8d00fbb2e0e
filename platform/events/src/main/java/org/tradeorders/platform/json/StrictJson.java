package org.tradeorders.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.tradeorders.platform.validation.Formats;

/**
 * JSON is read as written or refused, never adjusted: a fraction is no integer (no truncation), a
 * null is no 0, and text with control characters (other than tab and line breaks) or invalid
 * Unicode (an unpaired surrogate, a noncharacter) is refused instead of being stored as '?'.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    /** What a refused string is told; the value itself is not echoed. */
    public static final String NOT_TEXT = "must be text: it contains a control character or invalid Unicode";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.registerModule(new SimpleModule("strict-text").addDeserializer(String.class, new TextDeserializer()));
    }

    static final class TextDeserializer extends StdScalarDeserializer<String> {
        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            if (s != null && !Formats.isText(s, true)) {
                throw InvalidFormatException.from(p, NOT_TEXT, null, String.class);
            }
            return s;
        }
    }
}
