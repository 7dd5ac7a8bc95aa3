package org.banksuite.kit.reconstitution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.banksuite.events.Receivers;
import org.banksuite.kit.reconstitution.InvalidJobException.FieldProblem;

/** Refuses a job this service cannot run as asked, naming every field that is wrong. */
class JobValidation {

    private final List<ReplayableEvents> producers;
    private final String application;

    JobValidation(List<ReplayableEvents> producers, String application) {
        this.producers = producers;
        this.application = application;
    }

    /** The producer's events, if the request is valid. */
    ReplayableEvents validate(JobRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<ReplayableEvents> events = producers.stream()
                .filter(candidate -> candidate.producer().equals(request.producer())).findFirst();
        if (events.isEmpty()) {
            problems.add(new FieldProblem("producer", request.producer() + " is not produced by " + application
                    + "; it produces " + producers.stream().map(ReplayableEvents::producer).toList()));
        }
        Optional<Set<String>> receiverTopics = Receivers.topicsOf(request.receiver());
        if (receiverTopics.isEmpty()) {
            problems.add(new FieldProblem("receiver", request.receiver()
                    + " is not a consuming service of the suite; one of " + Receivers.all()));
        } else if (events.isPresent() && !receiverTopics.get().contains(events.get().topic())) {
            problems.add(new FieldProblem("receiver", request.receiver() + " does not consume "
                    + events.get().topic()));
        }
        if (request.from() != null && request.to() != null && !request.to().isAfter(request.from())) {
            problems.add(new FieldProblem("to", "must be after from"));
        }
        if (request.entityIds().size() > JobRequest.MAX_ENTITY_IDS) {
            problems.add(new FieldProblem("entityIds", "may name at most " + JobRequest.MAX_ENTITY_IDS
                    + " entities, not " + request.entityIds().size() + "; use a time range for more"));
        }
        if (request.entityIds().stream().anyMatch(String::isEmpty)) {
            problems.add(new FieldProblem("entityIds", "must not contain blank ids"));
        }
        events.ifPresent(known -> request.eventNames().stream()
                .filter(name -> !known.eventNames().contains(name))
                .forEach(name -> problems.add(new FieldProblem("eventNames", name + " is not an event of "
                        + request.producer() + "; one of " + known.eventNames()))));
        if (!problems.isEmpty()) {
            throw new InvalidJobException(problems);
        }
        return events.orElseThrow();
    }
}
