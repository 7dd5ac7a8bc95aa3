package org.banksuite.launcher.demo;

import org.banksuite.api.accounts.client.AccountsApi;
import org.banksuite.api.adapter.client.PostingEntrySyncApi;
import org.banksuite.api.core.client.SimulatorAdminApi;
import org.banksuite.api.transfers.client.TransfersApi;

/** The generated clients of the APIs the scenario calls, as a BFF and support staff call them. */
public record SuiteClients(AccountsApi accounts, TransfersApi transfers, SimulatorAdminApi core,
                           PostingEntrySyncApi entrySync) {

    public static SuiteClients of(SuiteEndpoints endpoints) {
        return new SuiteClients(
                new AccountsApi(new org.banksuite.api.accounts.client.invoker.ApiClient()
                        .setBasePath(endpoints.accountsUrl())),
                new TransfersApi(new org.banksuite.api.transfers.client.invoker.ApiClient()
                        .setBasePath(endpoints.transfersUrl())),
                new SimulatorAdminApi(new org.banksuite.api.core.client.invoker.ApiClient()
                        .setBasePath(endpoints.simulatorUrl())),
                new PostingEntrySyncApi(new org.banksuite.api.adapter.client.invoker.ApiClient()
                        .setBasePath(endpoints.adapterUrl())));
    }
}
