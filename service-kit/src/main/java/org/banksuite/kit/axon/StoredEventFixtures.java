package org.banksuite.kit.axon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The golden files of a service's stored events, {@code <directory>/<name>/<revision>.json}, each
 * {@code {"type", "revision", "payload"}} as the event store holds them; {@code legacy.json} holds an event as stored
 * before types were named (its Java class name, revision null). A service's test checks with it that every fixture
 * is still read by today's classes through the real serializer and upcasters, that every type has a fixture of its
 * current revision, and that today's serialization equals that fixture: a change of a stored event's shape fails the
 * build until it has a new revision (and an upcaster where old payloads need one).
 *
 * <p>Run a service's test with {@code -Dstored-events.write=true} to write the missing current-revision fixtures from
 * samples; the run still fails, so that they are read and committed on purpose.
 */
public final class StoredEventFixtures {

    /** The file of an event as stored before types had stable names. */
    public static final String LEGACY = "legacy";

    private final Path directory;
    private final StableNameSerializer serializer;
    /** Reads and writes fixtures keeping numbers as written: {@code 12.50} stays {@code 12.50}. */
    private final ObjectMapper mapper;

    public StoredEventFixtures(Path directory, StableNameSerializer serializer) {
        this.directory = directory;
        this.serializer = serializer;
        this.mapper = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /** A fixture file: the stored type (a stable name, or a class name for legacy files), revision and payload. */
    public record Fixture(Path file, String type, String revision, JsonNode payload) {
    }

    /**
     * The event in {@code <name>/<file>.json}, read as the event store reads it (upcasters, then the serializer).
     *
     * @throws AssertionError if the file is missing or cannot be read
     */
    public Object read(String name, String file) {
        return read(fixture(directory.resolve(name).resolve(file + ".json")));
    }

    /** Every fixture, read into today's classes; fails listing each one that is not read as its type's class. */
    public void assertEveryFixtureIsRead() {
        List<String> problems = new ArrayList<>();
        for (Fixture fixture : fixtures()) {
            String name = fixture.file().getParent().getFileName().toString();
            try {
                StoredEventType type = serializer.types().named(name)
                        .orElseThrow(() -> new AssertionError("no stored type is named " + name + " any more:"
                                + " events stored under it could not be read"));
                Object event = read(fixture);
                if (!type.javaType().isInstance(event)) {
                    problems.add(fixture.file() + " is read as " + event.getClass().getName() + ", not as "
                            + type.javaType().getName());
                }
            } catch (RuntimeException | AssertionError e) {
                problems.add(fixture.file() + ": " + e);
            }
        }
        failIf(problems, "Stored events today's code cannot read");
    }

    /**
     * Every selected type has the fixture of its current revision, equal to today's serialization of a sample.
     *
     * @param which   the types this directory holds fixtures of (the service's own, or the inbox's)
     * @param samples how to build a sample of each type
     */
    public void assertCurrentRevisionsMatchTodaysSerialization(Predicate<StoredEventType> which,
                                                               SampleEvents samples) {
        List<String> problems = new ArrayList<>();
        boolean write = Boolean.getBoolean("stored-events.write");
        List<StoredEventType> types = serializer.types().all().stream().filter(which)
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
        for (StoredEventType type : types) {
            Path file = directory.resolve(type.name()).resolve(type.revision() + ".json");
            JsonNode today;
            try {
                today = mapper.readTree(serializer.serialize(samples.of(type.javaType()), byte[].class).getData());
            } catch (RuntimeException e) {
                problems.add(type.name() + ": " + e);
                continue;
            }
            ObjectNode expected = mapper.createObjectNode().put("type", type.name()).put("revision", type.revision());
            expected.set("payload", today);
            if (!Files.exists(file)) {
                if (write) {
                    write(file, expected);
                }
                problems.add(file + " is missing (" + (write ? "written now, review and commit it" : "expected "
                        + expected) + ")");
                continue;
            }
            Fixture fixture = fixture(file);
            if (!type.name().equals(fixture.type()) || !type.revision().equals(fixture.revision())) {
                problems.add(file + " says " + fixture.type() + " revision " + fixture.revision());
            } else if (!today.equals(fixture.payload())) {
                problems.add(type.name() + " revision " + type.revision() + " is serialized today as " + today
                        + " but its fixture holds " + fixture.payload() + ": raise the revision in the service's"
                        + " StoredEventTypes, add an upcaster if old payloads need one, and add "
                        + type.name() + "/<new revision>.json");
            }
        }
        failIf(problems, "Stored event types whose current revision has no matching fixture");
    }

    /**
     * Reads as the event store does: the upcaster chain, which must bring the fixture to its type's stable name and
     * current revision, then the serializer.
     */
    private Object read(Fixture fixture) {
        byte[] payload = mapper.writeValueAsBytes(fixture.payload());
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Fixture", "fixture-1", 0,
                "fixture-event-1", "2026-11-30T10:15:30Z", fixture.type(), fixture.revision(), payload,
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = serializer.types().upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        if (upcast.size() != 1) {
            throw new AssertionError(fixture.file() + " is upcast into " + upcast.size() + " events");
        }
        SerializedType type = upcast.getFirst().getType();
        StoredEventType today = serializer.types().named(type.getName()).orElseThrow(() -> new AssertionError(
                fixture.file() + " is upcast to " + type + ", which is no stored type's name"));
        if (!today.revision().equals(type.getRevision())) {
            throw new AssertionError(fixture.file() + " is upcast to revision " + type.getRevision() + " of "
                    + today.name() + ", whose current revision is " + today.revision() + ": an upcaster is missing");
        }
        return serializer.deserialize(upcast.getFirst().getData());
    }

    private List<Fixture> fixtures() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory, 2)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().map(this::fixture).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Fixture fixture(Path file) {
        try {
            JsonNode node = mapper.readTree(Files.readAllBytes(file));
            JsonNode revision = node.get("revision");
            return new Fixture(file, node.get("type").asString(),
                    revision == null || revision.isNull() ? null : revision.asString(), node.get("payload"));
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("cannot read the fixture " + file + ": " + e, e);
        }
    }

    private void write(Path file, JsonNode content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, mapper.writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(content) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void failIf(List<String> problems, String title) {
        if (!problems.isEmpty()) {
            throw new AssertionError(title + ":\n  " + String.join("\n  ", problems));
        }
    }
}
