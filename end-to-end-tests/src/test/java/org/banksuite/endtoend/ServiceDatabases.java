package org.banksuite.endtoend;

import org.banksuite.testsupport.TestDatabase;
import org.banksuite.testsupport.TestInfrastructure;

/** One fresh database per service, as in the local stack. */
record ServiceDatabases(TestDatabase accounts, TestDatabase transfers, TestDatabase simulator, TestDatabase proxy,
                        TestDatabase adapter, TestDatabase reconciliation) {

    static ServiceDatabases create(TestInfrastructure infrastructure, String run) {
        return new ServiceDatabases(infrastructure.newDatabase(run + "-accounts"),
                infrastructure.newDatabase(run + "-transfers"), infrastructure.newDatabase(run + "-simulator"),
                infrastructure.newDatabase(run + "-proxy"), infrastructure.newDatabase(run + "-adapter"),
                infrastructure.newDatabase(run + "-reconciliation"));
    }
}
