package org.banksuite.baseline.account;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /accounts/seed} creates N funded accounts; {@code GET /accounts/{id}} reads one balance. */
@RestController
class AccountController {

    private final AccountSeeding seeding;

    AccountController(AccountSeeding seeding) {
        this.seeding = seeding;
    }

    record SeedRequest(int count, BigDecimal balance) {
    }

    record SeedResponse(List<String> accounts) {
    }

    record Balance(String id, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balance) {
    }

    @PostMapping("/accounts/seed")
    ResponseEntity<SeedResponse> seed(@RequestBody SeedRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new SeedResponse(seeding.seed(request.count(), request.balance())));
    }

    @GetMapping("/accounts/{id}")
    ResponseEntity<Balance> balance(@PathVariable String id) {
        BigDecimal balance = seeding.balanceOf(id);
        if (balance == null) {
            throw new UnknownAccountException(id);
        }
        return ResponseEntity.ok(new Balance(id, balance));
    }
}
