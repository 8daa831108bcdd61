package org.tenantregistry.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The query side's package rules, checked on the production classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tenantregistry.query");

    @Test
    void theQuerySideNeverUsesTheCommandSide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.tenantregistry.command..")
                .check(CLASSES);
    }

    /**
     * Of the project's own code a side uses only the contract (events), side-support and the embedded PostgreSQL
     * (postgres): never the other side.
     */
    @Test
    void theQuerySideUsesOnlyTheContractAndTheSharedSupportOfTheProject() {
        noClasses().should().dependOnClassesThat(resideInAPackage("org.tenantregistry..")
                        .and(not(resideInAnyPackage("org.tenantregistry.query..", "org.tenantregistry.events..",
                                "org.tenantregistry.support..", "org.tenantregistry.postgres.."))))
                .check(CLASSES);
    }

    @Test
    void featurePackagesKnowNeitherTheWebNorTheConfiguration() {
        noClasses().that().resideInAnyPackage("..query.tenant..", "..query.statistics..", "..query.resource..",
                        "..query.domain..", "..query.projection..", "..query.erasure..")
                .should().dependOnClassesThat().resideInAnyPackage("..query.web..", "..query.config..")
                .check(CLASSES);
    }

    @Test
    void featuresDoNotReachIntoEachOther() {
        noClasses().that().resideInAPackage("..query.tenant..")
                .should().dependOnClassesThat().resideInAPackage("..query.statistics..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..query.statistics..")
                .should().dependOnClassesThat().resideInAPackage("..query.tenant..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..query.resource..")
                .should().dependOnClassesThat().resideInAnyPackage("..query.tenant..", "..query.statistics..",
                        "..query.domain..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..query.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..query.tenant..", "..query.statistics..",
                        "..query.resource..")
                .check(CLASSES);
    }

    @Test
    void configurationDoesNotDependOnTheWeb() {
        noClasses().that().resideInAPackage("..query.config..")
                .should().dependOnClassesThat().resideInAPackage("..query.web..")
                .check(CLASSES);
    }

    @Test
    void theQuerySideDoesNotUseAxon() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.axonframework..").check(CLASSES);
    }
}
