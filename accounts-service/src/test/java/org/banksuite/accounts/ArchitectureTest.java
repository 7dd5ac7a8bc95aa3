package org.banksuite.accounts;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.banksuite.accounts", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "jakarta.persistence..", "tools.jackson..",
                    "com.fasterxml.jackson..", "org.axonframework.spring..", "org.banksuite.events..",
                    "org.banksuite.accounts.api..", "java.sql..")
            .because("the domain speaks only the language of accounts; Axon's modelling annotations are the one exception");

    @ArchTest
    static final ArchRule generatedApiTypesStayInTheWebLayer = noClasses()
            .that().resideOutsideOfPackages("..web..", "org.banksuite.accounts.api..")
            .should().dependOnClassesThat().resideInAPackage("org.banksuite.accounts.api..")
            .because("generated API types never pass the controller");

    @ArchTest
    static final ArchRule integrationEventsStayInMessaging = noClasses()
            .that().resideInAnyPackage("..domain..", "..query..", "..web..")
            .should().dependOnClassesThat().resideInAPackage("org.banksuite.events..")
            .because("integration contracts are mapped at the messaging edge");
}
