package org.banksuite.simulator;

import org.banksuite.testsupport.JsonHttp;
import org.banksuite.testsupport.TestIssuer;

import java.util.UUID;
import org.banksuite.api.core.client.CoreApi;
import org.banksuite.api.core.client.SimulatorAdminApi;
import org.banksuite.api.core.client.invoker.ApiClient;
import org.banksuite.api.core.client.model.AccountRef;
import org.banksuite.api.core.client.model.CoreAccount;
import org.banksuite.api.core.client.model.CoreEntryPage;
import org.banksuite.api.core.client.model.CorePayment;
import org.banksuite.api.core.client.model.CorePaymentRequest;
import org.banksuite.api.core.client.model.CreateCoreAccountRequest;
import org.banksuite.api.core.client.model.FaultSettings;
import org.banksuite.api.core.client.model.IncomingPayment;
import org.banksuite.api.core.client.model.Money;
import org.banksuite.api.core.client.model.QuotaSettings;
import org.banksuite.api.core.client.model.QuotaState;
import org.banksuite.api.core.client.model.QuotaWindow;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.HttpClientErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator through the client generated from partner-core-v1.yaml: the answers fit the spec. */
class SpecConformanceIT extends SimulatorIT {

    @Test
    void everyOperationAnswersInTheSpecsShapes() {
        CoreApi core = new CoreApi(client(issuer.service("partner-bank-proxy")));
        SimulatorAdminApi admin = new SimulatorAdminApi(client(issuer.admin()));

        CoreAccount debtor = core.createCoreAccount(new CreateCoreAccountRequest()
                .externalId(UUID.randomUUID().toString()).recordType("PERSONAL").currency("DKK"));
        CoreAccount creditor = core.createCoreAccount(new CreateCoreAccountRequest()
                .externalId(UUID.randomUUID().toString()).recordType("PERSONAL").currency("DKK"));
        assertThat(debtor.getStatus()).isEqualTo(CoreAccount.StatusEnum.OPEN);

        admin.injectIncomingPayment(new IncomingPayment().registrationNumber("1234")
                .accountNumber(debtor.getAccountNumber()).amount(new Money().amount("200.00").currency("DKK")).text("in"));
        String key = "t-" + UUID.randomUUID();
        CorePayment payment = core.submitCorePayment(key, new CorePaymentRequest()
                .debtor(new AccountRef().registrationNumber("1234").accountNumber(debtor.getAccountNumber()))
                .creditor(new AccountRef().registrationNumber("1234").accountNumber(creditor.getAccountNumber()))
                .amount(new Money().amount("75.25").currency("DKK")).text("rent"));

        assertThat(payment.getStatus()).isEqualTo(CorePayment.StatusEnum.ACCEPTED);
        assertThat(payment.getDirection()).isEqualTo(CorePayment.DirectionEnum.INTERNAL);
        assertThat(core.getCorePayment(key).getPaymentId()).isEqualTo(payment.getPaymentId());
        assertThat(core.getCoreBalance("1234", debtor.getAccountNumber()).getBalance().getAmount()).isEqualTo("124.75");
        CoreEntryPage entries = core.listCoreEntries("1234", creditor.getAccountNumber(), null, 10);
        assertThat(entries.getEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.getAmount().getAmount()).isEqualTo("75.25");
            assertThat(entry.getPaymentKey()).isEqualTo(key);
            assertThat(entry.getBookedAt()).isNotNull();
        });
        assertThat(core.listCoreEntries("1234", creditor.getAccountNumber(), entries.getNextCursor(), 10).getEntries())
                .isEmpty();
        assertThat(core.changeCoreRecordType("1234", creditor.getAccountNumber(),
                new org.banksuite.api.core.client.model.RecordTypeChange().recordType("BUSINESS")).getRecordType())
                .isEqualTo("BUSINESS");
        assertThat(admin.getSimulatedAccount("1234", creditor.getAccountNumber()).getBalance().getAmount())
                .isEqualTo("75.25");
        assertThatThrownBy(() -> core.closeCoreAccount("1234", creditor.getAccountNumber()))
                .isInstanceOf(HttpClientErrorException.Conflict.class);

        QuotaState quota = admin.setQuota(new QuotaSettings().limit(1000L).window(QuotaWindow.HOUR));
        assertThat(quota.getWindow()).isEqualTo(QuotaWindow.HOUR);
        assertThat(admin.getQuota().getUsed()).isZero();
        assertThat(admin.setFaults(new FaultSettings().latencyMillis(5L)).getErrorRate()).isZero();
        admin.clearFaults();
        assertThat(admin.getFaults().getLatencyMillis()).isZero();
    }

    private ApiClient client(String token) {
        return new ApiClient(ApiClient.buildRestClientBuilder().requestInterceptor(TestIssuer.bearer(token)).build())
                .setBasePath("http://localhost:" + port);
    }
}
