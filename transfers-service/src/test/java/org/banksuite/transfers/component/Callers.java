package org.banksuite.transfers.component;

import java.util.function.Supplier;
import org.banksuite.api.transfers.client.TransfersApi;
import org.banksuite.api.transfers.client.invoker.ApiClient;
import org.banksuite.testsupport.TestIssuer;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * The generated clients as one caller: every request carries a token minted for it, so that a client kept for a
 * whole test class never sends an expired one (the issuer's tokens live five minutes).
 */
final class Callers {

    private Callers() {
    }

    static ClientHttpRequestInterceptor freshBearer(Supplier<String> token) {
        return (request, body, execution) -> {
            request.getHeaders().setBearerAuth(token.get());
            return execution.execute(request, body);
        };
    }

    /** The transfers API at {@code baseUrl} as the BFF acting for {@code customerId}. */
    static TransfersApi transfersAs(String baseUrl, String customerId) {
        return new TransfersApi(new ApiClient(ApiClient.buildRestClientBuilder()
                .requestInterceptor(freshBearer(() -> TestIssuer.get().customer(customerId))).build())
                .setBasePath(baseUrl));
    }
}
