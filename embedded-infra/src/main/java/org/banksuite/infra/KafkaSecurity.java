package org.banksuite.infra;

import java.util.List;

/**
 * How a {@link KafkaBroker} authenticates and authorizes: SASL/SCRAM-SHA-512 on its client (and inter-broker)
 * listener, Kafka's {@code StandardAuthorizer} with {@code allow.everyone.if.no.acl.found=false}, so a principal
 * may do only what an ACL allows. The broker's own identity and the administrator are super users; both SCRAM
 * credentials are written into the log directory when it is formatted, so they exist before the broker starts.
 *
 * <p>The KRaft controller listener cannot use SCRAM (its credentials live in the metadata the controller serves), so
 * it uses SASL/PLAIN with a one-user JAAS list: the broker's own identity, on 127.0.0.1. No client but the node
 * itself ever talks to it.
 *
 * @param broker the node's own identity (inter-broker and controller connections)
 * @param admin  the administrator who creates users, topics and ACLs
 */
public record KafkaSecurity(KafkaCredentials broker, KafkaCredentials admin) {

    public KafkaSecurity {
        if (broker.user().equals(admin.user())) {
            throw new IllegalArgumentException("the broker's identity and the administrator must differ");
        }
    }

    /** The super users: the broker's identity and the administrator, in {@code super.users} syntax. */
    public String superUsers() {
        return String.join(";", List.of(broker.principal(), admin.principal()));
    }
}
