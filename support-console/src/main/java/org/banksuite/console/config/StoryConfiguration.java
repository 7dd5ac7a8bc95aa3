package org.banksuite.console.config;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.banksuite.api.adapter.client.CoreOperationsApi;
import org.banksuite.api.adapter.client.invoker.ApiClient;
import org.banksuite.console.story.client.EventTimeline;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * What the entity story reads: the topics, with a consumer built from Spring Boot's {@code spring.kafka.*} settings
 * (no group, nothing committed, no topic created, committed records only), and the partner-bank adapter's and
 * reconciliation-service's APIs, called with the signed-in person's token like the ops APIs.
 */
@Configuration(proxyBeanMethods = false)
class StoryConfiguration {

    static final String ADAPTER = "partner-bank-adapter";

    @Bean
    EventTimeline eventTimeline(KafkaProperties kafka, StoryProperties story) {
        Map<String, Object> settings = new HashMap<>(kafka.buildConsumerProperties());
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "support-console-story");
        // the broker answers one request of a connection at a time: a fetch left waiting for more data (500 ms by
        // default) would hold up the next topic's metadata request
        settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        return new EventTimeline(() -> new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()), story, Clock.systemUTC());
    }

    @Bean
    StoryApis storyApis(ConsoleProperties console, StoryProperties story, OAuth2AuthorizedClientManager clients) {
        OAuth2ClientHttpRequestInterceptor personsToken = new OAuth2ClientHttpRequestInterceptor(clients);
        personsToken.setClientRegistrationIdResolver(request -> OpsClientConfiguration.REGISTRATION);
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(console.connectTimeout()).build());
        requestFactory.setReadTimeout(console.readTimeout());
        CoreOperationsApi coreOperations = null;
        ConsoleProperties.Service adapter = console.services().get(ADAPTER);
        if (adapter != null) {
            ApiClient apiClient = new ApiClient(RestClient.builder().requestFactory(requestFactory)
                    .requestInterceptor(personsToken).build());
            apiClient.setBasePath(adapter.baseUrl().toString().replaceAll("/+$", ""));
            coreOperations = new CoreOperationsApi(apiClient);
        }
        RestClient reconciliation = story.reconciliationUrl() == null ? null : RestClient.builder()
                .requestFactory(requestFactory).requestInterceptor(personsToken)
                .baseUrl(story.reconciliationUrl().toString().replaceAll("/+$", "")).build();
        return new StoryApis(coreOperations, reconciliation);
    }
}
