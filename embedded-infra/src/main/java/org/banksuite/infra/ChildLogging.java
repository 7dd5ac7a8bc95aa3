package org.banksuite.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Logging configuration for a child JVM that shares its parent's classpath: INFO to stdout,
 * whichever SLF4J backend happens to be there (Logback in a Spring Boot test, slf4j-simple in the
 * launcher) and for Log4j 2, which the Kafka server brings along.
 */
final class ChildLogging {

    private static final String LOGBACK = """
            <configuration>
              <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="kafka" level="INFO"/>
              <logger name="org.apache.kafka" level="INFO"/>
              <logger name="state.change.logger" level="WARN"/>
              <root level="INFO"><appender-ref ref="STDOUT"/></root>
            </configuration>
            """;

    private static final String LOG4J2 = """
            status = warn
            appender.console.type = Console
            appender.console.name = STDOUT
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = %d{HH:mm:ss.SSS} %-5level [%t] %c{1.} - %m%n
            rootLogger.level = info
            rootLogger.appenderRef.stdout.ref = STDOUT
            """;

    private ChildLogging() {
    }

    /** System properties pointing each possible backend at an INFO-to-stdout configuration. */
    static List<String> jvmOptions(Path directory) {
        return List.of(
                "-Dlogback.configurationFile=" + write(directory.resolve("logback.xml"), LOGBACK),
                "-Dlog4j2.configurationFile=" + write(directory.resolve("log4j2.properties"), LOG4J2),
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info",
                "-Dorg.slf4j.simpleLogger.log.kafka=info",
                "-Dorg.slf4j.simpleLogger.log.state.change.logger=warn");
    }

    private static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
