package io.tradeshell.shell.console;

import io.tradeshell.engine.indicators.library.Ta4jCatalog;
import io.tradeshell.shell.console.commands.Completions;
import io.tradeshell.shell.console.commands.ConsoleCommand;
import io.tradeshell.shell.console.runs.StrategyFiles;
import io.tradeshell.shell.console.data.Dataset;
import io.tradeshell.shell.console.groovy.ConsoleScript;
import io.tradeshell.shell.console.groovy.Words;
import io.tradeshell.shell.console.session.Language;
import io.tradeshell.shell.console.session.Session;
import io.tradeshell.shell.console.session.Workspace;
import io.tradeshell.shell.app.trading.RunService;
import io.tradeshell.shell.console.session.Statements;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.shell.Command;
import org.jline.shell.CommandGroup;

/**
 * TAB completion: command names, then each command's own arguments (options, files, loaded
 * data, runs, strategies and their parameters); in Groovy, variables, the console's words,
 * members after a dot, file paths inside quotes and a strategy's parameters in {@code backtest(...)}.
 */
final class ConsoleCompleter implements Completer {
    private static final Pattern BACKTEST = Pattern.compile("(?:backtest|optimize|walkforward)\\s*\\(\\s*['\"]([^'\"]+)['\"].*,\\s*$", Pattern.DOTALL);
    /** Inside the name of {@code ta(data, 'NAME'} (console) or {@code ta('NAME'} (strategy scripts). */
    private static final Pattern TA_NAME = Pattern.compile("\\bta\\s*\\(\\s*(?:[\\w.]+\\s*,\\s*)?['\"]\\w*$");
    private static final List<String> KEYWORDS = List.of("def", "for", "while", "if", "else", "return", "true", "false", "null",
            "new", "in", "import", "println");
    private final Session session;
    private final Workspace workspace;
    private final RunService service;
    private final ConsoleDispatcher dispatcher;

    ConsoleCompleter(Session session, Workspace workspace, RunService service, ConsoleDispatcher dispatcher) {
        this.session = session;
        this.workspace = workspace;
        this.service = service;
        this.dispatcher = dispatcher;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
        String before = line.line().substring(0, line.cursor());
        String statement = lastStatement(before).stripLeading();
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        int space = firstSpace(statement);
        // Java completes Java snippets: in Java mode, and after /java in either mode
        boolean java = statement.startsWith("/java ") || (session.language() == Language.JAVA && !statement.startsWith("/groovy"));
        if (space < 0) {
            commandNames(out);
            if (statement.startsWith("/")) {
                out.add(new Candidate("/java", "/java", "modes", "Java snippets (JShell)", null, null, true));
                out.add(new Candidate("/groovy", "/groovy", "modes", "back to Groovy", null, null, true));
            } else if (java) {
                java(statement, word, out);
                return;
            }
            if (!statement.contains("(") && !statement.contains(".")) names(word, out);
            else groovy(statement, word, out);
            return;
        }
        String first = statement.substring(0, space);
        Command command = dispatcher.findCommand(first);
        if (command instanceof ConsoleCommand c && CommandWords.isCommandLine(statement, first)) {
            List<String> words = CommandWords.split(statement);
            boolean typingNew = Character.isWhitespace(statement.charAt(statement.length() - 1));
            List<String> args = words.subList(1, typingNew ? words.size() : Math.max(1, words.size() - 1));
            c.complete(new ArrayList<>(args), word, out);
            return;
        }
        if (command != null && CommandWords.isCommandLine(statement, first)) return;
        if (java) {
            java(statement.startsWith("/java ") ? statement.substring(6) : statement, word, out);
        } else {
            groovy(statement.startsWith("/groovy ") ? statement.substring(8) : statement, word, out);
        }
    }

    private void commandNames(List<Candidate> out) {
        for (CommandGroup g : dispatcher.groups()) {
            for (Command c : g.commands()) {
                out.add(new Candidate(c.name(), c.name(), "commands", c.description(), null, null, true));
                for (String a : c.aliases()) out.add(new Candidate(a, a, "commands", c.description(), null, null, true));
            }
        }
    }

    private void groovy(String statement, String word, List<Candidate> out) {
        if (insideString(statement) && TA_NAME.matcher(statement).find()) {
            for (Ta4jCatalog.Entry e : Ta4jCatalog.get().entries()) {
                out.add(new Candidate(e.name(), e.name(), "ta4j indicators", e.signature(), null, null, false));
            }
            return;
        }
        if (insideString(statement)) {
            Completions.paths(word, p -> true, out);
            return;
        }
        Matcher m = BACKTEST.matcher(statement.substring(0, statement.length() - word.length()));
        if (m.find() && !word.contains(".")) {
            strategyParams(m.group(1), word, out);
            for (String d : workspace.datasetNames()) out.add(new Candidate(d, d, "data", null, null, null, true));
            return;
        }
        int dot = word.lastIndexOf('.');
        if (dot >= 0) {
            members(word.substring(0, dot), word.substring(0, dot + 1), out);
        } else {
            names(word, out);
        }
    }

