package org.banksuite.console.config;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;

import org.banksuite.api.ops.client.AuditApi;
import org.banksuite.api.ops.client.DeadLettersApi;
import org.banksuite.api.ops.client.ReconstitutionJobsApi;
import org.banksuite.api.ops.client.ReconstitutionProducersApi;
import org.banksuite.api.ops.client.invoker.ApiClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The generated {@code ops} clients, one per configured service, each calling with the signed-in person's access
 * token (registration {@code suite}): the token of the current request's person, refreshed with their refresh
 * token when it has expired. The console never calls with an identity of its own.
 */
@Configuration(proxyBeanMethods = false)
class OpsClientConfiguration {

    static final String REGISTRATION = "suite";

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build();
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }

    @Bean
    OpsServices opsServices(ConsoleProperties properties, OAuth2AuthorizedClientManager clients) {
        OAuth2ClientHttpRequestInterceptor personsToken = new OAuth2ClientHttpRequestInterceptor(clients);
        personsToken.setClientRegistrationIdResolver(request -> REGISTRATION);
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        requestFactory.setReadTimeout(properties.readTimeout());
        Map<String, DeadLettersApi> deadLetters = new LinkedHashMap<>();
        Map<String, ReconstitutionJobsApi> jobs = new LinkedHashMap<>();
        Map<String, ReconstitutionProducersApi> producers = new LinkedHashMap<>();
        Map<String, AuditApi> audit = new LinkedHashMap<>();
        properties.services().forEach((name, service) -> {
            RestClient restClient = RestClient.builder().requestFactory(requestFactory)
                    .requestInterceptor(personsToken).build();
            ApiClient apiClient = new ApiClient(restClient);
            apiClient.setBasePath(service.baseUrl().toString().replaceAll("/+$", ""));
            deadLetters.put(name, new DeadLettersApi(apiClient));
            jobs.put(name, new ReconstitutionJobsApi(apiClient));
            producers.put(name, new ReconstitutionProducersApi(apiClient));
            audit.put(name, new AuditApi(apiClient));
        });
        return new OpsServices(deadLetters, jobs, producers, audit);
    }
}
