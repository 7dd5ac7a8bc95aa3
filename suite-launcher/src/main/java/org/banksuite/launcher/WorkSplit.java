package org.banksuite.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.banksuite.launcher.kafka.KafkaAccess;

/**
 * {@code ./suite status}'s second half: how the running suite's work is split between the replicas. For each Kafka
 * consumer group (Kafka's AdminClient, as {@code suite-admin} with the settings in {@code .suite/kafka/}), which member
 * (its {@code client.id}, {@code <service>-<replica>-<n>}, and host) holds which partitions; for each Axon
 * processor (each service database's {@code tokenentry}, read as the superuser with the password in
 * {@code .suite/postgres/}), which owner (Axon's node id, {@code <pid>@<host>}, named with its replica from
 * {@code .suite/processes.json}) holds which segments. Prints to standard output; a part that does not answer is
 * said so, never fails the command.
 */
public final class WorkSplit {

    private static final Pattern PROCESS = Pattern.compile(
            "\\{\"name\":\"([^\"]+)\",\"replica\":(\\d+),\"kind\":\"service\",\"pid\":(\\d+)");

    private WorkSplit() {
    }

    public static void main(String[] args) {
        SuiteLayout layout = new SuiteLayout(Path.of(System.getProperty("suite.home", ".")).toAbsolutePath().normalize());
        Map<String, String> environment = System.getenv();
        SuiteEnvironment ports = SuiteEnvironment.from(environment);
        Map<String, String> replicaByPid = replicasByPid(layout.processesFile());
        System.out.println("Kafka consumer groups (which replica holds which partitions):");
        kafkaGroups(layout, ports.kafkaPort()).forEach(System.out::println);
        System.out.println("Axon processors (which replica holds which segments, from each database's tokenentry):");
        axonSegments(layout, ports.postgresPort(), replicaByPid).forEach(System.out::println);
    }

