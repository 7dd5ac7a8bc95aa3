package org.banksuite.proxy.web;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proxy's API and the core's have the same JSON shapes, generated into two sets of types; this carries a value
 * from one to the other through its JSON.
 */
@Component
class CoreShapes {

    private final JsonMapper json;

    CoreShapes(JsonMapper json) {
        this.json = json;
    }

    <T> T as(Object value, Class<T> type) {
        return json.convertValue(value, type);
    }
}
