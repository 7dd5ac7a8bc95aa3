package org.banksuite.adapter.config;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.banksuite.adapter.account.query.CoreAccountDirectory;
import org.banksuite.adapter.account.sync.EntrySyncTasks;
import org.banksuite.adapter.account.sync.PostingEntrySync;
import org.banksuite.adapter.core.CoreAccess;
import org.banksuite.adapter.core.CoreGateway;
import org.banksuite.adapter.core.CoreRetries;
import org.banksuite.adapter.core.http.ProxyAnswers;
import org.banksuite.adapter.core.http.ProxyCoreGateway;
import org.banksuite.adapter.operationlog.OperationLog;
import org.banksuite.api.proxy.client.CoreApi;
import org.banksuite.api.proxy.client.invoker.ApiClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The way to the core: the proxy's generated client with its time-outs and the adapter's token
 * ({@link ProxyTokenConfig}), the retry pacing, and the entry sync.
 */
@Configuration(proxyBeanMethods = false)
class CoreConfig {

    @Bean
    CoreApi proxyClient(@Value("${adapter.proxy.base-url}") String baseUrl,
                        @Value("${adapter.proxy.connect-timeout:PT2S}") Duration connectTimeout,
                        @Value("${adapter.proxy.read-timeout:PT15S}") Duration readTimeout,
                        OAuth2ClientHttpRequestInterceptor proxyTokens,
                        ObjectProvider<ObservationRegistry> observations) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        JsonMapper mapper = ApiClient.createDefaultMapper(null);
        RestClient rest = ApiClient.buildRestClientBuilder(mapper).requestFactory(requests)
                .requestInterceptor(proxyTokens)
                // a client span per call to the proxy, a child of the handler's span, sent on as traceparent
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP)).build();
        return new CoreApi(new ApiClient(rest, mapper, ApiClient.createDefaultDateFormat()).setBasePath(baseUrl));
    }

    @Bean
    CoreGateway coreGateway(CoreApi proxy, OperationLog log, JsonMapper json, Clock clock) {
        return new ProxyCoreGateway(proxy, log, new ProxyAnswers(json), clock);
    }

    @Bean
    CoreRetries coreRetries(@Value("${adapter.retry.first-backoff:PT2S}") Duration first,
                            @Value("${adapter.retry.max-backoff:PT5M}") Duration max,
                            @Value("${adapter.retry.overdue-after-failures:10}") int overdueAfter) {
        return new CoreRetries(first, max, overdueAfter);
    }

    @Bean
    CoreAccess coreAccess(CoreGateway gateway, CoreAccountDirectory directory, CoreRetries retries) {
        return new CoreAccess(gateway, directory, retries);
    }

    @Bean
    PostingEntrySync postingEntrySync(CoreAccountDirectory directory, CoreGateway gateway, CommandGateway commands,
                                      CoreRetries retries, @Value("${adapter.entries.page-size:100}") int pageSize) {
        return new PostingEntrySync(directory, gateway, commands, retries, pageSize);
    }

    /** The tasks find their collaborators late: the scheduler that runs them is built before Axon's beans. */
    @Bean
    EntrySyncTasks entrySyncTasks(ObjectProvider<PostingEntrySync> sync, ObjectProvider<CoreAccountDirectory> directory,
                                  @Value("${adapter.entries.sync-interval:PT1M}") Duration interval) {
        return new EntrySyncTasks(sync::getObject, directory::getObject, interval);
    }
}
