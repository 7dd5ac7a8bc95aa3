package org.banksuite.kit.axon;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon's Jackson 3 serializer as every service needs it. Replay and merged tracking tokens are polymorphic, and
 * Jackson 3 denies every subtype of Object unless told which packages it may resolve.
 */
public final class AxonJackson {

    private AxonJackson() {
    }

    public static JsonMapper.Builder allowAxonAndSuiteTypes(JsonMapper.Builder builder) {
        return builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("org.banksuite.")
                .allowIfSubType("java.util.")
                .build());
    }
}
