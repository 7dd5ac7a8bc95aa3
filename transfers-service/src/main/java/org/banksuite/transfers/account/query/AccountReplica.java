package org.banksuite.transfers.account.query;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the account replica. It follows accounts-service's events, so a just-opened account may lag a moment. */
@Component
public class AccountReplica {

    private final JdbcTemplate jdbc;

    public AccountReplica(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account, once its opening has been seen; empty for an account this service does not know (yet). */
    public Optional<ReplicaAccount> find(String accountId) {
        return jdbc.query("select account_id, customer_id, currency, status from account_replica where account_id = ?"
                                + " and currency is not null",
                        (rs, row) -> new ReplicaAccount(rs.getString("account_id"), rs.getString("customer_id"),
                                rs.getString("currency"), rs.getString("status")),
                        accountId)
                .stream().findFirst();
    }

    /**
     * The account if {@code customerId} owns it; empty for another customer's account exactly as for one not known
     * (yet), so that a caller learns nothing of accounts that are not theirs (service-security's README: another
     * customer's object answers as an unknown one).
     */
    public Optional<ReplicaAccount> findOwned(String accountId, String customerId) {
        return find(accountId).filter(account -> customerId.equals(account.customerId()));
    }

    /**
     * The suite account the core knows under this number, once its activation has been seen; empty for an account
     * of another bank, or of this bank that is not (yet) known here. The number is compared as the core compares it,
     * digit for digit.
     */
    public Optional<String> accountIdByCoreNumber(String registrationNumber, String accountNumber) {
        return jdbc.queryForList("select account_id from account_replica where registration_number = ?"
                        + " and account_number = ? order by account_id", String.class, registrationNumber, accountNumber)
                .stream().findFirst();
    }
}
