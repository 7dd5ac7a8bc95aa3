package org.banksuite.security;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A service with a customer API and a support API behind the suite's door, counting the calls that got through. */
@SpringBootApplication
@Import(ResourceServerConfiguration.class)
class DoorApplication {

    static final AtomicInteger HANDLED = new AtomicInteger();

    @Bean
    AccessRules doorAccess() {
        return paths -> paths
                .requestMatchers("/ops/v1/**").hasRole(Roles.SUPPORT)
                .requestMatchers(HttpMethod.POST, "/v1/things/*/unlock").hasRole(Roles.SUPPORT_LEAD)
                .requestMatchers("/v1/**").hasRole(Roles.CUSTOMER);
    }

    @RestController
    static class Things {

        @GetMapping("/v1/things/{id}")
        String thing(@PathVariable String id) {
            HANDLED.incrementAndGet();
            return "{\"id\": \"" + id + "\", \"caller\": \"" + Caller.current().subject() + "\"}";
        }

        @PostMapping("/v1/things")
        String create(@RequestBody String body) {
            HANDLED.incrementAndGet();
            return "{\"length\": " + body.length() + "}";
        }

        @PostMapping("/v1/things/{id}/unlock")
        String unlock(@PathVariable String id) {
            HANDLED.incrementAndGet();
            return "{}";
        }

        @GetMapping("/ops/v1/letters")
        String letters() {
            HANDLED.incrementAndGet();
            return "{\"roles\": \"" + String.join(",", Caller.current().roles()) + "\"}";
        }
    }
}