    static List<String> kafkaGroups(SuiteLayout layout, int kafkaPort) {
        List<String> lines = new ArrayList<>();
        Properties admin = new Properties();
        try (Reader reader = Files.newBufferedReader(layout.kafkaCredentials().resolve(KafkaAccess.ADMIN + ".properties"))) {
            admin.load(reader);
        } catch (IOException e) {
            return List.of("  (cannot read the administrator's settings: " + e.getMessage() + ")");
        }
        admin.put("bootstrap.servers", "127.0.0.1:" + kafkaPort);
        admin.put("request.timeout.ms", "5000");
        admin.put("default.api.timeout.ms", "10000");
        try (Admin client = Admin.create(admin)) {
            List<String> groups = client.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId)
                    .filter(group -> !group.startsWith(KafkaAccess.OBSERVER)).sorted().toList();
            Map<String, ConsumerGroupDescription> descriptions = new TreeMap<>(
                    client.describeConsumerGroups(groups).all().get(10, TimeUnit.SECONDS));
            for (ConsumerGroupDescription group : descriptions.values()) {
                lines.add("  " + group.groupId() + " (" + group.groupState() + ", " + group.members().size() + " members)");
                group.members().stream().sorted((a, b) -> a.clientId().compareTo(b.clientId()))
                        .forEach(member -> lines.add("    " + describe(member)));
            }
            if (descriptions.isEmpty()) {
                lines.add("  (no consumer group yet)");
            }
        } catch (Exception e) {
            lines.add("  (Kafka on port " + kafkaPort + " does not answer: " + e + ")");
        }
        return lines;
    }

    private static String describe(MemberDescription member) {
        return String.format("%-34s %-11s %s", member.clientId(), member.host(),
                partitions(member.assignment().topicPartitions()));
    }

    /** {@code transfers.events[0,2] partner-bank.events[1]}, topics and partitions in order. */
    static String partitions(Collection<TopicPartition> assigned) {
        Map<String, List<Integer>> byTopic = new TreeMap<>();
        assigned.forEach(partition -> byTopic.computeIfAbsent(partition.topic(), topic -> new ArrayList<>())
                .add(partition.partition()));
        if (byTopic.isEmpty()) {
            return "(no partitions)";
        }
        StringBuilder text = new StringBuilder();
        byTopic.forEach((topic, numbers) -> text.append(text.isEmpty() ? "" : " ").append(topic)
                .append(numbers.stream().sorted().map(String::valueOf).toList().toString().replace(" ", "")));
        return text.toString();
    }

    static List<String> axonSegments(SuiteLayout layout, int postgresPort, Map<String, String> replicaByPid) {
        List<String> lines = new ArrayList<>();
        String password;
        try {
            password = Files.readString(new GeneratedPasswords(layout.postgresPasswords()).file("postgres")).strip();
        } catch (IOException e) {
            return List.of("  (cannot read the superuser's password: " + e.getMessage() + ")");
        }
        for (ServiceDefinition service : Services.ALL) {
            if (!service.hasDatabase()) {
                continue;
            }
            String url = "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + service.database();
            try (Connection connection = DriverManager.getConnection(url, "postgres", password);
                 Statement statement = connection.createStatement()) {
                try (ResultSet exists = statement.executeQuery("select to_regclass('tokenentry') is not null")) {
                    exists.next();
                    if (!exists.getBoolean(1)) {
                        continue;
                    }
                }
                Map<String, Map<String, List<Integer>>> byProcessor = new TreeMap<>();
                try (ResultSet rows = statement.executeQuery(
                        "select processorname, segment, owner from tokenentry order by processorname, segment")) {
                    while (rows.next()) {
                        byProcessor.computeIfAbsent(rows.getString(1), processor -> new TreeMap<>())
                                .computeIfAbsent(ownerName(rows.getString(3), replicaByPid), owner -> new ArrayList<>())
                                .add(rows.getInt(2));
                    }
                }
                lines.add("  " + service.name() + " (database " + service.database() + ")");
                byProcessor.forEach((processor, owners) -> lines.add(String.format("    %-32s %s", processor,
                        String.join("; ", owners.entrySet().stream()
                                .map(owner -> owner.getKey() + ": " + segments(owner.getValue())).toList()))));
            } catch (SQLException e) {
                lines.add("  " + service.name() + ": (database " + service.database() + " does not answer: "
                        + e.getMessage() + ")");
            }
        }
        return lines;
    }

    /** {@code 0-3,5,7-15}: segment numbers (in order) as ranges. */
    static String segments(List<Integer> numbers) {
        List<String> ranges = new ArrayList<>();
        int start = -1;
        int previous = -2;
        for (int number : numbers.stream().sorted().toList()) {
            if (number != previous + 1) {
                if (start >= 0) {
                    ranges.add(range(start, previous));
                }
                start = number;
            }
            previous = number;
        }
        if (start >= 0) {
            ranges.add(range(start, previous));
        }
        return "segments " + String.join(",", ranges);
    }

    private static String range(int first, int last) {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }

    /** Axon's node id is {@code <pid>@<host>}: the replica it belongs to, if it is one of ours, else the id itself. */
    static String ownerName(String owner, Map<String, String> replicaByPid) {
        if (owner == null) {
            return "unclaimed";
        }
        int at = owner.indexOf('@');
        String replica = at > 0 ? replicaByPid.get(owner.substring(0, at)) : null;
        return replica != null ? replica + " (" + owner + ")" : owner;
    }

    /** pid to replica name ({@code accounts-service-2}) from {@code .suite/processes.json}; empty if there is none. */
    static Map<String, String> replicasByPid(Path processesFile) {
        Map<String, String> replicas = new HashMap<>();
        try {
            Matcher process = PROCESS.matcher(Files.readString(processesFile));
            while (process.find()) {
                replicas.put(process.group(3), process.group(1) + "-" + process.group(2));
            }
        } catch (IOException none) {
            // owners are shown as Axon names them
        }
        return replicas;
    }
}
