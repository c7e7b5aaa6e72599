package io.tradeshell.dsl;

import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import groovy.transform.ThreadInterrupt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

/**
 * Compiles strategy scripts, once each, with the one configuration every script shares: the
 * {@link StrategyScript} base class, default imports, and interrupt checks in loops so a long
 * run can be stopped with Ctrl-C.
 */
public final class StrategyCompiler {
    private final GroovyClassLoader loader;

    public StrategyCompiler() {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(StrategyScript.class.getName());
        config.addCompilationCustomizers(
                new ImportCustomizer().addStarImports("io.tradeshell.engine.model", "io.tradeshell.engine.indicators", "io.tradeshell.engine.rules"),
                new ASTTransformationCustomizer(ThreadInterrupt.class));
        this.loader = new GroovyClassLoader(StrategyCompiler.class.getClassLoader(), config);
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
        try {
            @SuppressWarnings("unchecked")
            Class<? extends StrategyScript> type = (Class<? extends StrategyScript>)
                    loader.parseClass(new GroovyCodeSource(source, fileName, "/groovy/script"), false);
            CompiledScript compiled = new CompiledScript(type, fileName, path);
            compiled.validate();
            return compiled;
        } catch (MultipleCompilationErrorsException e) {
            throw ScriptErrors.compileError(fileName, e);
        }
    }
}
