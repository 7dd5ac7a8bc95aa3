package org.banksuite.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The local stack's OAuth 2.1 / OpenID Connect issuer: the suite's client identities and their access tokens. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IssuerApplication.class, args);
    }
}
