package org.banksuite.console.reconstitution.client;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the services announced a job may name, all together: every producer with its event names and receivers, and
 * the services that could not be asked (their producers are then missing from the choices).
 *
 * @param producers   every announced producer, in the services' configuration order
 * @param unavailable why a service could not be asked, one line each
 */
public record Announcements(List<ProducerChoice> producers, List<String> unavailable) {

    public Announcements {
        producers = List.copyOf(producers);
        unavailable = List.copyOf(unavailable);
    }

    /** Every receiver any producer names, sorted. */
    public List<String> receivers() {
        TreeSet<String> all = new TreeSet<>();
        producers.forEach(producer -> all.addAll(producer.receivers()));
        return List.copyOf(all);
    }

    /** Every event name any producer announces, sorted. */
    public List<String> eventNames() {
        TreeSet<String> all = new TreeSet<>();
        producers.forEach(producer -> all.addAll(producer.eventNames()));
        return List.copyOf(all);
    }

    /** The producer of the form's value {@code key}, if a service announced it. */
    public Optional<ProducerChoice> producer(String key) {
        return producers.stream().filter(producer -> producer.key().equals(key)).findFirst();
    }
}
