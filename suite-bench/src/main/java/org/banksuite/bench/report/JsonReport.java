package org.banksuite.bench.report;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code results.json}: the {@link BenchReport} with the targets' verdicts, for machines. */
public final class JsonReport {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The document's content: the report's fields, then {@code targets}. */
    public record Document(BenchReport report, java.util.List<Targets.Check> targets) {
    }

    private JsonReport() {
    }

    public static String render(BenchReport report) {
        return JSON.writeValueAsString(new Document(report, Targets.check(report)));
    }
}
