package org.banksuite.issuer.config;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.banksuite.issuer.clients.ClientSecrets;
import org.banksuite.issuer.clients.IdentityClaims;
import org.banksuite.issuer.clients.SuiteIdentities;
import org.banksuite.issuer.clients.SuiteIdentity;
import org.banksuite.issuer.keys.SigningKey;
import org.banksuite.issuer.state.StateDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What Spring Authorization Server issues with: the six clients (secrets from the state directory, kept
 * {@code {bcrypt}}-encoded in memory), the RS256 key from the state directory, the fixed issuer URI, the identity
 * claims, and no authorization store.
 */
@Configuration(proxyBeanMethods = false)
class IssuerConfiguration {

    @Bean
    StateDirectory stateDirectory(IssuerProperties properties) {
        return StateDirectory.at(properties.stateDir());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(StateDirectory state, IssuerProperties properties,
                                                          PasswordEncoder passwordEncoder) {
        Map<String, String> secrets = ClientSecrets.loadOrCreate(state, SuiteIdentities.ALL);
        List<RegisteredClient> clients = SuiteIdentities.ALL.stream()
                .map(identity -> registered(identity, passwordEncoder.encode(secrets.get(identity.clientId())),
                        properties))
                .toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(StateDirectory state) {
        RSAKey key = SigningKey.loadOrCreate(state);
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IssuerProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.uri().toString()).build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> identityClaims() {
        return new IdentityClaims();
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new NoStoredAuthorizations();
    }

    private static RegisteredClient registered(SuiteIdentity identity, String encodedSecret,
                                               IssuerProperties properties) {
        return RegisteredClient.withId(identity.clientId())
                .clientId(identity.clientId())
                .clientSecret(encodedSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(properties.accessTokenLifetime())
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                        .build())
                .build();
    }
}
