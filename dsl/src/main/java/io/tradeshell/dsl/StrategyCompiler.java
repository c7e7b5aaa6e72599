package io.tradeshell.dsl;

import groovy.lang.GroovyClassLoader;
import groovy.grape.GrabAnnotationTransformation;
import groovy.transform.CompileStatic;
import groovy.transform.ThreadInterrupt;
import io.tradeshell.dsl.sandbox.LabelComparisons;
import io.tradeshell.dsl.sandbox.RuleComparisons;
import io.tradeshell.dsl.sandbox.ParamAccess;
import io.tradeshell.dsl.sandbox.SandboxShape;
import io.tradeshell.dsl.sandbox.SizingBlocks;
import io.tradeshell.dsl.sandbox.StrategySandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.tools.GroovyClass;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

/**
 * Compiles strategy scripts, once each, with the one configuration every script shares: the
 * {@link StrategyScript} base class, default imports, and interrupt checks in loops so a long
 * run can be stopped with Ctrl-C or by its time budget.
 *
 * <p>By default a script is sandboxed: it is compiled statically with {@link StrategySandbox},
 * which allows only the language's words and basics, so what was checked is what runs. A
 * trusted compiler ({@link #trusted()}) compiles a user's own script dynamically with everything
 * Groovy has; runs of such scripts say so in their assumptions.
 */
public final class StrategyCompiler {
    private final boolean sandboxed;
    private final Duration barBudget;
    private final ScriptClassCache cache;
    /** Groovy's compiler, made on the first script the cache does not hold: loading it is most of a short run's fixed cost. */
    private Groovy groovy;

    private record Groovy(CompilerConfiguration config, GroovyClassLoader loader) { }

    /** A compiler whose scripts run in the sandbox. */
    public StrategyCompiler() {
        this(true, BarBudget.DEFAULT, ScriptClassCache.NONE);
    }

    private StrategyCompiler(boolean sandboxed, Duration barBudget, ScriptClassCache cache) {
        if (barBudget.isNegative() || barBudget.isZero()) throw new IllegalArgumentException("a bar budget must be positive, got " + barBudget);
        this.sandboxed = sandboxed;
        this.barBudget = barBudget;
        this.cache = cache;
    }

    private synchronized Groovy groovy() {
        if (groovy == null) {
            CompilerConfiguration config = configuration(sandboxed);
            groovy = new Groovy(config, new GroovyClassLoader(StrategyCompiler.class.getClassLoader(), config));
        }
        return groovy;
    }

    private static CompilerConfiguration configuration(boolean sandboxed) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(StrategyScript.class.getName());
        config.addCompilationCustomizers(
                new ImportCustomizer().addStarImports("io.tradeshell.engine.model", "io.tradeshell.engine.indicators", "io.tradeshell.engine.rules"),
                new ASTTransformationCustomizer(ThreadInterrupt.class), new LabelComparisons(), new RuleComparisons());
        if (sandboxed) {
            // Grape would fetch and load code while the script compiles, before any check could refuse it
            config.setDisabledGlobalASTTransformations(Set.of(GrabAnnotationTransformation.class.getName()));
            config.addCompilationCustomizers(new SandboxShape(), new ParamAccess(LanguageWords.properties()), new SizingBlocks(),
                    new ASTTransformationCustomizer(Map.of("extensions", List.of(StrategySandbox.class.getName())), CompileStatic.class));
        }
        return config;
    }

    /** A compiler for the user's own trusted scripts: no sandbox, recorded in every run's assumptions. */
    public static StrategyCompiler trusted() {
        return new StrategyCompiler(false, BarBudget.DEFAULT, ScriptClassCache.NONE);
    }

    /**
     * A compiler like this one whose scripts' blocks ({@code onBar}, {@code onTick}, the body) may
     * each take at most {@code budget} per call before the run stops with a script error.
     */
    public StrategyCompiler withBarBudget(Duration budget) {
        return new StrategyCompiler(sandboxed, budget, cache);
    }

    /**
     * A compiler like this one that keeps compiled classes in {@code cache} and takes them from it
     * when the same script is compiled again the same way by the same build.
     */
    public StrategyCompiler withCache(ScriptClassCache cache) {
        return new StrategyCompiler(sandboxed, barBudget, cache);
    }

    /** Parses a bar budget such as {@code 1s} or {@code 500ms}. */
    public static Duration parseBarBudget(String text) {
        return BarBudget.parse(text);
    }

    /** A sandboxed compiler, or a trusted one when {@code trust} is set. */
    public static StrategyCompiler of(boolean trust) {
        return trust ? trusted() : new StrategyCompiler();
    }

    public boolean sandboxed() {
        return sandboxed;
    }

    /** Compiles and validates a script file; fails with {@link ScriptException} naming the line. */
    public CompiledScript compile(Path file) {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScriptException(file.toString(), 0, "no such script file", e);
        } catch (IOException e) {
            throw new ScriptException(file.toString(), 0, "cannot read the script: " + e.getMessage(), e);
        }
        return compile(file.getFileName().toString(), file.toString(), source);
    }

    /** Compiles script text given a file name (used in error messages) and a path for summaries. */
    public CompiledScript compile(String fileName, String path, String source) {
        String key = ScriptClassCache.key(fileName, source, sandboxed);
        ScriptClasses classes = cache.read(key).orElse(null);
        boolean fresh = classes == null;
        if (fresh) classes = classesOf(fileName, source);
        @SuppressWarnings("unchecked")
        Class<? extends StrategyScript> type = (Class<? extends StrategyScript>) classes.define(StrategyCompiler.class.getClassLoader());
        CompiledScript compiled = new CompiledScript(type, fileName, path, sandboxed, barBudget, !fresh);
        compiled.validate();
        if (fresh) cache.write(key, classes);   // only a script that loads and validates is kept
        return compiled;
    }

    /** Runs Groovy's compiler over the script: its main class and every class it needs, as bytes. */
    private ScriptClasses classesOf(String fileName, String source) {
        try {
            Groovy g = groovy();
            CompilationUnit unit = new CompilationUnit(g.config(), null, g.loader());
            SourceUnit unitSource = unit.addSource(fileName, source);
            unit.compile(Phases.CLASS_GENERATION);
            Map<String, byte[]> bytes = new java.util.LinkedHashMap<>();
            for (GroovyClass c : unit.getClasses()) bytes.put(c.getName(), c.getBytes());
            return new ScriptClasses(unitSource.getAST().getClasses().get(0).getName(), bytes);
        } catch (MultipleCompilationErrorsException e) {
            throw ScriptErrors.compileError(fileName, source, e);
        }
    }
}
