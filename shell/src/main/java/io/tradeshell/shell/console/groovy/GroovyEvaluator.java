package io.tradeshell.shell.console.groovy;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import groovy.transform.ThreadInterrupt;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

/**
 * Evaluates console lines as Groovy in one persistent binding: what one line assigns, the next
 * line reads. Lines are compiled with the engine's packages and the indicator words imported,
 * and with interrupt checks in loops so Ctrl-C ends a runaway loop.
 */
public final class GroovyEvaluator {
    private static final List<String> STAR_IMPORTS = List.of("io.tradeshell.engine.indicators", "io.tradeshell.engine.model",
            "io.tradeshell.engine.rules", "io.tradeshell.engine.metrics", "io.tradeshell.engine.portfolio", "java.time");
    /** Binding entries that are plumbing, not the user's variables. */
    private static final List<String> HIDDEN = List.of("out");

    /** What a line gave: its value, the variable it assigned last, the methods it defined. */
    public record Result(Object value, Optional<String> assigned, List<String> methods) { }

    private final ScriptHost host;
    private final Binding binding = new Binding();
    private final GroovyShell shell;
    private final InterpreterMode mode;
    private int lines;

    public GroovyEvaluator(ScriptHost host, PrintWriter out) {
        this.host = host;
        ImportCustomizer imports = new ImportCustomizer()
                .addStarImports(STAR_IMPORTS.toArray(String[]::new))
                .addStaticStars(Words.class.getName());
        this.mode = new InterpreterMode(imports);
        STAR_IMPORTS.forEach(mode::knownStarImport);
        mode.knownStaticStar(Words.class.getName());
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(ConsoleScript.class.getName());
        config.addCompilationCustomizers(imports, new ASTTransformationCustomizer(ThreadInterrupt.class), mode);
        binding.setVariable("out", out);
        this.shell = new GroovyShell(GroovyEvaluator.class.getClassLoader(), binding, config);
    }

    /** Compiles and runs one line (or a block of lines). */
    public synchronized Result evaluate(String code) {
        mode.reset();
        Script script;
        try {
            script = shell.parse(code, "line" + (++lines) + ".groovy");
        } catch (MultipleCompilationErrorsException e) {
            throw GroovyErrors.compile(e, code.contains("\n"));
        }
        Optional<String> assigned = Optional.ofNullable(mode.assigned());
        List<String> methods = mode.methods();
        ((ConsoleScript) script).attach(host);
        try {
            return new Result(script.run(), assigned, methods);
        } catch (Throwable t) {
            if (t instanceof Error e && !(t instanceof StackOverflowError) && !(t instanceof ExceptionInInitializerError)) throw e;
            throw GroovyErrors.runtime(t, names());
        }
    }

    /** The user's variables, in the order they were first set. */
    public Map<String, Object> variables() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object e : binding.getVariables().entrySet()) {
            var entry = (Map.Entry<?, ?>) e;
            String name = String.valueOf(entry.getKey());
            if (!HIDDEN.contains(name)) out.put(name, entry.getValue());
        }
        return out;
    }

    public Optional<Object> variable(String name) {
        return HIDDEN.contains(name) || !binding.hasVariable(name) ? Optional.empty() : Optional.ofNullable(binding.getVariable(name));
    }

    /** Sets a variable, as {@code data load} does for the data it loads. */
    public void define(String name, Object value) {
        binding.setVariable(name, value);
    }

    /** Every name a line can use: variables and the console's words. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>(variables().keySet());
        names.addAll(Words.NAMES);
        names.addAll(ConsoleScript.NAMES);
        names.add("println");
        return new ArrayList<>(names);
    }
}
