package org.banksuite.endtoend;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.accounts.client.model.RecordType;
import org.banksuite.api.transfers.client.model.TransferStatus;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.Receivers;
import org.banksuite.events.Topics;
import org.banksuite.events.partnerbank.v1.CoreRecordTypeChanged;
import org.banksuite.launcher.demo.AccountSteps;
import org.banksuite.launcher.demo.Amounts;
import org.banksuite.launcher.demo.CoreSteps;
import org.banksuite.launcher.demo.DemoAccount;
import org.banksuite.launcher.demo.SuiteClients;
import org.banksuite.launcher.demo.TransferSteps;
import org.banksuite.testsupport.KafkaTestProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support console in a real headless Chromium against the running suite: a support lead signs in at the issuer's
 * login page, finds a poisoned letter in accounts-service by filtering, fixes its cause, retries it and sees it gone
 * and its effect (the record type, the balance held behind it); evicts another with a reason (a blank one refused
 * first); a support agent sees no lead-only button and a payment text masked. The poison is what the core would say
 * for a change nobody asked for ({@code CoreRecordTypeChanged}), delivered to accounts-service on its reconstitution
 * topic as a support replay would deliver it: partner-bank.events keeps only what the adapter stored, which the
 * suite's invariants check. Last, the lead signs in again, reconstitutes one account's events for transfers-service
 * (dry run, then the real run watched to its end) and finds the job in the audit, and opens the story of a transfer
 * between two of the accounts.
 */
