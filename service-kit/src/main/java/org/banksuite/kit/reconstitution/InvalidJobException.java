package org.banksuite.kit.reconstitution;

import java.util.List;
import java.util.stream.Collectors;

/** A job that cannot run as asked; each problem names its field. Nothing was stored. */
public class InvalidJobException extends RuntimeException {

    public record FieldProblem(String field, String message) {
    }

    private final transient List<FieldProblem> problems;

    public InvalidJobException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
