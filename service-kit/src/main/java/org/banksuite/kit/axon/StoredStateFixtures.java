package org.banksuite.kit.axon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Golden files of stored state that is not an event: a saga's fields, kept by Axon's saga store under the saga's
 * class name for as long as the saga runs. {@code <directory>/<class name>.json} holds {@code {"type", "payload"}}
 * as stored. A service's test checks that today's class reads each file back unchanged (a renamed or removed field
 * would be lost from running sagas) and that today's serialization of a sample with every field set equals it (an
 * added field needs a value for running sagas). Run with {@code -Dstored-events.write=true} to write missing files.
 */
public final class StoredStateFixtures {

    private final Path directory;
    private final StableNameSerializer serializer;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    public StoredStateFixtures(Path directory, StableNameSerializer serializer) {
        this.directory = directory;
        this.serializer = serializer;
    }

    /** Fails naming each of {@code types} whose fixture is missing, unreadable, or not what today's code stores. */
    public void assertStoredAsTheirFixtures(List<Class<?>> types, SampleEvents samples) {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : types) {
            Path file = directory.resolve(type.getName() + ".json");
            try {
                JsonNode today = tree(serializer.serialize(samples.withEveryField(type), byte[].class).getData());
                if (!Files.exists(file)) {
                    problems.add(file + " is missing" + writeIfAsked(file, type.getName(), today));
                    continue;
                }
                JsonNode fixture = mapper.readTree(Files.readAllBytes(file));
                SerializedType storedType = serializer.typeForClass(type);
                if (!storedType.getName().equals(fixture.get("type").asString())) {
                    problems.add(file + " is stored as " + fixture.get("type").asString() + ", today as "
                            + storedType.getName() + ": running instances would no longer be found");
                    continue;
                }
                Class<?> readAs = serializer.classForType(storedType);
                if (UnknownSerializedType.class.equals(readAs)) {
                    problems.add(file + ": no class " + storedType.getName());
                    continue;
                }
                Object read = serializer.deserialize(new SimpleSerializedObject<>(
                        mapper.writeValueAsBytes(fixture.get("payload")), byte[].class, storedType));
                JsonNode readBack = tree(serializer.serialize(read, byte[].class).getData());
                if (!readBack.equals(fixture.get("payload"))) {
                    problems.add(file + " is read back as " + readBack + ": a field of running instances is lost");
                } else if (!today.equals(fixture.get("payload"))) {
                    problems.add(type.getName() + " is stored today as " + today + ", its fixture holds "
                            + fixture.get("payload") + ": running instances have no value for a new field");
                }
            } catch (IOException | RuntimeException e) {
                problems.add(file + ": " + e);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Stored state today's code cannot read or would store differently:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private JsonNode tree(byte[] json) {
        return mapper.readTree(json);
    }

    private String writeIfAsked(Path file, String type, JsonNode payload) {
        if (!Boolean.getBoolean("stored-events.write")) {
            return " (expected payload " + payload + ")";
        }
        ObjectNode content = mapper.createObjectNode().put("type", type);
        content.set("payload", payload);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, mapper.writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(content) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return " (written now, review and commit it)";
    }
}
