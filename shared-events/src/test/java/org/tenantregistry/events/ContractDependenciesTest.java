package org.tenantregistry.events;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** A downstream service must be able to depend on the contract alone: no framework may leak into it. */
@AnalyzeClasses(packages = "org.tenantregistry.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractDependenciesTest {

    @ArchTest
    static final ArchRule theContractDependsOnJacksonAlone = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "org.tenantregistry.events..",
                    "java..",
                    // the JDK's own AES-GCM and HMAC, which seal personal fields (SealedFields)
                    "javax.crypto..",
                    "tools.jackson..",
                    "com.fasterxml.jackson.annotation..",
                    "org.apache.kafka.common.serialization..");
}
