package org.banksuite.kit.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.banksuite.testsupport.TestDatabase;
import org.banksuite.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link IdempotentRequests} on a real {@code idempotency_record} table. The "resources" are a map standing in for the
 * service's event store: the work stores its resource there, and a crash is a claim left as the dead process left it.
 */
class IdempotentRequestsIT {

    record Order(String item) {
    }

    record Accepted(String id, String state) {
    }

    private static JdbcTemplate jdbc;

    private final Map<String, String> stored = new ConcurrentHashMap<>();
    private final AtomicInteger workRuns = new AtomicInteger();
    private IdempotentRequests requests;
    private String key;

    @BeforeAll
    static void createTable() throws Exception {
        TestDatabase db = TestInfrastructure.get().newDatabase("kit-idempotency");
        jdbc = new JdbcTemplate(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()));
        try (var sql = IdempotentRequestsIT.class.getResourceAsStream("/db/kit/V0_2__idempotency.sql")) {
            jdbc.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @BeforeEach
    void freshKey() {
        requests = new IdempotentRequests(new IdempotencyStore(jdbc), JsonMapper.builder().build(), stored::containsKey);
        key = "key-" + System.nanoTime();
    }

    /** The work as a service writes it: checks against today's world, then stores the resource. */
    private Function<String, Accepted> work(boolean worldAllowsIt) {
        return id -> {
            workRuns.incrementAndGet();
            if (!worldAllowsIt) {
                throw new IllegalArgumentException("refused by today's checks");
            }
            stored.put(id, "NEW");
            return new Accepted(id, "NEW");
        };
    }

    private Accepted current(String id) {
        return new Accepted(id, stored.get(id));
    }

    private Accepted send(Order order, boolean worldAllowsIt) {
        return requests.create("order", key, order, Accepted.class, work(worldAllowsIt), this::current);
    }

    /** The first request claimed the key and stored its resource, then died before recording its answer. */
    private String crashAfterStoring(Order order) {
        String id = "crashed-" + System.nanoTime();
        new IdempotencyStore(jdbc).claim("order", key, RequestFingerprint.of(JsonMapper.builder().build(), order), id);
        stored.put(id, "NEW");
        return id;
    }

    @Test
    void answersTheSameResourceForARepeatedRequest() {
        Accepted first = send(new Order("book"), true);
        Accepted again = send(new Order("book"), true);

        assertThat(again).isEqualTo(first);
        assertThat(workRuns).hasValue(1);
    }

    @Test
    void answersTheStoredResourceWhenTheFirstRequestCrashedBeforeCompletingTheKey() {
        String id = crashAfterStoring(new Order("book"));
        stored.put(id, "MOVED_ON");

        Accepted retry = send(new Order("book"), false);

        assertThat(retry).isEqualTo(new Accepted(id, "MOVED_ON"));
        assertThat(workRuns).as("today's checks are not run again").hasValue(0);
        assertThat(stored).hasSize(1);
    }

    @Test
    void completesTheKeySoThatLaterRetriesGetTheSameAnswer() {
        String id = crashAfterStoring(new Order("book"));
        send(new Order("book"), false);
        stored.put(id, "LATER_STATE");

        Accepted later = send(new Order("book"), true);

        assertThat(later).isEqualTo(new Accepted(id, "NEW"));
        assertThat(workRuns).hasValue(0);
    }

    @Test
    void refusesAnotherBodyWithTheKeyOfACrashedRequestWhoseResourceExists() {
        crashAfterStoring(new Order("book"));

        assertThatThrownBy(() -> send(new Order("lamp"), true)).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(stored).hasSize(1);
    }

    @Test
    void releasesTheKeyOfARefusedRequestThatStoredNothing() {
        assertThatThrownBy(() -> send(new Order("book"), false)).isInstanceOf(IllegalArgumentException.class);

        Accepted corrected = send(new Order("lamp"), true);

        assertThat(corrected.state()).isEqualTo("NEW");
        assertThat(stored).containsOnlyKeys(corrected.id());
    }

    @Test
    void keepsTheKeyOfARefusalWhenTheResourceWasStoredAnyway() {
        Accepted answer = requests.create("order", key, new Order("book"), Accepted.class, id -> {
            stored.put(id, "NEW"); // stored by an attempt that raced this one, then refused here as a duplicate
            throw new IllegalArgumentException("already exists");
        }, this::current);

        assertThat(answer.state()).isEqualTo("NEW");
        assertThatThrownBy(() -> send(new Order("lamp"), true)).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(stored).hasSize(1);
    }

    @Test
    void keepsTheClaimWhenTheWorkFailedWithoutARefusal() {
        assertThatThrownBy(() -> requests.create("order", key, new Order("book"), Accepted.class, id -> {
            throw new IllegalStateException("the database went away");
        }, this::current)).isInstanceOf(IllegalStateException.class);

        assertThatThrownBy(() -> send(new Order("lamp"), true)).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(stored).isEmpty();
    }
}
