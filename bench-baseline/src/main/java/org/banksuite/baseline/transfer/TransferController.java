package org.banksuite.baseline.transfer;

import java.math.BigDecimal;
import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /transfers} {debtor, creditor, amount}: 201 once booked and published. */
@RestController
class TransferController {

    private final TransferBooking booking;

    TransferController(TransferBooking booking) {
        this.booking = booking;
    }

    record TransferRequest(String debtor, String creditor, BigDecimal amount) {
    }

    @PostMapping("/transfers")
    ResponseEntity<TransferBooked> transfer(@RequestBody TransferRequest request) {
        TransferBooked booked = booking.transfer(request.debtor(), request.creditor(), request.amount());
        return ResponseEntity.created(URI.create("/transfers/" + booked.transferId())).body(booked);
    }
}
