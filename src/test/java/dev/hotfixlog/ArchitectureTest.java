package dev.hotfixlog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The arrows of ARCHITECTURE.md, checked on the compiled classes so they stay one way. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hotfixlog");
    }

    @Test
    void errors_dependOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("dev.hotfixlog.error..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hotfixlog.hotfix..", "dev.hotfixlog.store..",
                        "dev.hotfixlog.web..", "dev.hotfixlog.cli..", "dev.hotfixlog.security..", "dev.hotfixlog.json..")
                .check(classes);
    }

    @Test
    void json_dependsOnlyOnErrors() {
        noClasses().that().resideInAPackage("dev.hotfixlog.json..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hotfixlog.hotfix..", "dev.hotfixlog.store..",
                        "dev.hotfixlog.web..", "dev.hotfixlog.cli..", "dev.hotfixlog.security..")
                .check(classes);
    }

    @Test
    void store_knowsNoFeature() {
        noClasses().that().resideInAPackage("dev.hotfixlog.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hotfixlog.hotfix..", "dev.hotfixlog.web..",
                        "dev.hotfixlog.cli..", "dev.hotfixlog.security..")
                .check(classes);
    }

    @Test
    void web_knowsNoRecordFeature_andNoCli() {
        noClasses().that().resideInAPackage("dev.hotfixlog.web..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hotfixlog.hotfix..", "dev.hotfixlog.cli..")
                .check(classes);
    }

    @Test
    void onlyTheEntryPoint_knowsTheCli() {
        classes().that().resideInAPackage("dev.hotfixlog.cli..")
                .should().onlyBeAccessed().byClassesThat().resideInAnyPackage("dev.hotfixlog.cli..", "dev.hotfixlog")
                .check(classes);
    }

    @Test
    void features_doNotReachIntoTheCli() {
        noClasses().that().resideInAnyPackage("dev.hotfixlog.hotfix..", "dev.hotfixlog.security..",
                        "dev.hotfixlog.markdown..", "dev.hotfixlog.notify..", "dev.hotfixlog.followup..",
                        "dev.hotfixlog.metrics..", "dev.hotfixlog.lesson..", "dev.hotfixlog.search..")
                .should().dependOnClassesThat().resideInAPackage("dev.hotfixlog.cli..")
                .check(classes);
    }

    @Test
    void theRecord_doesNotKnowItsMarkdown() {
        noClasses().that().resideInAnyPackage("dev.hotfixlog.hotfix..", "dev.hotfixlog.security..",
                        "dev.hotfixlog.store..", "dev.hotfixlog.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.hotfixlog.markdown..")
                .check(classes);
    }

    /** The record tells whoever listens (HotfixEvents, RecordPanels); it never knows who sends messages. */
    @Test
    void theRecord_doesNotKnowItsFollowThrough() {
        noClasses().that().resideInAnyPackage("dev.hotfixlog.hotfix..", "dev.hotfixlog.security..",
                        "dev.hotfixlog.store..", "dev.hotfixlog.web..", "dev.hotfixlog.markdown..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hotfixlog.notify..",
                        "dev.hotfixlog.followup..", "dev.hotfixlog.metrics..", "dev.hotfixlog.lesson..",
                        "dev.hotfixlog.search..")
                .check(classes);
    }

    @Test
    void followUps_andMessages_doNotKnowEachOther() {
        noClasses().that().resideInAPackage("dev.hotfixlog.followup..")
                .should().dependOnClassesThat().resideInAPackage("dev.hotfixlog.notify..").check(classes);
        noClasses().that().resideInAPackage("dev.hotfixlog.notify..")
                .should().dependOnClassesThat().resideInAPackage("dev.hotfixlog.followup..").check(classes);
    }
}