@ExtendWith(TheSuite.class)
@Isolated
class SupportConsoleIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static ConsoleBrowser browser;

    @BeforeAll
    static void openBrowser(RunningSuite suite) {
        browser = new ConsoleBrowser(suite.consoleUrl());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aSupportLeadRetriesAFixedLetterAndEvictsAnotherWhileAnAgentSeesNoLeadButtons(RunningSuite suite) {
        SuiteClients clients = suite.clients();
        AccountSteps accounts = new AccountSteps(clients, PATIENCE);
        CoreSteps core = new CoreSteps(clients);
        // three accounts opened at once (each through the core), each then poisoned
        UUID fixableId = accounts.open("console-" + UUID.randomUUID(), Currency.DKK, RecordType.PERSONAL);
        UUID hopelessId = accounts.open("console-" + UUID.randomUUID(), Currency.DKK, RecordType.PERSONAL);
        UUID watchedId = accounts.open("console-" + UUID.randomUUID(), Currency.DKK, RecordType.PERSONAL);
        DemoAccount fixable = accounts.awaitActive("Petra", fixableId);
        DemoAccount hopeless = accounts.awaitActive("Otto", hopelessId);
        DemoAccount watched = accounts.awaitActive("Agnes", watchedId);
        String fixableLetter = fixableId.toString();
        String hopelessLetter = hopelessId.toString();
        String watchedLetter = watchedId.toString();
        coreSaysBusiness(suite, fixableLetter);
        coreSaysBusiness(suite, hopelessLetter);
        coreSaysBusiness(suite, watchedLetter);
        // a real salary at the core: its booking waits behind the poisoned letter of the same account
        core.injectIncomingPayment(fixable, Amounts.of("25.00"), "salary");
        core.requestEntrySync(fixable);
        // and one behind the agent's letter, whose payment text is personal data: masked for an agent
        core.injectIncomingPayment(watched, Amounts.of("10.00"), "rent from the tenant");
        core.requestEntrySync(watched);

        browser.signIn("support.lead", password(suite, "support.lead"));
        assertThat(browser.text(By.id("signed-in-as"))).isEqualTo("support.lead");
        assertThat(browser.text(By.tagName("header"))).contains("support-lead");

        browser.awaitLetter(fixableLetter);
        assertThat(browser.rows(fixableLetter).getFirst().getText()).contains("accounts-service", "inbound",
                "partner-bank.CoreRecordTypeChanged.v1", "the core confirmed BUSINESS");
        assertThat(browser.present(By.cssSelector("button.retry-all"))).isTrue();
        browser.screenshot("dead-letters");
        browser.openLetter(fixableLetter);
        assertThat(browser.text(By.cssSelector(".letter .cause"))).contains("the core confirmed BUSINESS");
        assertThat(browser.text(By.cssSelector(".letter .payload"))).contains("BUSINESS", fixableLetter);
        assertThat(browser.present(By.id("evict"))).isTrue();
        browser.screenshot("dead-letter-detail");

        accounts.requestRecordTypeChange(fixable, RecordType.BUSINESS);
        // the core's own confirmation of the change queues behind the letter as well (its account's events stay in
        // order): retry once it is there, or it may arrive during the retry and wait for the next one
        browser.awaitLetters(fixableLetter, 3);
        browser.openLetter(fixableLetter);
        String retried = browser.click(By.id("retry"));

        assertThat(retried).contains("Retried " + fixableLetter, "PROCESSED", "0 letter(s) remaining");
        browser.awaitNoLetter(fixableLetter);
        assertThat(accounts.awaitRecordType(fixable, RecordType.BUSINESS).getRecordType())
                .isEqualTo(RecordType.BUSINESS);
        accounts.awaitBookedBalance(fixable, Amounts.of("25.00"));

        browser.awaitLetter(hopelessLetter);
        browser.openLetter(hopelessLetter);
        browser.type(By.id("eviction-reason"), "   ");
        assertThat(browser.click(By.id("evict"))).isEqualTo("A reason is required to evict; nothing was evicted.");
        browser.type(By.id("eviction-reason"), "the core never changed this account; nobody asked for BUSINESS");
        String evicted = browser.click(By.id("evict"));
        assertThat(evicted).contains("Evicted " + hopelessLetter, "1 letter(s) dropped");
        browser.awaitNoLetter(hopelessLetter);
        assertThat(accounts.read(hopeless).getRecordType()).isEqualTo(RecordType.PERSONAL);

        browser.signOut();
        browser.signIn("support.agent", password(suite, "support.agent"));
        assertThat(browser.text(By.tagName("header"))).contains("support.agent").doesNotContain("support-lead");
        browser.awaitLetters(watchedLetter, 2);
        assertThat(browser.present(By.cssSelector("button.retry-all"))).isFalse();
        browser.openLetter(watchedLetter);
        assertThat(browser.present(By.id("retry"))).isTrue();
        assertThat(browser.present(By.id("evict"))).isFalse();
        assertThat(browser.present(By.id("eviction-reason"))).isFalse();
        assertThat(browser.texts(By.cssSelector(".letter .payload")))
                .anySatisfy(payload -> assertThat(payload).contains("\"text\" : \"***\"", "10.00"))
                .noneSatisfy(payload -> assertThat(payload).contains("rent from the tenant"));

        // leave the suite as found for the classes after this one: the agent's letter, fixed and retried
        accounts.requestRecordTypeChange(watched, RecordType.BUSINESS);
        browser.awaitLetters(watchedLetter, 3);
        browser.openLetter(watchedLetter);
        assertThat(browser.click(By.id("retry"))).contains("PROCESSED", "0 letter(s) remaining");
        browser.awaitNoLetter(watchedLetter);
        accounts.awaitBookedBalance(watched, Amounts.of("10.00"));
        browser.signOut();

        // last, so that the letters above are retried with the timing they always had
        browser.signIn("support.lead", password(suite, "support.lead"));
        reconstituteOneAccountForTransfers(fixableLetter);
        openATransfersStory(suite, fixable, watched);
        browser.signOut();
    }

    /**
     * As the support lead: a transfer between two of the accounts above, once booked, shows on its story page with
     * its events from transfers-service, the adapter and its accounts on one time line (each with a trace id), and
     * the adapter's payment to the core.
     */
    private static void openATransfersStory(RunningSuite suite, DemoAccount debtor, DemoAccount creditor) {
        long started = System.nanoTime();
        TransferSteps transfers = new TransferSteps(suite.clients(), PATIENCE);
        UUID transferId = transfers.request(debtor, TransferSteps.toAccount(creditor), new BigDecimal("5.00"),
                "story of a transfer");
        assertThat(transfers.awaitFinal(transferId).getStatus()).isEqualTo(TransferStatus.BOOKED);

        browser.awaitStoryEvent(transferId.toString(), "transfers.TransferBooked.v1");
        List<String> types = browser.texts(By.cssSelector("tr.story-event td.type"));
        assertThat(types.getFirst()).isEqualTo("transfers.TransferRequested.v1");
        assertThat(types).contains("accounts.FundsReserved.v1", "partner-bank.CorePaymentAccepted.v1",
                "accounts.PostingBooked.v1", "transfers.TransferBooked.v1");
        assertThat(browser.text(By.cssSelector("tr.story-event[data-type='transfers.TransferRequested.v1'] td.trace")))
                .matches("[0-9a-f]{32}");
        assertThat(browser.text(By.id("story-core-operations"))).contains("SUBMIT_PAYMENT", "COMPLETED");
        browser.screenshot("entity-story");
        System.out.printf("SupportConsoleIT: a transfer's story in the browser took %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * As the support lead: a dry run of one account's events for transfers-service shows its count and sample; run
     * for real from its page, the job is watched to COMPLETED (the page polls; no reload by the test) having
     * published what the dry run counted; the audit page lists the job with the lead's name and reason.
     */
    private static void reconstituteOneAccountForTransfers(String accountId) {
        long started = System.nanoTime();
        browser.open("/reconstitution");
        browser.choose(By.id("job-receiver"), Receivers.TRANSFERS_SERVICE);
        browser.choose(By.id("job-producer"), "accounts-service:accounts/account");
        browser.type(By.id("job-entity-ids"), accountId);
        browser.type(By.id("job-reason"), "transfers-service lost this account's events");
        assertThat(browser.click(By.id("dry-run"))).isEqualTo("Dry run accepted by accounts-service.");
        browser.awaitPresent(By.id("run-for-real"));
        String matched = browser.text(By.id("job-matched"));
        assertThat(Long.parseLong(matched)).isPositive();
        assertThat(browser.text(By.id("sample"))).contains("accounts.AccountOpened.v1", accountId);
        browser.screenshot("reconstitution-dry-run");

        browser.type(By.id("run-reason"), "replay the account to transfers-service after the dry run");
        assertThat(browser.click(By.id("run-for-real"))).contains("Job accepted by accounts-service");
        String jobId = browser.text(By.id("job-id"));
        browser.awaitText(By.id("job-status"), "COMPLETED");
        assertThat(browser.text(By.id("job-published"))).isEqualTo(matched);

        browser.open("/reconstitution");
        assertThat(browser.text(By.cssSelector("tr.job[data-job='" + jobId + "']"))).contains("COMPLETED", "run",
                "transfers-service", "accounts/account", "support.lead");
        browser.screenshot("reconstitution");

        browser.open("/audit?action=RECONSTITUTION_JOB_CREATED&entity=" + jobId);
        assertThat(browser.text(By.cssSelector("tr.audit-entry[data-job='" + jobId + "']"))).contains("support.lead",
                "replay the account to transfers-service after the dry run");
        System.out.printf("SupportConsoleIT: reconstitution and audit in the browser took %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * What the adapter publishes when the core changed an account's record type, here for a change nobody asked, on
     * {@code reconstitution.accounts-service}: accounts-service's inbound consumer reads it like partner-bank.events.
     */
    private static void coreSaysBusiness(RunningSuite suite, String accountId) {
        try (KafkaTestProducer producer = new KafkaTestProducer(suite.kafkaBootstrapServers(), suite.kafkaSettings(RunningSuite.ADAPTER))) {
            String replays = suite.endpoints().topic(Topics.reconstitution(Receivers.ACCOUNTS_SERVICE));
            CoreRecordTypeChanged unasked = new CoreRecordTypeChanged(accountId, "BUSINESS", Instant.now());
            producer.send(CloudEventsKafka.toRecord(replays, EventEnvelope.of(UUID.randomUUID().toString(),
                    "/partner-bank-adapter", Instant.now(), 0, unasked)));
        }
    }

    /** A person's password as they read it: {@code persons.properties} in the issuer's state directory. */
    private static String password(RunningSuite suite, String username) {
        Properties passwords = new Properties();
        try (Reader file = Files.newBufferedReader(suite.issuerState().resolve("persons.properties"))) {
            passwords.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return passwords.getProperty(username);
    }
}
