package org.banksuite.transfers;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.banksuite.transfers", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "jakarta.persistence..", "tools.jackson..",
                    "com.fasterxml.jackson..", "org.axonframework.spring..", "org.banksuite.events..",
                    "org.banksuite.transfers.api..", "org.banksuite.kit..", "java.sql..")
            .because("the domain speaks only the language of transfers; Axon's modelling annotations are the one exception");

    @ArchTest
    static final ArchRule sagaIsFreeOfSpring = noClasses()
            .that().resideInAPackage("..saga..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "org.banksuite.events..", "org.banksuite.transfers.api..")
            .because("the saga coordinates the domain through commands and deadlines only");

    @ArchTest
    static final ArchRule generatedApiTypesStayInTheWebLayer = noClasses()
            .that().resideOutsideOfPackages("..web..", "org.banksuite.transfers.api..")
            .should().dependOnClassesThat().resideInAPackage("org.banksuite.transfers.api..")
            .because("generated API types never pass the controller");

    @ArchTest
    static final ArchRule integrationEventsStayAtTheEdges = noClasses()
            .that().resideInAnyPackage("..domain..", "..saga..", "..web..", "org.banksuite.transfers.transfer.query..")
            .should().dependOnClassesThat().resideInAPackage("org.banksuite.events..")
            .because("integration contracts are mapped at the messaging edge and in the account replica");
}
