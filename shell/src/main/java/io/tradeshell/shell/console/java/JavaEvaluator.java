package io.tradeshell.shell.console.java;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.shell.console.data.Dataset;
import io.tradeshell.shell.console.groovy.ScriptHost;
import io.tradeshell.shell.console.groovy.SnippetException;
import io.tradeshell.shell.console.groovy.Words;
import io.tradeshell.shell.console.runs.SessionRun;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Evaluates Java snippets with JShell, in this JVM, with the engine on the class path: for
 * people who know Java and not Groovy. Loaded data and the session's runs appear as variables
 * of their own names; the indicator words and {@code load}/{@code backtest} are imported.
 */
public final class JavaEvaluator implements AutoCloseable {
    private static final List<String> IMPORTS = List.of(
            "import io.tradeshell.engine.indicators.*;", "import io.tradeshell.engine.model.*;",
            "import io.tradeshell.engine.rules.*;", "import io.tradeshell.shell.console.data.*;",
            "import io.tradeshell.shell.console.runs.*;", "import java.util.*;",
            "import static " + Words.class.getName() + ".*;", "import static " + JavaBridge.class.getName() + ".*;");

    /** A snippet's outcome: its value (to print as the console prints values), or a line of text. */
    public record Outcome(Optional<String> name, Object value, String text, boolean hasValue) { }

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final Map<Object, String> shared = new IdentityHashMap<>();

    public JavaEvaluator(ScriptHost host, PrintStream out) {
        JavaBridge.host(host);
        this.shell = JShell.builder().executionEngine("local").out(out).err(out).build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        this.analysis = shell.sourceCodeAnalysis();
        for (String i : IMPORTS) shell.eval(i);
    }

    /** Declares console values (data, runs, indicators) as Java variables of the same names. */
    public void share(Map<String, ?> values) {
        for (var e : values.entrySet()) {
            Object v = e.getValue();
            String type = v instanceof Dataset ? Dataset.class.getName() : v instanceof SessionRun ? SessionRun.class.getName()
                    : v instanceof Indicator ? Indicator.class.getName() : null;
            if (type == null || !e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") || e.getKey().equals(shared.get(v))) continue;
            JavaBridge.share(e.getKey(), v);
            shell.eval(type + " " + e.getKey() + " = (" + type + ") " + JavaBridge.class.getName() + ".shared(\"" + e.getKey() + "\");");
            shared.put(v, e.getKey());
        }
    }

    /** Evaluates every snippet of {@code code} in order and returns what each gave. */
    public List<Outcome> evaluate(String code) {
        List<Outcome> out = new ArrayList<>();
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            String source = info.source();
            if (source == null || info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE) {
                throw new SnippetException("incomplete Java: " + rest.strip(), null);
            }
            for (SnippetEvent e : shell.eval(source)) {
                if (e.causeSnippet() != null) continue;
                out.add(outcome(e));
            }
            rest = info.remaining();
        }
        return out;
    }

    private Outcome outcome(SnippetEvent e) {
        Snippet s = e.snippet();
        if (e.exception() != null) throw failure(e.exception());
        if (e.status() == Snippet.Status.REJECTED) {
            String why = shell.diagnostics(s).filter(Diag::isError).map(d -> d.getMessage(Locale.ROOT)).findFirst().orElse("rejected");
            throw new SnippetException("does not compile: " + why.lines().findFirst().orElse(why), null);
        }
        return switch (s) {
            case VarSnippet v -> captured(v.name().startsWith("$") ? Optional.empty() : Optional.of(v.name()), v.name(), e.value());
            case ExpressionSnippet x -> captured(Optional.empty(), x.name(), e.value());
            case MethodSnippet m -> new Outcome(Optional.empty(), null, "defined method " + m.name() + "(" + m.parameterTypes() + ")", false);
            case TypeDeclSnippet t -> new Outcome(Optional.empty(), null, "defined " + t.name(), false);
            default -> new Outcome(Optional.empty(), null, "", false);
        };
    }

    private Outcome captured(Optional<String> name, String variable, String text) {
        shell.eval(JavaBridge.class.getName() + ".capture(" + variable + ");");
        Object v = JavaBridge.takeCaptured();
        return new Outcome(name, v, text, true);
    }

    private static SnippetException failure(jdk.jshell.JShellException x) {
        if (x instanceof UnresolvedReferenceException u) {
            return new SnippetException("unresolved: " + u.getSnippet().source().strip(), x);
        }
        if (x instanceof EvalException ev) {
            String type = ev.getExceptionClassName();
            String simple = type.substring(type.lastIndexOf('.') + 1);
            return new SnippetException(ev.getMessage() == null ? simple : simple + ": " + ev.getMessage(), x);
        }
        return new SnippetException(String.valueOf(x.getMessage()), x);
    }

    /** Completions JShell offers at {@code cursor}: the replacement text and where it starts. */
    public List<String> completions(String code, int cursor, int[] anchor) {
        List<String> out = new ArrayList<>();
        for (SourceCodeAnalysis.Suggestion s : analysis.completionSuggestions(code, cursor, anchor)) out.add(s.continuation());
        return out;
    }

    /** Stops the snippet that is running, if any (Ctrl-C). */
    public void stop() {
        shell.stop();
    }

    @Override
    public void close() {
        shell.close();
    }
}
