package org.banksuite.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * The suite's token check (RFC 9068's profile of a JWT access token, RFC 8725's best practices): signed with RS256
 * by a key of the issuer's JWK set (so {@code alg: none} and other algorithms are refused), {@code iss} equal to the
 * configured issuer, an {@code aud} naming this service, {@code exp} present and not past, {@code nbf}/{@code iat}
 * not in the future, within the given clock skew, and a non-blank {@code sub}.
 */
final class SuiteJwtDecoders {

    private SuiteJwtDecoders() {
    }

    /**
     * @param issuer    the expected {@code iss}, e.g. {@code http://localhost:8086}; never blank
     * @param jwkSetUri where the issuer's public keys are; blank to discover them from the issuer's metadata on the
     *                  first token (so a service starts before its issuer)
     * @param audiences the audiences of this service; a token must name at least one
     * @param clockSkew tolerance for {@code exp}, {@code nbf} and {@code iat}
     * @throws IllegalArgumentException if the issuer or the audiences are missing
     */
    static JwtDecoder create(String issuer, String jwkSetUri, Collection<String> audiences, Duration clockSkew) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException(
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri must name the token issuer");
        }
        List<String> expected = audiences.stream().filter(audience -> !audience.isBlank()).toList();
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("spring.security.oauth2.resourceserver.jwt.audiences must not be empty");
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(clockSkew),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(expected::contains)),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank())));
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            return new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer);
                decoder.setJwtValidator(validator);
                return decoder;
            });
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(validator);
        return decoder;
    }
}
