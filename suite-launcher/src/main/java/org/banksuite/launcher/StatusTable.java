package org.banksuite.launcher;

import java.util.ArrayList;
import java.util.List;

/** The "what runs where" table printed once the stack is up, and kept in {@code .suite/status.txt}. */
final class StatusTable {

    private StatusTable() {
    }

    static String of(LocalStack stack) {
        SuiteLayout layout = stack.layout();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PostgreSQL", stack.postgres().jdbcUrl("<database>")
                + "  (role <database>_service, passwords in " + layout.show(stack.databasePasswords().directory()) + "/)",
                layout.show(layout.postgresData())});
        rows.add(new String[] {"Kafka", stack.kafka().bootstrapServers() + "  (SASL/SCRAM-SHA-512, client settings "
                + layout.show(layout.kafkaCredentials()) + "/<principal>.properties)", layout.show(layout.kafkaData())});
        for (ServiceProcess service : stack.services()) {
            ServiceDefinition definition = service.definition();
            rows.add(new String[] {service.name(), service.browserUrl()
                    + (definition.hasDatabase() ? "  (database " + definition.database() + ", role "
                    + definition.databaseRole() + ")" : ""),
                    layout.show(service.logFile())});
        }
        for (String name : stack.skipped()) {
            rows.add(new String[] {name, "NOT STARTED (no jar)", ""});
        }
        rows.add(new String[] {"Logs", layout.show(layout.logs()) + "/", ""});

        int nameWidth = rows.stream().mapToInt(row -> row[0].length()).max().orElse(10);
        int whereWidth = rows.stream().mapToInt(row -> row[1].length()).max().orElse(10);
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            table.append(String.format("  %-" + nameWidth + "s  %-" + whereWidth + "s  %s%n", row[0], row[1], row[2]).stripTrailing())
                    .append(System.lineSeparator());
        }
        return table.toString().replace(System.lineSeparator() + System.lineSeparator(), System.lineSeparator());
    }
}
