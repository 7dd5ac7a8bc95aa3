package org.banksuite.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SASL/SCRAM identity on a {@link KafkaBroker} started with a {@link KafkaSecurity}: a user name (the principal
 * {@code User:<user>} its ACLs name) and its password.
 *
 * @param user     letters, digits, dots, dashes and underscores (a Kafka principal name that needs no quoting)
 * @param password the SCRAM password; generated ones are 43 URL-safe base64 characters
 */
public record KafkaCredentials(String user, String password) {

    /** The mechanism every client of the suite's broker authenticates with. */
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** SASL without TLS: the broker listens on 127.0.0.1 only. */
    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SAFE_PASSWORD = Pattern.compile("[A-Za-z0-9._~-]{16,128}");
    private static final Pattern JAAS_PASSWORD = Pattern.compile("password=\"([^\"]*)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @throws IllegalArgumentException if the user is not a plain name, or the password is shorter than 16
     *                                  characters or has characters that would need quoting in a JAAS line
     */
    public KafkaCredentials {
        if (user == null || !NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("a Kafka user is 1-64 letters, digits, '.', '-' or '_', not '" + user + "'");
        }
        if (password == null || !SAFE_PASSWORD.matcher(password).matches()) {
            throw new IllegalArgumentException("the password of Kafka user " + user
                    + " must be 16-128 letters, digits, '.', '_', '~' or '-'");
        }
    }

    /** A new identity with a random 256-bit password. */
    public static KafkaCredentials generate(String user) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new KafkaCredentials(user, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /**
     * The identity kept in {@code <directory>/<user>.properties} (a Kafka client configuration, see
     * {@link #clientProperties()}), or a new one written there first, readable by its owner only.
     *
     * @throws UncheckedIOException if the file cannot be read or written
     * @throws IllegalStateException if the file holds no password for {@code user}
     */
    public static KafkaCredentials loadOrCreate(Path directory, String user) {
        Path file = fileOf(directory, user);
        if (Files.isRegularFile(file)) {
            return load(file, user);
        }
        KafkaCredentials created = generate(user);
        created.store(file);
        return created;
    }

    /** Where {@link #loadOrCreate} keeps {@code user}'s identity. */
    public static Path fileOf(Path directory, String user) {
        return directory.resolve(user + ".properties");
    }

    /** {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config} for any Kafka client. */
    public Map<String, String> clientProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("security.protocol", SECURITY_PROTOCOL);
        properties.put("sasl.mechanism", MECHANISM);
        properties.put("sasl.jaas.config", jaasConfig());
        return properties;
    }

    /** The client's JAAS line: {@code ScramLoginModule required username="..." password="...";}. */
    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** The principal ACLs name: {@code User:<user>}. */
    public String principal() {
        return "User:" + user;
    }

    @Override
    public String toString() {
        return "KafkaCredentials[" + user + "]"; // never the password, e.g. in a log line
    }

    private void store(Path file) {
        Directories.create(file.getParent());
        restrictToOwner(file.getParent(), "rwx------");
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            Files.createFile(partial);
            restrictToOwner(partial, "rw-------");
            Properties properties = new Properties();
            properties.putAll(clientProperties());
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                properties.store(writer, "Kafka client settings of " + user + ", generated by ./suite up; keep secret");
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static KafkaCredentials load(Path file, String user) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Matcher password = JAAS_PASSWORD.matcher(properties.getProperty("sasl.jaas.config", ""));
        if (!password.find()) {
            throw new IllegalStateException(file + " has no sasl.jaas.config with the password of " + user
                    + "; delete it to have a new one generated");
        }
        return new KafkaCredentials(user, password.group(1));
    }

    private static void restrictToOwner(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: nothing to restrict with
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + path + " to its owner", e);
        }
    }
}
