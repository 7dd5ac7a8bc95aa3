package org.banksuite.endtoend;

import org.banksuite.testsupport.TestDatabase;

/** Each service's database in the running suite, reached as the service's own login role. */
record ServiceDatabases(TestDatabase accounts, TestDatabase transfers, TestDatabase simulator, TestDatabase proxy,
                        TestDatabase adapter, TestDatabase reconciliation) {
}
