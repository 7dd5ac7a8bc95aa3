package org.banksuite.events;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON serde of integration events.
 *
 * <p>Instants are ISO-8601 strings ({@code "2026-11-22T10:15:30Z"}), dates are {@code "yyyy-MM-dd"}, null
 * fields are left out, and unknown properties are ignored on read so that readers tolerate additions.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .changeDefaultPropertyInclusion(inclusion -> inclusion
                    .withValueInclusion(JsonInclude.Include.NON_NULL)
                    .withContentInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private EventJson() {
    }

    /** The mapper configured for the contract; immutable and thread-safe. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** The JSON payload of {@code event}, UTF-8. */
    public static byte[] serialize(IntegrationEvent event) {
        Objects.requireNonNull(event, "event");
        return MAPPER.writeValueAsBytes(event);
    }

    /**
     * Reads the event of type {@code ceType} from its JSON payload.
     *
     * @throws UnreadableEventException with {@link UnreadableEventException.Reason#UNKNOWN_TYPE} for a type not in
     *         the {@link EventCatalog}, or {@link UnreadableEventException.Reason#INVALID_PAYLOAD} for JSON that is
     *         malformed or breaks the event's contract (a missing required field, a bad amount)
     */
    public static IntegrationEvent deserialize(String ceType, byte[] json) {
        Class<? extends IntegrationEvent> recordClass;
        try {
            recordClass = EventCatalog.classOf(ceType);
        } catch (UnknownEventTypeException e) {
            throw new UnreadableEventException(UnreadableEventException.Reason.UNKNOWN_TYPE, e.getMessage(), e);
        }
        if (json == null) {
            throw invalidPayload(ceType, "no payload", null);
        }
        try {
            IntegrationEvent event = MAPPER.readValue(json, recordClass);
            if (event == null) {
                throw invalidPayload(ceType, "payload is JSON null", null);
            }
            return event;
        } catch (JacksonException e) {
            throw invalidPayload(ceType, rootMessage(e), e);
        }
    }

    private static UnreadableEventException invalidPayload(String ceType, String detail, Throwable cause) {
        return new UnreadableEventException(UnreadableEventException.Reason.INVALID_PAYLOAD,
                "Invalid " + ceType + " payload: " + detail, cause);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
