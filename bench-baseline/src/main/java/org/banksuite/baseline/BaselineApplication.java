package org.banksuite.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The benchmark's naive baseline: what a transfer costs when one service books it in one database transaction and
 * then tells Kafka with a blocking send. It has none of the suite's guarantees (see the module README); it exists so
 * that the benchmark can state the suite's throughput and CPU per transfer as a ratio of it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }
}
