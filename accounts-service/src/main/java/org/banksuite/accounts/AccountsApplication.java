package org.banksuite.accounts;

import org.springframework.boot.SpringApplication;
import org.banksuite.kit.ServiceKitConfiguration;
import org.banksuite.security.ResourceServerConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@Import({ServiceKitConfiguration.class, ResourceServerConfiguration.class})
public class AccountsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccountsApplication.class, args);
    }
}
