package org.tradeorders.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
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
 * Unicode (an unpaired surrogate, a noncharacter) is refused instead of being stored as '?'; an
 * enum constant is its exact name, never trimmed to fit.
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
        SimpleModule strict = new SimpleModule("strict-text").addDeserializer(String.class, new TextDeserializer());
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new ExactEnum(deserializer, type.getRawClass());
            }
        });
        mapper.registerModule(strict);
    }

    /** An enum by its exact name: Jackson would trim " BASIC\u0007" to BASIC, changing what was sent. */
    static final class ExactEnum extends StdDeserializer<Object> implements ContextualDeserializer {
        private final JsonDeserializer<?> delegate;

        ExactEnum(JsonDeserializer<?> delegate, Class<?> type) {
            super(type);
            this.delegate = delegate;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String sent = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
            Object value = delegate.deserialize(p, ctxt);
            if (sent != null && value instanceof Enum<?> constant && !sent.equals(constant.name())
                    && !sent.equals(constant.toString())) {
                throw InvalidFormatException.from(p, "not one of the values", sent, handledType());
            }
            return value;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = delegate instanceof ContextualDeserializer c
                    ? c.createContextual(ctxt, property) : delegate;
            return contextual == delegate ? this : new ExactEnum(contextual, handledType());
        }
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
