package dev.hotfixlog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The arrows of ARCHITECTURE.md, checked on the compiled classes so they stay one way. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hotfixlog");
    }

    @Test
    void errors_dependOnNothingElseOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("dev.hotfixlog.error..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.hotfixlog.hotfix..",
                        "dev.hotfixlog.store..",
                        "dev.hotfixlog.web..",
                        "dev.hotfixlog.cli..",
                        "dev.hotfixlog.security..",
                        "dev.hotfixlog.json..")
                .check(classes);
    }

    @Test
    void json_dependsOnlyOnErrors() {
        noClasses()
                .that()
                .resideInAPackage("dev.hotfixlog.json..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.hotfixlog.hotfix..",
                        "dev.hotfixlog.store..",
                        "dev.hotfixlog.web..",
                        "dev.hotfixlog.cli..",
                        "dev.hotfixlog.security..")
                .check(classes);
    }

    @Test
    void store_knowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("dev.hotfixlog.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.hotfixlog.hotfix..",
                        "dev.hotfixlog.web..",
                        "dev.hotfixlog.cli..",
                        "dev.hotfixlog.security..")
                .check(classes);
    }

    @Test
    void web_knowsNoRecordFeature_andNoCli() {
        noClasses()
                .that()
                .resideInAPackage("dev.hotfixlog.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.hotfixlog.hotfix..", "dev.hotfixlog.cli..")
                .check(classes);
    }

    /**
     * A body and a form are read through {@code web.Requests} only: Javalin's own readers decode with the charset
     * of the Content-Type as they find it ({@code charset="utf-8} made a 500), and parse multipart with Jetty.
     */
    @Test
    void onlyRequests_readsABodyOrAFormThroughJavalin() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("dev.hotfixlog.web.Requests")
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "Javalin's charset-dependent body or form reader",
                        (JavaCall<?> call) -> call.getTargetOwner().isAssignableTo(Context.class)
                                && List.of(
                                                "body",
                                                "formParam",
                                                "formParams",
                                                "formParamMap",
                                                "formParamAsClass",
                                                "uploadedFile",
                                                "uploadedFiles",
                                                "uploadedFileMap",
                                                "bodyAsClass",
                                                "bodyStreamAsClass",
                                                "bodyValidator",
                                                "characterEncoding")
                                        .contains(call.getName())))
                .check(classes);
    }

    @Test
    void onlyTheEntryPoint_knowsTheCli() {
        classes()
                .that()
                .resideInAPackage("dev.hotfixlog.cli..")
                .should()
                .onlyBeAccessed()
                .byClassesThat()
                .resideInAnyPackage("dev.hotfixlog.cli..", "dev.hotfixlog")
                .check(classes);
    }

    @Test
    void features_doNotReachIntoTheCli() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.hotfixlog.hotfix..",
                        "dev.hotfixlog.security..",
                        "dev.hotfixlog.markdown..",
                        "dev.hotfixlog.notify..",
                        "dev.hotfixlog.followup..",
                        "dev.hotfixlog.metrics..",
                        "dev.hotfixlog.lesson..",
                        "dev.hotfixlog.search..",
                        "dev.hotfixlog.migrate..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.hotfixlog.cli..")
                .check(classes);
    }

    /** Moving in writes records through the record's import door (RecordImport); the record and the evidence never know it. */
    @Test
    void theRecord_andTheEvidence_doNotKnowMigrations_andMigrationsKeepEvidenceThroughTheirSeam() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.hotfixlog.hotfix..",
                        "dev.hotfixlog.markdown..",
                        "dev.hotfixlog.store..",
                        "dev.hotfixlog.web..",
                        "dev.hotfixlog.metrics..",
                        "dev.hotfixlog.search..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.hotfixlog.migrate..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("dev.hotfixlog.migrate..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.hotfixlog.attachment..",
                        "dev.hotfixlog.markdown..",
                        "dev.hotfixlog.metrics..",
                        "dev.hotfixlog.search..")
                .check(classes);
    }

    @Test
    void theRecord_doesNotKnowItsMarkdown() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.hotfixlog.hotfix..",
                        "dev.hotfixlog.security..",
                        "dev.hotfixlog.store..",
                        "dev.hotfixlog.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.hotfixlog.markdown..")
                .check(classes);
    }

    /** The record tells whoever listens (RecordListener, RecordPanels); it never knows who sends messages. */
    @Test
    void theRecord_doesNotKnowItsFollowThrough() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.hotfixlog.hotfix..",
                        "dev.hotfixlog.security..",
                        "dev.hotfixlog.store..",
                        "dev.hotfixlog.web..",
                        "dev.hotfixlog.markdown..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.hotfixlog.notify..",
                        "dev.hotfixlog.followup..",
                        "dev.hotfixlog.metrics..",
                        "dev.hotfixlog.lesson..",
                        "dev.hotfixlog.search..")
                .check(classes);
    }

    @Test
    void followUps_andMessages_doNotKnowEachOther() {
        noClasses()
                .that()
                .resideInAPackage("dev.hotfixlog.followup..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.hotfixlog.notify..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("dev.hotfixlog.notify..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.hotfixlog.followup..")
                .check(classes);
    }

    /** A feature's package (or sub-package) named {@code internal}: group 1 is the feature. */
    private static final Pattern INTERNAL_PACKAGE = Pattern.compile("dev\\.hotfixlog\\.(\\w+)\\.internal(\\..+)?");

    /**
     * A feature's {@code internal} package is its own: only the feature's other packages use it (its public face,
     * its {@code web}); no other feature, and not {@code App}, which opens a feature through its public face. Its
     * classes are public only because Java has no "this package and its sub-packages".
     */
    @Test
    void nothingOutsideAFeature_dependsOnItsInternalPackage() {
        classes()
                .should(new ArchCondition<JavaClass>("use a feature's internal package only from inside that feature") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            Matcher m =
                                    INTERNAL_PACKAGE.matcher(d.getTargetClass().getPackageName());
                            String feature = "dev.hotfixlog." + (m.matches() ? m.group(1) : "");
                            String from = c.getPackageName();
                            if (m.matches() && !from.equals(feature) && !from.startsWith(feature + ".")) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .check(classes);
    }

    /**
     * No code outside the record feature hands it a Jdbi handle: a whole-log import goes through
     * {@code RecordImport}, which opens its own transaction and hands the caller the handle (as a listener gets it).
     */
    @Test
    void nothingOutsideTheRecord_callsIntoItWithAHandle() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.hotfixlog.hotfix..")
                .should()
                .callCodeUnitWhere(DescribedPredicate.describe(
                        "a method or constructor of the record feature " + "that takes a Jdbi handle",
                        (JavaCall<?> call) ->
                                call.getTargetOwner().getPackageName().matches("dev\\.hotfixlog\\.hotfix(\\..+)?")
                                        && call.getTarget().getRawParameterTypes().stream()
                                                .anyMatch(t -> t.isAssignableTo(Handle.class))))
                .check(classes);
    }

    /** Every feature package is a room: arrows between rooms go one way, so each can be read without the others. */
    @Test
    void packages_areFreeOfCycles() {
        slices().matching("dev.hotfixlog.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The record's tables: only the hotfix feature names them in SQL; the others read its views (V19). */
    private static final Pattern RECORD_TABLE_IN_SQL = Pattern.compile(
            "\\b(FROM|JOIN|UPDATE|INTO|TABLE)\\s+"
                    + "(hotfix|hotfix_revision|hotfix_step|hotfix_system|hotfix_redaction|follow_up|id_counter|idempotency_key)"
                    + "(?![-\\w])",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noFeatureButTheRecord_namesTheRecordsTablesInSql() throws IOException {
        Path main = Path.of("src/main/java/dev/hotfixlog");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.startsWith(main.resolve("hotfix"))) {
                    continue;
                }
                // Adjacent literals joined ("... FROM " + "hotfix ...") so a split string cannot hide a table.
                String text = Files.readString(f).replaceAll("\"\\s*\\+\\s*\"", "");
                Matcher m = RECORD_TABLE_IN_SQL.matcher(text);
                while (m.find()) {
                    char before = text.charAt(m.start() - 1);
                    if (before != ' ' && before != '"' || !inString(text, m.start())) {
                        continue; // a word in prose ("from hotfix 12"), not SQL
                    }
                    found.add(main.relativize(f) + ": " + m.group());
                }
            }
        }
        assertThat(found)
                .as("SQL naming the record's tables outside the hotfix feature: read the record_* views")
                .isEmpty();
    }

    /** Whether position {@code at} is inside a string literal of its line (an odd number of quotes before it). */
    private static boolean inString(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at) + 1;
        String before = text.substring(lineStart, at).replace("\\\"", "");
        if (before.stripLeading().startsWith("//") || before.stripLeading().startsWith("*")) {
            return false;
        }
        return before.chars().filter(c -> c == '"').count() % 2 == 1 || before.contains("\"\"\"");
    }

    /** SQL lives in repositories (and the store's own plumbing): a service composes them, it writes no SQL. */
    @Test
    void sql_livesInRepositories() {
        noClasses()
                .that()
                .haveNameNotMatching(".*Repository(\\$.*)?")
                .and()
                .resideOutsideOfPackage("dev.hotfixlog.store..")
                .should()
                .callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        DescribedPredicate.describe("a Jdbi handle", c -> c.isAssignableTo(Handle.class)))))
                .because("a feature's SQL is in its repositories, as text blocks")
                .check(classes);
    }

    /**
     * String's methods that compile their argument as a java.util.regex pattern. Every pattern of main runs on
     * RE2/J, in linear time whatever a person pastes (issue 31: the JWT detector took 26 s on 100 KB).
     */
    private static final Set<String> STRING_REGEX_METHODS = Set.of("matches", "replaceAll", "replaceFirst", "split");

    @Test
    void mainCode_usesNoBacktrackingRegex() {
        noClasses()
                .that()
                .resideInAPackage("dev.hotfixlog..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.util.regex..")
                .orShould()
                .callMethodWhere(DescribedPredicate.describe(
                        "String.matches, replaceAll, replaceFirst " + "or split (java.util.regex underneath)",
                        (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(String.class)
                                && STRING_REGEX_METHODS.contains(call.getName())))
                .because("a backtracking pattern over user text can take minutes (issue 31): use a static "
                        + "com.google.re2j.Pattern, which LinearTimeTest finds and measures, a hand scan, "
                        + "or text.Split for a literal separator")
                .check(classes);
    }

    /**
     * Threads are made in one place, {@code work.Threads}: named for what they do and daemons unless said, so
     * no feature grows a pool of its own beside the others (issue 32: eight places made their own).
     */
    @Test
    void threads_areMadeOnlyByWorkThreads() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("dev.hotfixlog.work.Threads")
                .should()
                .callConstructorWhere(DescribedPredicate.describe(
                        "a thread's or a thread pool's " + "constructor",
                        (JavaConstructorCall call) -> call.getTargetOwner().isAssignableTo(Thread.class)
                                || call.getTargetOwner().isAssignableTo(ThreadPoolExecutor.class)
                                || call.getTargetOwner().isAssignableTo(ForkJoinPool.class)))
                .orShould()
                .callMethodWhere(DescribedPredicate.describe(
                        "Executors' pools",
                        (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(Executors.class)))
                .because("work.Threads makes every thread: named, daemon, in one place")
                .check(classes);
    }
}
