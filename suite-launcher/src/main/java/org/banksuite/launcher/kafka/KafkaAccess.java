package org.banksuite.launcher.kafka;

import static org.banksuite.events.Topics.ACCOUNTS_EVENTS;
import static org.banksuite.events.Topics.PARTNER_BANK_EVENTS;
import static org.banksuite.events.Topics.RECONCILIATION_EVENTS;
import static org.banksuite.events.Topics.TRANSFERS_EVENTS;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.banksuite.events.Receivers;
import org.banksuite.events.Topics;

/**
 * Who may do what on the local stack's Kafka broker: one principal per service that uses Kafka, a read-only
 * observer for jobs and the demo, and the support console (reads the four live topics for the entity story, without a
 * consumer group). The broker refuses everything not granted here ({@code allow.everyone.if.no.acl.found=false});
 * the administrator ({@value #ADMIN}) and the broker's own identity ({@value #BROKER}) are super users and need no
 * entry.
 *
 * <p>Read from the services' code: each event-sourced service publishes its own topic ({@code TopicNames}, the
 * publishers), replays it to {@code reconstitution.<receiver>} for every receiver that consumes it
 * ({@link Receivers}, the rule reconstitution jobs are validated with), consumes the topics its inbound listener names
 * plus its own {@code reconstitution.<self>}, and publishes the records of those it cannot read to {@code <topic>.dlt}
 * (service-kit's {@code DeadLetterTopic}). reconciliation-service publishes {@code reconciliation.events} and reads the
 * three live topics; it skips unreadable records (no dead-letter topic). Each consumes in the group named as itself
 * ({@code spring.kafka.consumer.group-id}). No service creates topics (no {@code NewTopic} beans): the launcher creates
 * every topic named here, so nobody needs Create. partner-bank-proxy and partner-bank-simulator do not use Kafka.
 */
public final class KafkaAccess {

    /** The administrator: creates users, topics and ACLs; a super user. */
    public static final String ADMIN = "suite-admin";
    /** The broker's own identity (inter-broker and controller connections); a super user. */
    public static final String BROKER = "kafka-broker";
    /** Read-only: every topic of the suite, in consumer groups named {@code suite-observer...}. */
    public static final String OBSERVER = "suite-observer";
    public static final String RECONCILIATION_SERVICE = "reconciliation-service";
    /** Read-only: the four live topics, for the entity story; no consumer group ({@code assign()}). */
    public static final String SUPPORT_CONSOLE = "support-console";

    /** The services' principals. */
    public static final List<PrincipalAccess> SERVICES = List.of(
            inboxService(Receivers.ACCOUNTS_SERVICE, ACCOUNTS_EVENTS),
            inboxService(Receivers.TRANSFERS_SERVICE, TRANSFERS_EVENTS),
            inboxService(Receivers.PARTNER_BANK_ADAPTER, PARTNER_BANK_EVENTS),
            new PrincipalAccess(RECONCILIATION_SERVICE, Set.of(RECONCILIATION_EVENTS),
                    Set.of(ACCOUNTS_EVENTS, TRANSFERS_EVENTS, PARTNER_BANK_EVENTS), Set.of(RECONCILIATION_SERVICE),
                    Set.of()));

    /** Every principal: the services, the observer and the support console. */
    public static final List<PrincipalAccess> ALL = Stream.concat(SERVICES.stream(), Stream.of(observer(),
            new PrincipalAccess(SUPPORT_CONSOLE, Set.of(),
                    Set.of(ACCOUNTS_EVENTS, TRANSFERS_EVENTS, PARTNER_BANK_EVENTS, RECONCILIATION_EVENTS), Set.of(),
                    Set.of()))).toList();

    private KafkaAccess() {
    }

    /** The entry of {@code principal}, if it has one. */
    public static Optional<PrincipalAccess> of(String principal) {
        return ALL.stream().filter(access -> access.principal().equals(principal)).findFirst();
    }

    /** Every topic the suite uses, sorted: the launcher creates them. */
    public static Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        SERVICES.forEach(service -> topics.addAll(service.topics()));
        return topics;
    }

    /**
     * A service with the kit's inbox: writes {@code produced} and the reconstitution topics of its receivers; reads
     * what {@link Receivers} says it consumes and its own reconstitution topic; writes the dead-letter topic of each.
     */
    private static PrincipalAccess inboxService(String service, String produced) {
        Set<String> reads = new HashSet<>(Receivers.topicsOf(service).orElseThrow());
        reads.add(Topics.reconstitution(service));
        Set<String> writes = new HashSet<>();
        writes.add(produced);
        Receivers.all().stream()
                .filter(receiver -> Receivers.topicsOf(receiver).orElseThrow().contains(produced))
                .forEach(receiver -> writes.add(Topics.reconstitution(receiver)));
        reads.forEach(consumed -> writes.add(consumed + ".dlt"));
        return new PrincipalAccess(service, writes, reads, Set.of(service), Set.of());
    }

    private static PrincipalAccess observer() {
        return new PrincipalAccess(OBSERVER, Set.of(), topics(), Set.of(), Set.of(OBSERVER));
    }
}
