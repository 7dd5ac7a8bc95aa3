package org.banksuite.kit.axon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.banksuite.events.CatalogEntry;
import org.banksuite.events.EventCatalog;
import org.banksuite.kit.inbox.UnreadableInboundRecord;

/**
 * The registry of a service's stored event types: every event its store holds, under a stable name and a revision,
 * and the upcasters that bring older payloads to today's revision. A service declares one as a bean, one line per
 * event; the inbox's events are in every registry already ({@code inbox.<ce_type>} for each type of the
 * {@link EventCatalog}, {@code inbox.UnreadableInboundRecord}).
 *
 * <p>Events stored before types were named carry their Java class name and no revision; the registry reads them as
 * revision {@code "1"} of the type whose class has that name today ({@link LegacyClassNameUpcaster}). Should a class
 * be renamed, its old name is declared with {@link Builder#formerlyStoredAs}.
 */
public final class StoredEventTypes {

    /** The revision an event stored under its class name, with no revision, is read as. */
    public static final String FIRST_REVISION = "1";
    /** The prefix of the inbox's types: {@code inbox.} followed by the integration event's {@code ce_type}. */
    public static final String INBOX_PREFIX = "inbox.";

    /**
     * Inbox types whose record gained a field since revision 1: revision 2 adds the optional {@code requestId} that
     * correlates the core's answers with accounts-service's requests (issue 12). Revision 1 payloads read as they are
     * (the field is absent, so null).
     */
    private static final Map<String, String> INBOX_REVISIONS = Map.of(
            "accounts.AccountClosureRequested.v1", "2",
            "accounts.RecordTypeChangeRequested.v1", "2",
            "partner-bank.CoreAccountClosed.v1", "2",
            "partner-bank.CoreAccountClosureRefused.v1", "2",
            "partner-bank.CoreRecordTypeChanged.v1", "2",
            "partner-bank.CoreRecordTypeChangeRefused.v1", "2");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[A-Za-z0-9-]+)+");

    private final Map<Class<?>, StoredEventType> byClass;
    private final Map<String, StoredEventType> byName;
    private final Map<String, StoredEventType> byFormerClassName;
    private final List<EventUpcaster> upcasters;

    private StoredEventTypes(Builder builder) {
        this.byClass = Map.copyOf(builder.byClass);
        this.byName = Map.copyOf(builder.byName);
        this.byFormerClassName = Map.copyOf(builder.byFormerClassName);
        List<EventUpcaster> chain = new ArrayList<>();
        chain.add(new LegacyClassNameUpcaster(this));
        chain.addAll(builder.upcasters);
        this.upcasters = List.copyOf(chain);
    }

    /** A registry holding the inbox's types; add the service's own with {@link Builder#event}. */
    public static Builder builder() {
        return new Builder();
    }

    public Optional<StoredEventType> ofClass(Class<?> javaType) {
        return Optional.ofNullable(byClass.get(javaType));
    }

    public Optional<StoredEventType> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The type once stored under {@code className} with no revision, before types had stable names. */
    public Optional<StoredEventType> storedUnderClassName(String className) {
        return Optional.ofNullable(byFormerClassName.get(className));
    }

    public Collection<StoredEventType> all() {
        return byName.values();
    }

    /** Old class names to stable names first, then the declared revision steps in their order. */
    public EventUpcasterChain upcasterChain() {
        return new EventUpcasterChain(upcasters);
    }

    /** Collects the service's types; {@link #build()} refuses duplicates and members of a family left unnamed. */
    public static final class Builder {

        private final Map<Class<?>, StoredEventType> byClass = new LinkedHashMap<>();
        private final Map<String, StoredEventType> byName = new LinkedHashMap<>();
        private final Map<String, StoredEventType> byFormerClassName = new LinkedHashMap<>();
        private final List<Class<?>> families = new ArrayList<>();
        private final List<EventUpcaster> upcasters = new ArrayList<>();

        private Builder() {
            for (CatalogEntry entry : EventCatalog.all()) {
                String revision = INBOX_REVISIONS.getOrDefault(entry.ceType(), FIRST_REVISION);
                event(entry.recordClass(), INBOX_PREFIX + entry.ceType(), revision);
                if (!revision.equals(FIRST_REVISION)) {
                    upcaster(new OptionalFieldAdded(INBOX_PREFIX + entry.ceType(), FIRST_REVISION, revision));
                }
            }
            event(UnreadableInboundRecord.class, INBOX_PREFIX + "UnreadableInboundRecord");
        }

        /** Names {@code javaType} at revision {@code "1"}. */
        public Builder event(Class<?> javaType, String name) {
            return event(javaType, name, FIRST_REVISION);
        }

        /**
         * Names {@code javaType}, whose serialized shape is at {@code revision}.
         *
         * @throws IllegalArgumentException for a name not of the form {@code domain.Name} or that is a class name, a
         *                                  blank revision, or a class or name declared before
         */
        public Builder event(Class<?> javaType, String name, String revision) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a stored event name such as"
                        + " 'accounts.FundsReserved' (lower-case domain, dot, name)");
            }
            if (isClassName(name)) {
                throw new IllegalArgumentException("'" + name + "' is a class name: a stored name must not be one");
            }
            if (revision == null || revision.isBlank()) {
                throw new IllegalArgumentException(name + " needs a revision");
            }
            StoredEventType type = new StoredEventType(javaType, name, revision);
            if (byClass.putIfAbsent(javaType, type) != null) {
                throw new IllegalArgumentException(javaType.getName() + " is named twice");
            }
            if (byName.putIfAbsent(name, type) != null) {
                throw new IllegalArgumentException("two types are named " + name);
            }
            byFormerClassName.putIfAbsent(javaType.getName(), type);
            return this;
        }

        /** Events stored before types were named, under {@code className}, are read as {@code javaType}'s. */
        public Builder formerlyStoredAs(Class<?> javaType, String className) {
            StoredEventType type = byClass.get(javaType);
            if (type == null) {
                throw new IllegalArgumentException(javaType.getName() + " has no name yet: declare it first");
            }
            byFormerClassName.put(className, type);
            return this;
        }

        /** Every record of the sealed {@code family} (recursively) must be named, or {@link #build()} fails. */
        public Builder everyEventOf(Class<?> family) {
            if (!family.isSealed()) {
                throw new IllegalArgumentException(family.getName() + " is not sealed: its members cannot be listed");
            }
            families.add(family);
            return this;
        }

        /** A step from one revision to the next; steps run in the order declared, after the class-name step. */
        public Builder upcaster(EventUpcaster upcaster) {
            upcasters.add(upcaster);
            return this;
        }

        /**
         * @throws IllegalStateException naming every member of a declared family that has no stable name: an event
         *                               class that would be stored under its Java class name
         */
        public StoredEventTypes build() {
            TreeSet<String> unnamed = new TreeSet<>();
            families.forEach(family -> collectUnnamed(family, unnamed));
            if (!unnamed.isEmpty()) {
                throw new IllegalStateException("Stored events without a stable name: " + unnamed + ". Declare each"
                        + " in the service's StoredEventTypes bean, e.g. .event(FundsReserved.class,"
                        + " \"accounts.FundsReserved\"), and add its fixture under"
                        + " src/test/resources/stored-events/<name>/1.json (see service-kit's README)");
            }
            return new StoredEventTypes(this);
        }

        private static boolean isClassName(String name) {
            try {
                Class.forName(name, false, StoredEventTypes.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }

        private void collectUnnamed(Class<?> type, Collection<String> unnamed) {
            if (type.isSealed()) {
                for (Class<?> member : type.getPermittedSubclasses()) {
                    collectUnnamed(member, unnamed);
                }
            } else if (!byClass.containsKey(type)) {
                unnamed.add(type.getName());
            }
        }
    }
}
