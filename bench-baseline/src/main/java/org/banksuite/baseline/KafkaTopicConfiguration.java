package org.banksuite.baseline;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The baseline's topic, created at start by Spring's KafkaAdmin with the broker's default partitions, if missing. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicConfiguration {

    @Bean
    NewTopic baselineTopic(BaselineProperties properties) {
        return TopicBuilder.name(properties.topic()).build();
    }
}
