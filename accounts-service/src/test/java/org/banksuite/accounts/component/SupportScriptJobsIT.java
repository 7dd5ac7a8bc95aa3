package org.banksuite.accounts.component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ./support jobs} commands on the running service, with the token given in {@code SUPPORT_TOKEN}: a dry
 * run by a support agent and a real reconstitution job by a support lead of accounts' events to transfers-service,
 * followed to the end; a real job refused to an agent; a refused job; the audit of a job (its actor the token's
 * subject).
 */
class SupportScriptJobsIT extends ComponentTest {

    private static final Pattern JOB_ID = Pattern.compile("job ([0-9a-f-]{36})");
    private static final Pattern SUMMARY =
            Pattern.compile("job [0-9a-f-]{36} COMPLETED: matched (\\d+), published (\\d+)");

    @Test
    void dryRunCountsAndSamplesTheEntitysEventsAndPublishesNothing() throws Exception {
        UUID account = openActive("jobs-1", Currency.DKK);
        UUID other = openActive("jobs-2", Currency.DKK);

        Result dryRun = support(agent(), "jobs", "create", "accounts", "transfers-service", "accounts/account",
                "--reason", "check what a replay of one activation would send", "--entity", account.toString(),
                "--event", "AccountActivated", "--dry-run", "--follow");

        assertThat(dryRun.exit()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("COMPLETED: matched 1, published 0 (dry run)", "sample:");
        String sample = dryRun.output().substring(dryRun.output().indexOf("sample:"));
        assertThat(sample).contains("AccountActivated", account.toString()).doesNotContain(other.toString());
        assertThat(support(agent(), "jobs", "show", "accounts", jobId(dryRun)).output())
                .contains("COMPLETED", "(dry run)", "entities: " + account, "events: AccountActivated");
    }

    @Test
    void realJobPublishesTheEntitysEventsToTheReceiversTopicAndIsAudited() throws Exception {
        UUID account = openActive("jobs-3", Currency.DKK);
        openActive("jobs-4", Currency.DKK);

        Result job = support(lead(), "jobs", "create", "accounts", "transfers-service", "accounts/account",
                "--reason", "transfers lost account " + account, "--entity", account.toString(), "--follow");

        assertThat(job.exit()).as(job.output()).isZero();
        Matcher summary = SUMMARY.matcher(job.output());
        assertThat(summary.find()).as(job.output()).isTrue();
        long matched = Long.parseLong(summary.group(1));
        assertThat(matched).as(job.output()).isPositive();
        assertThat(Long.parseLong(summary.group(2))).as(job.output()).isEqualTo(matched);
        try (TopicReader replayed = new TopicReader(bootstrapServers, topics.reconstitution("transfers-service"))) {
            List<ConsumerRecord<String, byte[]>> records =
                    replayed.await(record -> record.key().equals(account.toString()), (int) matched, PATIENCE);
            assertThat(records).allSatisfy(record ->
                    assertThat(header(record, "ce_reconstitutionjob")).isEqualTo(jobId(job)));
        }

        assertThat(support(agent(), "jobs", "list", "accounts", "completed").output()).contains(jobId(job));
        Result audit = support(agent(), "audit", "accounts", "--job", jobId(job));
        assertThat(audit.exit()).as(audit.output()).isZero();
        assertThat(audit.output()).contains("script-lead", "RECONSTITUTION_JOB_CREATED", "job " + jobId(job),
                "transfers lost account " + account);

        Result late = support(agent(), "jobs", "cancel", "accounts", jobId(job), "too late");
        assertThat(late.exit()).as(late.output()).isNotZero();
        assertThat(late.output()).contains("409", "reconstitution-job-finished");
    }

    @Test
    void refusedJobShowsTheFieldErrorAndFails() throws Exception {
        UUID account = openActive("jobs-5", Currency.DKK);

        Result refused = support(lead(), "jobs", "create", "accounts", "transfers-service", "accounts/account",
                "--reason", "a typo", "--entity", account.toString(), "--event", "AccountActivatedd", "--follow");

        assertThat(refused.exit()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("422", "eventNames: AccountActivatedd is not an event of");
    }

    @Test
    void refusesAJobThatPublishesToASupportAgentAndCreatesNothing() throws Exception {
        UUID account = openActive("jobs-6", Currency.DKK);
        String before = support(agent(), "jobs", "list", "accounts").output();

        Result refused = support(agent(), "jobs", "create", "accounts", "transfers-service", "accounts/account",
                "--reason", "an agent may only count", "--entity", account.toString());
        Result noToken = support("", "jobs", "list", "accounts");

        assertThat(refused.exit()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("403", "forbidden", "support-lead");
        assertThat(noToken.exit()).as(noToken.output()).isNotZero();
        assertThat(support(agent(), "jobs", "list", "accounts").output()).isEqualTo(before);
        assertThat(support(agent(), "audit", "accounts").output()).doesNotContain("an agent may only count");
    }

    private static String jobId(Result result) {
        Matcher id = JOB_ID.matcher(result.output());
        assertThat(id.find()).as(result.output()).isTrue();
        return id.group(1);
    }

    /** Runs {@code ./support} with {@code token} in {@code SUPPORT_TOKEN} ({@code ""}: none, no issuer either). */
    private Result support(String token, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "../support"));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile("support", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("SUITE_ACCOUNTS_PORT", Integer.toString(port));
        builder.environment().put("SUPPORT_TOKEN", token);
        builder.environment().put("SUITE_ISSUER_PORT", "1");
        builder.environment().put("SUPPORT_POLL_SECONDS", "0.2");
        Process process = builder.start();
        try {
            boolean ended = process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            String output = Files.readString(out, StandardCharsets.UTF_8);
            if (!ended) {
                process.destroyForcibly();
                throw new AssertionError("./support " + String.join(" ", arguments) + " did not end:\n" + output);
            }
            return new Result(process.exitValue(), output);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** A fresh token of support agent {@code script-agent} (tokens live five minutes, a test class longer). */
    private static String agent() {
        return TestIssuer.get().token("script-agent", List.of("support"), List.of("accounts-service"));
    }

    /** A fresh token of support lead {@code script-lead}. */
    private static String lead() {
        return TestIssuer.get().token("script-lead", List.of("support", "support-lead"), List.of("accounts-service"));
    }

    private record Result(int exit, String output) {
    }
}
