package org.banksuite.launcher.demo;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.banksuite.api.accounts.client.AccountsApi;
import org.banksuite.api.adapter.client.PostingEntrySyncApi;
import org.banksuite.api.core.client.SimulatorAdminApi;
import org.banksuite.api.transfers.client.TransfersApi;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The generated clients of the APIs the scenario calls, each with the token of who calls it: a BFF acting for one
 * customer ({@link #accounts(String)}, {@link #transfers(String)}), the operator at the simulator's admin API
 * ({@link #core()}), support staff at the adapter ({@link #entrySync()}). A generated client takes a token through
 * its {@code ApiClient}, built on a {@link RestClient} with {@link AccessTokens#bearer} as request interceptor.
 */
public final class SuiteClients {

    private final SuiteEndpoints endpoints;
    private final AccessTokens tokens;
    private final Map<String, AccountsApi> accountsByCustomer = new ConcurrentHashMap<>();
    private final Map<String, TransfersApi> transfersByCustomer = new ConcurrentHashMap<>();
    private final SimulatorAdminApi core;
    private final PostingEntrySyncApi entrySync;
    private final Duration timeout;

    private SuiteClients(SuiteEndpoints endpoints, AccessTokens tokens, Duration timeout) {
        this.endpoints = endpoints;
        this.tokens = tokens;
        this.timeout = timeout;
        this.core = new SimulatorAdminApi(new org.banksuite.api.core.client.invoker.ApiClient(
                restClient(org.banksuite.api.core.client.invoker.ApiClient.buildRestClientBuilder(),
                        AccessTokens.bearer(tokens.client(AccessTokens.OPERATOR))))
                .setBasePath(endpoints.simulatorUrl()));
        this.entrySync = new PostingEntrySyncApi(new org.banksuite.api.adapter.client.invoker.ApiClient(
                restClient(org.banksuite.api.adapter.client.invoker.ApiClient.buildRestClientBuilder(),
                        AccessTokens.bearer(tokens.client(AccessTokens.SUPPORT_AGENT))))
                .setBasePath(endpoints.adapterUrl()));
    }

    /** Clients that send no token (for a suite whose services do not check them). */
    public static SuiteClients of(SuiteEndpoints endpoints) {
        return of(endpoints, AccessTokens.none());
    }

    public static SuiteClients of(SuiteEndpoints endpoints, AccessTokens tokens) {
        return new SuiteClients(endpoints, tokens, null);
    }

    /**
     * Clients whose every call gives up after {@code timeout} (connecting, and waiting for the answer) with a
     * {@link org.springframework.web.client.ResourceAccessException}: for callers that must survive a service that
     * stopped answering without dying (a paused process), such as the chaos run. The others wait as long as the
     * service takes.
     */
    public static SuiteClients of(SuiteEndpoints endpoints, AccessTokens tokens, Duration timeout) {
        return new SuiteClients(endpoints, tokens, timeout);
    }

    /** Where these clients call. */
    public SuiteEndpoints endpoints() {
        return endpoints;
    }

    private RestClient restClient(RestClient.Builder builder, ClientHttpRequestInterceptor bearer) {
        builder.requestInterceptor(bearer);
        if (timeout != null) {
            JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                    HttpClient.newBuilder().connectTimeout(timeout).build());
            factory.setReadTimeout(timeout);
            builder.requestFactory(factory);
        }
        return builder.build();
    }

    /** accounts-service's API as the BFF calls it for {@code customerId}. */
    public AccountsApi accounts(String customerId) {
        return accountsByCustomer.computeIfAbsent(customerId, customer -> new AccountsApi(
                new org.banksuite.api.accounts.client.invoker.ApiClient(
                        restClient(org.banksuite.api.accounts.client.invoker.ApiClient.buildRestClientBuilder(),
                                AccessTokens.bearer(tokens.customer(customer))))
                        .setBasePath(endpoints.accountsUrl())));
    }

    /** transfers-service's API as the BFF calls it for {@code customerId}. */
    public TransfersApi transfers(String customerId) {
        return transfersByCustomer.computeIfAbsent(customerId, customer -> new TransfersApi(
                new org.banksuite.api.transfers.client.invoker.ApiClient(
                        restClient(org.banksuite.api.transfers.client.invoker.ApiClient.buildRestClientBuilder(),
                                AccessTokens.bearer(tokens.customer(customer))))
                        .setBasePath(endpoints.transfersUrl())));
    }

    /**
     * accounts-service's API without a customer's token: answered only by a suite that does not check tokens. Use
     * {@link #accounts(String)}.
     */
    public AccountsApi accounts() {
        return new AccountsApi(new org.banksuite.api.accounts.client.invoker.ApiClient()
                .setBasePath(endpoints.accountsUrl()));
    }

    /**
     * transfers-service's API without a customer's token: answered only by a suite that does not check tokens. Use
     * {@link #transfers(String)}.
     */
    public TransfersApi transfers() {
        return new TransfersApi(new org.banksuite.api.transfers.client.invoker.ApiClient()
                .setBasePath(endpoints.transfersUrl()));
    }

    /** The simulator's admin API, as the operator ({@code admin}). */
    public SimulatorAdminApi core() {
        return core;
    }

    /** The adapter's posting-entry sync on demand, as support staff ({@code support}). */
    public PostingEntrySyncApi entrySync() {
        return entrySync;
    }

    /** The tokens these clients send, for other calls of the same identities. */
    public AccessTokens tokens() {
        return tokens;
    }
}
