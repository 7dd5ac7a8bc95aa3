package org.banksuite.text;

/** A text that breaks its {@link TextRule}; {@link #field()} names where it was, {@link #problem()} what is wrong. */
public class InvalidTextException extends IllegalArgumentException {

    private final String field;
    private final String problem;

    public InvalidTextException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
