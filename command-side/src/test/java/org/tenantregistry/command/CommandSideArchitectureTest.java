package org.tenantregistry.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class CommandSideArchitectureTest {

    private static final JavaClasses COMMAND_SIDE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tenantregistry.command");

    @Test
    void theTenantModelAndItsMembersKnowNothingOfWebConfigOrPublishing() {
        noClasses().that().resideInAnyPackage("org.tenantregistry.command.tenant..",
                        "org.tenantregistry.command.resource..", "org.tenantregistry.command.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.tenantregistry.command.web..",
                        "org.tenantregistry.command.config..",
                        "org.tenantregistry.command.publishing..")
                .check(COMMAND_SIDE);
    }

    @Test
    void sqlStaysOutOfTheAggregatesPackage() {
        noClasses().that().resideInAnyPackage("org.tenantregistry.command.tenant", "org.tenantregistry.command.resource",
                        "org.tenantregistry.command.domain", "org.tenantregistry.command.audit")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(COMMAND_SIDE);
    }

    @Test
    void theCommandSideNeverDependsOnTheQuerySide() {
        noClasses().that().resideInAPackage("org.tenantregistry.command..")
                .should().dependOnClassesThat().resideInAPackage("org.tenantregistry.query..")
                .check(COMMAND_SIDE);
    }

    /**
     * Of the project's own code a side uses only the contract (events), side-support and the embedded PostgreSQL
     * (postgres): never the other side.
     */
    @Test
    void theCommandSideUsesOnlyTheContractAndTheSharedSupportOfTheProject() {
        noClasses().that().resideInAPackage("org.tenantregistry.command..")
                .should().dependOnClassesThat(resideInAPackage("org.tenantregistry..")
                        .and(not(resideInAnyPackage("org.tenantregistry.command..", "org.tenantregistry.events..",
                                "org.tenantregistry.support..", "org.tenantregistry.postgres.."))))
                .check(COMMAND_SIDE);
    }

    /**
     * The console (command.console) is a second adapter of the same commands, for browsers: it sends them through the
     * web adapter's dispatcher and shows the audit's answers, so it may use the web adapter; nothing else may, and the
     * web adapter knows nothing of the console.
     */
    @Test
    void theWebAdapterIsUsedByNothingElse() {
        noClasses().that().resideOutsideOfPackages("org.tenantregistry.command.web..",
                        "org.tenantregistry.command.console..")
                .should().dependOnClassesThat().resideInAPackage("org.tenantregistry.command.web..")
                .check(COMMAND_SIDE);
        noClasses().that().resideInAPackage("org.tenantregistry.command.web..")
                .should().dependOnClassesThat().resideInAPackage("org.tenantregistry.command.console..")
                .check(COMMAND_SIDE);
    }

    @Test
    void theConsoleIsUsedByNothingElse() {
        noClasses().that().resideOutsideOfPackage("org.tenantregistry.command.console..")
                .should().dependOnClassesThat().resideInAPackage("org.tenantregistry.command.console..")
                .check(COMMAND_SIDE);
    }
}
