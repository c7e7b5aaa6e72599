package io.tradeshell.engine.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/** The project's one Jackson setup, and number writing that never emits NaN or Infinity. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() { }

    /** Writes a double, or null where JSON has no number for it. */
    public static void number(JsonGenerator g, String field, double v) throws IOException {
        g.writeFieldName(field);
        if (Double.isFinite(v)) g.writeNumber(v);
        else g.writeNull();
    }

    /** A double as a JSON value: itself, or null where it is NaN or infinite. */
    public static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
