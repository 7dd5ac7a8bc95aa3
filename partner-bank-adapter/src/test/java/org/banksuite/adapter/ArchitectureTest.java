package org.banksuite.adapter;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.banksuite.adapter", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FRAMEWORKS = {"org.springframework..", "org.apache.kafka..", "jakarta.persistence..",
            "tools.jackson..", "com.fasterxml.jackson..", "org.axonframework.spring..", "java.sql..",
            "com.github.kagkarlsson.."};

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.banksuite.events..", "org.banksuite.api..",
                    "org.banksuite.adapter.api..", "org.banksuite.kit..")
            .because("the domain speaks only the language of core accounts and payments; Axon's modelling "
                    + "annotations are the one exception");

    @ArchTest
    static final ArchRule sagasAndThePortAreFreeOfFrameworks = noClasses()
            .that().resideInAnyPackage("..saga..", "org.banksuite.adapter.core")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.banksuite.events..", "org.banksuite.api..",
                    "org.banksuite.adapter.api..", "org.banksuite.adapter.core.http..")
            .because("sagas drive the core through the CoreGateway port, commands and deadlines only");

    @ArchTest
    static final ArchRule theProxysClientStaysInTheHttpAdapter = noClasses()
            .that().resideOutsideOfPackages("org.banksuite.adapter.core.http..", "org.banksuite.adapter.config..")
            .should().dependOnClassesThat().resideInAPackage("org.banksuite.api.proxy..")
            .because("the generated proxy client is an outbound detail behind CoreGateway");

    @ArchTest
    static final ArchRule generatedApiTypesStayInTheWebLayer = noClasses()
            .that().resideOutsideOfPackages("..web..", "org.banksuite.adapter.api..")
            .should().dependOnClassesThat().resideInAPackage("org.banksuite.adapter.api..")
            .because("generated API types never pass the controller");

    @ArchTest
    static final ArchRule integrationEventsStayAtTheMessagingEdge = noClasses()
            .that().resideOutsideOfPackages("..messaging..")
            .should().dependOnClassesThat().resideInAPackage("org.banksuite.events..")
            .because("integration contracts are mapped to commands and from events only in messaging");
}
