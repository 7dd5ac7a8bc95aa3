package org.banksuite.proxy;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.banksuite.proxy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule quotaRulesAreFreeOfFrameworks = noClasses()
            .that().resideInAPackage("..quota.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                    "io.github.resilience4j..", "tools.jackson..", "org.banksuite.proxy.api..", "org.banksuite.api..")
            .because("windows, lanes and limits are plain rules, tested without a container");

    @ArchTest
    static final ArchRule generatedServerTypesStayInTheWebLayer = noClasses()
            .that().resideOutsideOfPackages("..web..", "org.banksuite.proxy.api..")
            .should().dependOnClassesThat().resideInAPackage("org.banksuite.proxy.api..")
            .because("the proxy's generated API types never pass the controllers");

    @ArchTest
    static final ArchRule quotaKnowsNothingOfTheCore = noClasses()
            .that().resideInAPackage("..quota..")
            .should().dependOnClassesThat().resideInAnyPackage("..proxy.core..", "..proxy.web..", "org.banksuite.api..")
            .because("the quota counts requests; what they carry is the gateway's business");
}
