package io.tradeshell.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: shell -> dsl/report -> engine; the engine stays plain and headless. */
class ModuleDependencyTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // the brokers' fakes, a test jar the shell's tests use
            .importPackages("io.tradeshell");

    @Test
    void engineUsesNoGroovyJlineAwtOrChartsAndNoOuterModule() {
        noClasses().that().resideInAPackage("io.tradeshell.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("groovy..", "org.codehaus.groovy..", "org.apache.groovy..",
                        "org.jline..", "java.awt..", "javax.swing..", "org.knowm..", "io.tradeshell.dsl..",
                        "io.tradeshell.report..", "io.tradeshell.shell..", "io.tradeshell.brokers..", "io.tradeshell.cluster..", "com.hazelcast..")
                .check(CLASSES);
    }

    @Test
    void onlyTheMlModuleKnowsItsLearningLibrariesAndTheEngineKnowsNone() {
        String[] libraries = {"ml.dmlc..", "org.tribuo..", "com.oracle.labs.mlrg..", "ai.onnxruntime.."};
        noClasses().that().resideInAPackage("io.tradeshell.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tradeshell.ml..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage("io.tradeshell.ml..")
                .should().dependOnClassesThat().resideInAnyPackage(libraries)
                .check(CLASSES);
    }

    @Test
    void theClusterKnowsOnlyTheEngineAndTheDslAndOnlyItKnowsHazelcast() {
        noClasses().that().resideInAPackage("io.tradeshell.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tradeshell.shell..", "io.tradeshell.report..", "io.tradeshell.brokers..",
                        "io.tradeshell.dashboard..", "org.jline..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage("io.tradeshell.cluster..")
                .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
                .check(CLASSES);
    }

    /** Ordinary commands must not load Hazelcast: the shell reaches the cluster through two classes used only with --cluster and by 'worker'. */
    @Test
    void theShellReachesTheClusterOnlyThroughItsTwoDoors() {
        noClasses().that().resideInAPackage("io.tradeshell.shell..")
                .and().doNotHaveFullyQualifiedName("io.tradeshell.shell.app.ClusterSweep")
                .and().doNotHaveFullyQualifiedName("io.tradeshell.shell.cli.WorkerRun")
                .should().dependOnClassesThat().resideInAPackage("io.tradeshell.cluster..")
                .check(CLASSES);
    }

    @Test
    void brokerAdaptersKnowOnlyTheEngine() {
        noClasses().that().resideInAPackage("io.tradeshell.brokers..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tradeshell.dsl..", "io.tradeshell.report..", "io.tradeshell.shell..",
                        "groovy..", "org.jline..", "org.knowm..")
                .check(CLASSES);
    }

    @Test
    void dslAndReportDoNotKnowEachOtherOrTheShell() {
        noClasses().that().resideInAPackage("io.tradeshell.dsl..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tradeshell.report..", "io.tradeshell.shell..", "io.tradeshell.cluster..", "org.jline..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.tradeshell.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tradeshell.dsl..", "io.tradeshell.shell..", "groovy..", "org.jline..")
                .check(CLASSES);
    }

    @Test
    void engineNeverReadsTheWallClockOutsideTheClockPackage() {
        noClasses().that().resideInAPackage("io.tradeshell.engine..").and().resideOutsideOfPackage("io.tradeshell.engine.clock..")
                .and().resideOutsideOfPackage("io.tradeshell.engine.run..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(CLASSES);
    }

    /**
     * The shell's layers: the application layer (use cases in shell.app and below) knows no
     * front end and no terminal; the headless commands know neither the console nor notebooks.
     */
    @Test
    void theShellsLayersPointDown() {
        noClasses().that().resideInAPackage("io.tradeshell.shell.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tradeshell.shell.cli..", "io.tradeshell.shell.console..",
                        "io.tradeshell.shell.notebook..", "org.jline..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.tradeshell.shell.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tradeshell.shell.console..", "io.tradeshell.shell.notebook..")
                .check(CLASSES);
    }

    /** The console runs live runs, paper operations and parity through the use cases, as the headless commands do. */
    @Test
    void theConsoleAndNotebooksNeverImportTheHeadlessCommands() {
        noClasses().that().resideInAnyPackage("io.tradeshell.shell.console..", "io.tradeshell.shell.notebook..")
                .should().dependOnClassesThat().resideInAPackage("io.tradeshell.shell.cli..")
                .check(CLASSES);
    }

    /**
     * Commands and notebooks are handed what they work with; the console's state between lines
     * (language, echo, last error, exit code) is reached only by the console itself and by the
     * commands about it ({@code trace}, {@code exit}).
     */
    @Test
    void onlyTheConsoleItselfReachesItsSessionState() {
        noClasses().that().resideInAnyPackage("io.tradeshell.shell..")
                .and().resideOutsideOfPackage("io.tradeshell.shell.console.session..")
                .and().doNotHaveSimpleName("Console").and().doNotHaveSimpleName("ConsoleDispatcher")
                .and().doNotHaveSimpleName("ConsoleCompleter").and().doNotHaveSimpleName("InteractiveConsole")
                .and().doNotHaveSimpleName("NotebookRunner")
                .and().resideOutsideOfPackage("io.tradeshell.shell.console.commands..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.tradeshell.shell.console.session.Session")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.tradeshell.shell.console.commands..")
                .and().doNotHaveSimpleName("Trace").and().doNotHaveSimpleName("Exit")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.tradeshell.shell.console.session.Session")
                .check(CLASSES);
    }

    /**
     * The use cases take plain settings records (RunSettings, LiveSettings, SweepSettings,
     * ClusterTarget); parsing options stays with the command lines, which turn their picocli
     * option classes into those records.
     */
    @Test
    void theUseCasesTakeSettingsRecordsNotCommandLineOptions() {
        noClasses().that().resideInAPackage("io.tradeshell.shell.app..")
                .and().haveSimpleNameNotEndingWith("Options")
                .and().doNotHaveSimpleName("ScriptReplays") // reads back the options a run recorded in its summary
                .and().doNotHaveSimpleName("Errors")        // maps picocli's parse errors to exit codes
                .should().dependOnClassesThat(resideInAPackage("io.tradeshell.shell..").and(simpleNameEndingWith("Options")))
                .orShould().dependOnClassesThat().resideInAPackage("picocli..")
                .check(CLASSES);
    }

    /** No two packages import each other, directly or around a circle, in any module. */
    @Test
    void noTwoPackagesImportEachOther() {
        slices().matching("io.tradeshell.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
