package org.tenantregistry.support;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Both sides depend on side-support, so it depends on neither: else the sides would reach each other through it. */
class SupportArchitectureTest {

    private static final JavaClasses SUPPORT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tenantregistry.support");

    @Test
    void theSupportKnowsNeitherSide() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.tenantregistry.command..", "org.tenantregistry.query..")
                .check(SUPPORT);
    }

    @Test
    void itsPartsAreIndependentOfEachOther() {
        noClasses().that().resideInAPackage("..support.web..")
                .should().dependOnClassesThat().resideInAnyPackage("..support.kafka..", "..support.database..",
                        "..support.ratelimit..")
                .check(SUPPORT);
        noClasses().that().resideInAPackage("..support.kafka..")
                .should().dependOnClassesThat().resideInAnyPackage("..support.web..", "..support.database..",
                        "..support.ratelimit..")
                .check(SUPPORT);
        noClasses().that().resideInAPackage("..support.database..")
                .should().dependOnClassesThat().resideInAnyPackage("..support.web..", "..support.kafka..",
                        "..support.ratelimit..")
                .check(SUPPORT);
        noClasses().that().resideInAPackage("..support.ratelimit..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("..support.web..", "..support.kafka..", "..support.database..")
                .check(SUPPORT);
    }
}
