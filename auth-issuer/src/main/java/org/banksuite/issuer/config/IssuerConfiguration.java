package org.banksuite.issuer.config;

import java.util.ArrayList;
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
import org.banksuite.issuer.persons.SupportPersons;
import org.banksuite.issuer.state.StateDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * What Spring Authorization Server issues with: the six clients and the support console (secrets from the state
 * directory, kept {@code {bcrypt}}-encoded in memory), the support staff who sign in (likewise), the RS256 key from
 * the state directory, the fixed issuer URI, the identity claims, and a store for sign-ins only.
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
        List<RegisteredClient> clients = new ArrayList<>(SuiteIdentities.ALL.stream()
                .map(identity -> registered(identity, passwordEncoder.encode(secrets.get(identity.clientId())),
                        properties))
                .toList());
        String consoleSecret = ClientSecrets.loadOrCreateById(state, List.of(SuiteIdentities.SUPPORT_CONSOLE))
                .get(SuiteIdentities.SUPPORT_CONSOLE);
        clients.add(supportConsole(passwordEncoder.encode(consoleSecret), properties));
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** The support staff who sign in at the login page, from the state directory ({@link SupportPersons}). */
    @Bean
    UserDetailsService supportPersons(StateDirectory state, PasswordEncoder passwordEncoder) {
        return new InMemoryUserDetailsManager(SupportPersons.loadOrCreate(state).stream()
                .map(person -> User.withUsername(person.username())
                        .password(passwordEncoder.encode(person.password()))
                        .authorities(person.roles().toArray(String[]::new))
                        .build())
                .toList());
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
        return new SignInAuthorizations();
    }

    /**
     * The support console: a confidential client ({@code client_secret_basic}) with the authorization-code grant,
     * PKCE required, no consent page (the suite's own application), scope {@code openid}, one redirect URI, and
     * refresh tokens; its access tokens last as long as the services' (5 minutes).
     */
    private static RegisteredClient supportConsole(String encodedSecret, IssuerProperties properties) {
        return RegisteredClient.withId(SuiteIdentities.SUPPORT_CONSOLE)
                .clientId(SuiteIdentities.SUPPORT_CONSOLE)
                .clientSecret(encodedSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(properties.console().redirectUri().toString())
                .postLogoutRedirectUri(properties.console().postLogoutRedirectUri().toString())
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(properties.accessTokenLifetime())
                        .reuseRefreshTokens(false)
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                        .build())
                .build();
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
