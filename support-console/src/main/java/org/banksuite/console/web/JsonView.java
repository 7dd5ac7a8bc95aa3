package org.banksuite.console.web;

import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Shows a letter's payload as indented JSON, as the API gave it (masked for a person without support-lead). */
@Component("json")
public class JsonView {

    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** {@code value} as indented JSON; {@code null} as {@code null}. */
    public String pretty(Object value) {
        return json.writeValueAsString(value);
    }
}