    private void names(String word, List<Candidate> out) {
        if (workspace.groovyStarted()) {
            for (var e : workspace.groovy().variables().entrySet()) {
                out.add(new Candidate(e.getKey(), e.getKey(), "variables", describe(e.getValue()), null, null, true));
            }
        } else {
            for (String d : workspace.datasetNames()) out.add(new Candidate(d, d, "variables", "loaded data", null, null, true));
        }
        for (String w : Words.NAMES) out.add(new Candidate(w + "(", w, "functions", null, null, null, false));
        for (String w : ConsoleScript.NAMES) out.add(new Candidate(w + "(", w, "functions", null, null, null, false));
        for (String k : KEYWORDS) out.add(new Candidate(k, k, "keywords", null, null, null, true));
    }

    private static String describe(Object v) {
        if (v == null) return "null";
        if (v instanceof Dataset d) return d.symbol() + ", " + d.size() + " bars";
        return v.getClass().getSimpleName();
    }

    /** Members of the value a dotted name leads to: {@code aapl.} offers close, open, describe(), ... */
    private void members(String path, String prefix, List<Candidate> out) {
        if (!workspace.groovyStarted()) {
            Optional<Dataset> d = workspace.dataset(path);
            d.ifPresent(x -> addMembers(x.getClass(), prefix, out));
            return;
        }
        Object value = resolve(path);
        if (value != null) addMembers(value.getClass(), prefix, out);
    }

    private Object resolve(String path) {
        if (!path.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) return null;
        String[] parts = path.split("\\.");
        Object v = workspace.groovy().variable(parts[0]).orElse(null);
        try {
            for (int k = 1; k < parts.length && v != null; k++) v = InvokerHelper.getProperty(v, parts[k]);
        } catch (RuntimeException e) {
            return null;
        }
        return v;
    }

    private static void addMembers(Class<?> type, String prefix, List<Candidate> out) {
        Map<String, Candidate> byName = new TreeMap<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class || m.getName().contains("$")
                    || m.getDeclaringClass().getName().startsWith("groovy.")) continue;
            String name = m.getName();
            String property = property(m);
            if (property != null) {
                byName.putIfAbsent(property, new Candidate(prefix + property, property, "properties",
                        m.getReturnType().getSimpleName(), null, null, false));
            }
            byName.putIfAbsent(name + "()", new Candidate(prefix + name + (m.getParameterCount() == 0 ? "()" : "("),
                    name + "(" + (m.getParameterCount() == 0 ? ")" : "…)"), "methods", m.getReturnType().getSimpleName(), null, null,
                    false));
        }
        out.addAll(byName.values());
    }

    private static String property(Method m) {
        String n = m.getName();
        if (m.getParameterCount() != 0 || m.getReturnType() == void.class) return null;
        if (n.startsWith("get") && n.length() > 3 && Character.isUpperCase(n.charAt(3))) {
            return Character.toLowerCase(n.charAt(3)) + n.substring(4);
        }
        if (n.startsWith("is") && n.length() > 2 && Character.isUpperCase(n.charAt(2)) && m.getReturnType() == boolean.class) {
            return Character.toLowerCase(n.charAt(2)) + n.substring(3);
        }
        return null;
    }

    private void strategyParams(String script, String word, List<Candidate> out) {
        try {
            for (var e : service.compile(StrategyFiles.resolve(script)).defaults().entrySet()) {
                out.add(new Candidate(e.getKey() + ": ", e.getKey() + ":", "params", "default " + e.getValue(), null, null, false));
            }
        } catch (RuntimeException e) {
            // a script that does not load offers no params
        }
    }

    private void java(String statement, String word, List<Candidate> out) {
        int[] anchor = new int[1];
        List<String> continuations = workspace.java().completions(statement, statement.length(), anchor);
        int wordStart = statement.length() - word.length();
        if (anchor[0] < wordStart) return;
        String keep = word.substring(0, anchor[0] - wordStart);
        for (String c : continuations) {
            out.add(new Candidate(keep + c, c, null, null, null, null, !c.endsWith("(")));
        }
        for (String d : workspace.datasetNames()) out.add(new Candidate(d, d, "variables", "loaded data", null, null, true));
    }

    /** The text after the last top-level ';' before the cursor. */
    private static String lastStatement(String before) {
        List<String> parts = Statements.split(before + "\u0000");
        String last = parts.isEmpty() ? "" : parts.get(parts.size() - 1);
        return last.endsWith("\u0000") ? last.substring(0, last.length() - 1) : "";
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isWhitespace(s.charAt(i))) return i;
        return -1;
    }

    private static boolean insideString(String s) {
        boolean single = false, dbl = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            }
        }
        return single || dbl;
    }
}
