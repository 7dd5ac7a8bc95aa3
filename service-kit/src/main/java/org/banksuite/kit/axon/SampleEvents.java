package org.banksuite.kit.axon;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Builds a sample of any event record with every field set: strings are {@code sample-<field>}, numbers 1, enums
 * their first constant, nested records built the same way. Value types with rules of their own (money, account
 * numbers) are given with {@link #with}. Used by {@link StoredEventFixtures} to compare today's serialization with
 * the newest fixture, so that no field can change without a new revision.
 */
public final class SampleEvents {

    private final Map<Class<?>, Object> given = new HashMap<>();

    /** Uses {@code sample} wherever a field of {@code type} is found. */
    public <T> SampleEvents with(Class<T> type, T sample) {
        given.put(type, sample);
        return this;
    }

    /**
     * A sample of {@code type}.
     *
     * @throws IllegalArgumentException for a field type it cannot make up: give one with {@link #with}
     */
    public Object of(Class<?> type) {
        return value(type, "value");
    }

    /**
     * A sample of a stored class that is not a record (a saga): made with its no-argument constructor, then every
     * instance field, its superclasses' too, set as {@link #of} would set a record's.
     *
     * @throws IllegalArgumentException for a field type it cannot make up: give one with {@link #with}
     */
    public Object withEveryField(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object sample = constructor.newInstance();
            for (Class<?> level = type; level != Object.class; level = level.getSuperclass()) {
                for (Field field : level.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)) {
                        field.setAccessible(true);
                        field.set(sample, value(field.getType(), field.getName()));
                    }
                }
            }
            return sample;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a sample " + type.getName(), e);
        }
    }

    private Object value(Class<?> type, String field) {
        if (given.containsKey(type)) {
            return given.get(type);
        }
        if (type == String.class) {
            return "sample-" + field;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        Function<String, Object> known = KNOWN.get(type);
        if (known != null) {
            return known.apply(field);
        }
        if (type.isRecord()) {
            return record(type);
        }
        throw new IllegalArgumentException("no sample for a " + type.getName() + " (field " + field
                + "): give one with SampleEvents.with");
    }

    private Object record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = Arrays.stream(components).map(c -> value(c.getType(), c.getName())).toArray();
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("cannot make a sample " + type.getName() + " (" + e.getCause()
                    + "): give one with SampleEvents.with", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a sample " + type.getName(), e);
        }
    }

    private static final Map<Class<?>, Function<String, Object>> KNOWN = Map.of(
            BigDecimal.class, field -> new BigDecimal("12.50"),
            Instant.class, field -> Instant.parse("2026-11-30T10:15:30Z"),
            LocalDate.class, field -> LocalDate.parse("2026-11-30"),
            UUID.class, field -> UUID.fromString("00000000-0000-0000-0000-000000000001"),
            Map.class, field -> Map.of("sample-key", "sample-value"),
            List.class, field -> List.of());
}
