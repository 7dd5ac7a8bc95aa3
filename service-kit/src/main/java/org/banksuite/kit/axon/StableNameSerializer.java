package org.banksuite.kit.axon;

import java.util.Objects;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;

/**
 * Axon's Jackson 3 serializer, storing the types of a {@link StoredEventTypes} registry under their stable names and
 * revisions instead of their Java class names. Everything else (tracking tokens, sagas, snapshots, metadata,
 * deadline payloads) keeps Axon's default: its class name, and the revision of an Axon {@code @Revision} annotation.
 */
public class StableNameSerializer extends Jackson3Serializer {

    private final StoredEventTypes types;

    private StableNameSerializer(Builder builder) {
        super(builder);
        this.types = builder.types;
    }

    /**
     * The serializer a service runs with: {@code customizer} configures Jackson (type validation, mix-ins; may be
     * null), {@code types} names the stored events.
     */
    public static StableNameSerializer create(StoredEventTypes types, Jackson3SerializerCustomizer customizer) {
        Builder builder = new Builder(types);
        builder.converter(new ChainingConverter(StableNameSerializer.class.getClassLoader()))
                .jsonMapperBuilderCustomizer(customizer);
        return (StableNameSerializer) builder.build();
    }

    public StoredEventTypes types() {
        return types;
    }

    @Override
    public SerializedType typeForClass(Class type) {
        if (type != null) {
            var stored = types.ofClass(type);
            if (stored.isPresent()) {
                return new SimpleSerializedType(stored.get().name(), stored.get().revision());
            }
        }
        return super.typeForClass(type);
    }

    /** A stable name gives its class; any other name is a class name (tokens, sagas, and old, not upcast, events). */
    @Override
    public Class<?> classForType(SerializedType type) {
        return types.named(type.getName()).<Class<?>>map(StoredEventType::javaType)
                .orElseGet(() -> super.classForType(type));
    }

    private static final class Builder extends Jackson3Serializer.Builder {

        private final StoredEventTypes types;

        private Builder(StoredEventTypes types) {
            this.types = Objects.requireNonNull(types, "types");
        }

        @Override
        public Jackson3Serializer build() {
            return new StableNameSerializer(this);
        }
    }
}
