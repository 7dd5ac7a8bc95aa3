package org.banksuite.launcher.kafka;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.banksuite.infra.KafkaCredentials;

/**
 * Makes a secured broker match a {@link KafkaAccess} table, as its administrator: a SCRAM user per principal (with
 * the password its {@link KafkaCredentials} hold), every topic of the table (created with the broker's defaults if
 * missing, so no service needs Create), and exactly the table's ACLs for those principals (a grant no longer in the
 * table is deleted). Run at every start: each step is idempotent.
 */
public final class KafkaProvisioning {

    private static final int SCRAM_ITERATIONS = 4096;
    private static final long TIMEOUT_SECONDS = 60;

    private KafkaProvisioning() {
    }

    /**
     * @param adminClientProperties a super user's client settings, {@code bootstrap.servers} included
     * @param access                the principals and what each may do
     * @param credentials           each principal's credentials, by name
     * @throws IllegalStateException if the broker refuses or does not answer within 60 s per step
     */
    public static void apply(Map<String, Object> adminClientProperties, List<PrincipalAccess> access,
                             Function<String, KafkaCredentials> credentials) {
        try (Admin admin = Admin.create(adminClientProperties)) {
            await(admin.alterUserScramCredentials(access.stream()
                    .map(principal -> upsertion(credentials.apply(principal.principal()))).toList()).all());
            Set<String> missing = new HashSet<>();
            access.forEach(principal -> missing.addAll(principal.topics()));
            missing.removeAll(await(admin.listTopics().names()));
            await(admin.createTopics(missing.stream()
                    .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty())).toList()).all());
            List<AclBinding> wanted = access.stream().flatMap(principal -> bindings(principal).stream()).toList();
            Set<String> principals = new HashSet<>(access.stream().map(principal -> "User:" + principal.principal()).toList());
            List<AclBindingFilter> stale = await(admin.describeAcls(AclBindingFilter.ANY).values()).stream()
                    .filter(binding -> principals.contains(binding.entry().principal()))
                    .filter(binding -> !wanted.contains(binding))
                    .map(AclBinding::toFilter).toList();
            if (!stale.isEmpty()) {
                await(admin.deleteAcls(stale).all());
            }
            await(admin.createAcls(wanted).all());
            awaitServedByTheBroker(admin, access, wanted);
        }
    }

    /**
     * The controller acknowledges a change once it is in the metadata log; the broker applies it a moment later. A
     * client let in before that would be refused, so wait until the broker itself reports every user, topic and ACL.
     */
    private static void awaitServedByTheBroker(Admin admin, List<PrincipalAccess> access, List<AclBinding> wanted) {
        Set<String> users = new HashSet<>(access.stream().map(PrincipalAccess::principal).toList());
        Set<String> topics = new HashSet<>();
        access.forEach(principal -> topics.addAll(principal.topics()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!(await(admin.describeUserScramCredentials().all()).keySet().containsAll(users)
                && await(admin.listTopics().names()).containsAll(topics)
                && await(admin.describeAcls(AclBindingFilter.ANY).values()).containsAll(wanted))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Kafka broker did not apply the users, topics and ACLs within "
                        + TIMEOUT_SECONDS + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka's ACLs", e);
            }
        }
    }

    /** The ACLs of one principal: Write per written topic, Read per read topic, Read per group (or group prefix). */
    public static List<AclBinding> bindings(PrincipalAccess access) {
        String principal = "User:" + access.principal();
        List<AclBinding> bindings = new ArrayList<>();
        access.writes().forEach(topic -> bindings.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL,
                AclOperation.WRITE)));
        access.reads().forEach(topic -> bindings.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL,
                AclOperation.READ)));
        access.groups().forEach(group -> bindings.add(allow(principal, ResourceType.GROUP, group, PatternType.LITERAL,
                AclOperation.READ)));
        access.groupPrefixes().forEach(prefix -> bindings.add(allow(principal, ResourceType.GROUP, prefix,
                PatternType.PREFIXED, AclOperation.READ)));
        return bindings;
    }

    private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    private static UserScramCredentialAlteration upsertion(KafkaCredentials credentials) {
        return new UserScramCredentialUpsertion(credentials.user(),
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), credentials.password());
    }

    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the Kafka broker refused or did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up Kafka's users, topics and ACLs", e);
        }
    }
}
