package org.banksuite.proxy.core;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.banksuite.api.core.client.CoreApi;
import org.banksuite.api.core.client.invoker.ApiClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The core's generated client with the proxy's timeouts and its own token, and the breaker and retry every call goes
 * through.
 */
@Configuration(proxyBeanMethods = false)
class CoreClientConfig {

    static final String CORE = "core";

    /**
     * The proxy's client-credentials tokens ({@code spring.security.oauth2.client.registration.core.*}), kept in memory
     * until 30 s before they expire (then a new one is fetched before the next call).
     */
    @Bean
    CoreTokens coreTokens(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService store) {
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, store);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(grant -> grant.clockSkew(Duration.ofSeconds(30))).build());
        String clientId = registrations.findByRegistrationId(CoreTokens.REGISTRATION).getClientId();
        return new CoreTokens(manager, clientId);
    }

    @Bean
    CoreApi coreApi(CoreProperties properties, CoreTokens tokens, OAuth2AuthorizedClientService store,
                    ObjectProvider<ObservationRegistry> observations) {
        // HTTP/1.1 only: the JDK client never repeats a request on its own then, so every request the core
        // counts went through the quota here
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        JsonMapper mapper = ApiClient.createDefaultMapper(null);
        RestClient rest = ApiClient.buildRestClientBuilder(mapper).requestFactory(requests)
                .requestInterceptor(tokens.interceptor(store))
                // a client span per core call, its context sent on as traceparent
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP)).build();
        ApiClient client = new ApiClient(rest, mapper, ApiClient.createDefaultDateFormat());
        client.setBasePath(properties.baseUrl().toString());
        return new CoreApi(client);
    }

    @Bean
    CircuitBreaker coreCircuitBreaker(CircuitBreakerRegistry breakers) {
        return breakers.circuitBreaker(CORE);
    }

    /**
     * Retries what may have failed on the way (timeouts, resets, 5xx) with doubling back-off, and a core 429 after
     * its Retry-After when that is short; a bad response or a refusal is the same on every try and is not retried.
     */
    @Bean
    Retry coreRetry(RetryRegistry retries, CoreProperties properties, Clock clock) {
        RetryConfig config = RetryConfig.<Object>custom()
                .maxAttempts(properties.maxAttempts())
                .retryOnException(failure -> switch (failure) {
                    case CoreFailure.BadResponse bad -> false;
                    case CoreFailure other -> true;
                    case CoreQuotaExceeded refused ->
                            !refused.retryAt().isAfter(clock.instant().plus(properties.maxRetryAfter()));
                    default -> false;
                })
                .intervalBiFunction((attempt, outcome) -> {
                    if (outcome.isLeft() && outcome.getLeft() instanceof CoreQuotaExceeded refused) {
                        return Math.max(0, Duration.between(clock.instant(), refused.retryAt()).toMillis());
                    }
                    return properties.firstBackoff().toMillis() << Math.max(0, attempt - 1);
                })
                .build();
        return retries.retry(CORE, config);
    }
}
