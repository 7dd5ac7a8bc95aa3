package org.banksuite.reconciliation;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.banksuite.reconciliation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "tools.jackson..", "org.banksuite.events..",
                    "org.banksuite.reconciliation.api..", "java.sql..")
            .because("the matching rules speak only the language of reconciliation");

    @ArchTest
    static final ArchRule generatedApiTypesStayInTheWebLayer = noClasses()
            .that().resideOutsideOfPackages("..web..", "org.banksuite.reconciliation.api..")
            .should().dependOnClassesThat().resideInAPackage("org.banksuite.reconciliation.api..")
            .because("generated API types never pass the controller");

    @ArchTest
    static final ArchRule integrationEventsStayInMessaging = noClasses()
            .that().resideInAnyPackage("..domain..", "..store..", "..query..", "..web..", "..check..")
            .should().dependOnClassesThat().resideInAPackage("org.banksuite.events..")
            .because("integration contracts are read and written at the messaging edge");
}
