package io.tradeshell.dsl;

import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.runtime.InvokerInvocationException;
import org.codehaus.groovy.syntax.SyntaxException;

/** Turns what Groovy throws into a {@link ScriptException} naming the script line, in plain words. */
final class ScriptErrors {
    private static final List<String> WORDS = List.of("title", "params", "sma", "ema", "wma", "rsi", "macd", "bollinger",
            "atr", "stddev", "highest", "lowest", "roc", "obv", "vwap", "previous", "constant", "crossedOver", "crossedUnder",
            "over", "under", "rising", "falling", "and", "or", "not", "buyWhen", "sellWhen", "shortWhen", "coverWhen",
            "stopLoss", "takeProfit", "trailingStop", "onBar", "onTick", "close", "open", "high", "low", "volume", "bars",
            "symbol", "buy", "sell", "sellShort", "cover", "flatten", "buyLimit", "sellLimit", "buyStop", "sellStop",
            "position", "cash", "equity", "bar", "index", "time", "entryPrice", "cancel", "cancelAll", "orders", "price", "timeframe", "on", "indicator");

    private static final String BLOCKS = "inside onBar { } and onTick { }";
    /** Words that exist only in some places of a script, and where they are. */
    private static final Map<String, String> PLACES = places();

    private static Map<String, String> places() {
        Map<String, String> m = new HashMap<>();
        for (String w : List.of("bar", "index", "time", "orders", "flat", "params")) m.put(w, BLOCKS);
        for (String w : List.of("buy", "sell", "sellShort", "cover", "flatten", "buyLimit", "sellLimit", "buyStop", "sellStop",
                "buyStopLimit", "sellStopLimit", "cancel", "cancelAll")) {
            m.put(w, BLOCKS + " (in the script body, entries and exits are declared with buyWhen, sellWhen, shortWhen, coverWhen)");
        }
        m.put("price", "inside a sizing expression such as qty: { equity * 0.01 / price } (as a number: the decision bar's close),"
                + " and as onTick's argument; in rules use close");
        return Map.copyOf(m);
    }

    private ScriptErrors() { }

    /** As {@link #compileError(String, MultipleCompilationErrorsException)}, a missing closing bracket blamed on the line that opened it. */
    static ScriptException compileError(String scriptName, String source, MultipleCompilationErrorsException e) {
        ScriptException plain = compileError(scriptName, e);
        var missing = java.util.regex.Pattern.compile("Missing '([)\\]}])'").matcher(plain.getMessage());
        if (!missing.find()) return plain;
        char closer = missing.group(1).charAt(0);
        var opened = UnclosedBrackets.lineOfOpener(source, closer);
        if (opened.isEmpty()) return plain;
        char opener = closer == ')' ? '(' : closer == ']' ? '[' : '{';
        return new ScriptException(scriptName, opened.getAsInt(), "missing '" + closer + "': the '" + opener + "' on this line is never closed", e);
    }

    static ScriptException compileError(String scriptName, MultipleCompilationErrorsException e) {
        SyntaxException first = null;
        for (Message m : e.getErrorCollector().getErrors()) {
            if (m instanceof SyntaxErrorMessage s && (first == null || s.getCause().getLine() < first.getLine())) first = s.getCause();
        }
        if (first != null) {
            String msg = first.getOriginalMessage().replaceAll("\\s*@ line \\d+, column \\d+\\.?$", "");
            return new ScriptException(scriptName, first.getLine(), plain(msg), null);
        }
        return new ScriptException(scriptName, 0, e.getMessage().lines().skip(1).findFirst().orElse(e.getMessage()).trim(), e);
    }

    /** An indicator's or a rule's type, by its package. */
    private static final java.util.regex.Pattern COMPARED_RULE = java.util.regex.Pattern.compile("io\\.tradeshell\\.engine\\.(indicators|rules|learning)\\.");

    /** The static checker's wording, in the words a script's author knows. */
    private static String plain(String message) {
        String m = message.replace("[Static type checking] - ", "").trim();
        if (m.contains("#compareTo(") && COMPARED_RULE.matcher(m).find()) {
            // the checker's reading of '>' or '<' with an indicator on one side, outside a rule
            return io.tradeshell.dsl.sandbox.RuleComparisons.comparisonOutsideRule();
        }
        var undeclared = java.util.regex.Pattern.compile("The variable \\[(\\w+)\\] is undeclared\\.?").matcher(m);
        if (undeclared.matches()) {
            String name = undeclared.group(1);
            if (PLACES.containsKey(name)) return "'" + name + "' is available " + PLACES.get(name) + ", not in the script body";
            return "unknown name '" + name + "'" + suggest(name, List.of());
        }
        var missing = java.util.regex.Pattern.compile("Cannot find matching (?:static )?method ([\\w.$]+)#(\\w+)\\((.*)\\)\\..*", java.util.regex.Pattern.DOTALL).matcher(m);
        if (missing.matches()) {
            String name = missing.group(2);
            String args = missing.group(3).isEmpty() ? "no arguments" : "(" + simpleNames(missing.group(3)) + ")";
            boolean onScriptBody = !missing.group(1).contains(".") || missing.group(1).startsWith("io.tradeshell.dsl.");
            if (onScriptBody && PLACES.containsKey(name)) return "'" + name + "' is available " + PLACES.get(name) + ", not in the script body";
            if (WORDS.contains(name)) return "'" + name + "' cannot take " + args;
            String owner = missing.group(1);
            boolean onScript = !owner.contains(".") || owner.startsWith("io.tradeshell.dsl.");
            return onScript ? "unknown function '" + name + "'" + suggest(name, List.of())
                    : "'" + name + "' is not a method of " + simpleNames(owner) + " taking " + args;
        }
        var property = java.util.regex.Pattern.compile("No such property: (\\w+) for class: ([\\w.$]+)").matcher(m);
        if (property.find()) return "unknown name '" + property.group(1) + "' on " + simpleNames(property.group(2)) + memberHint(property.group(2), property.group(1));
        return m;
    }

    private static String simpleNames(String types) {
        return types.replaceAll("(?:[a-z_][\\w]*\\.)+([A-Z])", "$1").replaceAll("<[^<>]*>", "");
    }

    /** A failure while the script body or one of its blocks ran; {@code where} is appended (the bar) if not empty. */
    static ScriptException runtimeError(String scriptName, Throwable t, Collection<String> knownNames, String where) {
        Throwable cause = unwrap(t);
        if (cause instanceof ScriptException se) return se;
        int line = lineIn(cause, scriptName);
        String message = describe(cause, knownNames, where);
        return new ScriptException(scriptName, line, where.isEmpty() ? message : message + " (" + where + ")", cause);
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof InvokerInvocationException || t instanceof ExceptionInInitializerError
                || t instanceof java.lang.reflect.InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static int lineIn(Throwable t, String scriptName) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            for (StackTraceElement e : c.getStackTrace()) {
                if (scriptName.equals(e.getFileName()) && e.getLineNumber() > 0) return e.getLineNumber();
            }
        }
        return 0;
    }

    private static String describe(Throwable t, Collection<String> knownNames, String where) {
        boolean inBody = where.isEmpty();
        if (t instanceof MissingMethodException m && inBody && PLACES.containsKey(m.getMethod()) && isScriptWord(m.getType())) {
            return "'" + m.getMethod() + "' is available " + PLACES.get(m.getMethod()) + ", not in the script body";
        }
        if (t instanceof MissingPropertyException p && PLACES.containsKey(p.getProperty()) && isScriptWord(p.getType())) {
            return "'" + p.getProperty() + "' is available " + PLACES.get(p.getProperty()) + (inBody ? ", not in the script body" : "");
        }
        if (t instanceof MissingMethodException m) {
            String hint = suggest(m.getMethod(), knownNames);
            boolean exists = WORDS.contains(m.getMethod());
            return exists ? "'" + m.getMethod() + "' cannot take " + args(m.getArguments())
                    : "unknown function '" + m.getMethod() + "'" + hint;
        }
        if (t instanceof MissingPropertyException p && p.getType() != null && !isScriptWord(p.getType())) {
            return "unknown name '" + p.getProperty() + "' on " + p.getType().getSimpleName() + memberHint(p.getType().getName(), p.getProperty());
        }
        if (t instanceof MissingPropertyException p) {
            return "unknown name '" + p.getProperty() + "'" + suggest(p.getProperty(), knownNames);
        }
        if (t instanceof IndexOutOfBoundsException && String.valueOf(t.getMessage()).contains("has not closed yet")) {
            // In the body nothing has closed yet; in a block the script reached past the bar it is on.
            return where.isEmpty() ? "no bar has closed when the script body runs: read values inside onBar { }"
                    : "read a future bar in " + block(where) + ": " + t.getMessage() + "; only bars closed so far can be read";
        }
        if (t instanceof NullPointerException) return "a value is null" + (t.getMessage() == null ? "" : ": " + t.getMessage());
        if (t instanceof InterruptedException) return "interrupted";
        String msg = t.getMessage();
        return msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg;
    }

    /** The block a failure's {@code where} names: a custom indicator's, the portfolio section, onTick or onBar. */
    private static String block(String where) {
        if (where.startsWith("in indicator '")) return "indicator '" + where.substring(14, where.indexOf('\'', 14)) + "'";
        if (where.startsWith("in portfolio")) return "the portfolio section";
        return where.startsWith("at tick") ? "onTick" : "onBar";
    }

    /** Whether a missing name was looked up as a word of the script (not as a field of some value, like bar.time). */
    private static boolean isScriptWord(Class<?> receiver) {
        return receiver == null || StrategyScript.class.isAssignableFrom(receiver) || receiver == BarScope.class || receiver == SizingScope.class;
    }

    private static String args(Object[] args) {
        if (args.length == 0) return "no arguments";
        StringBuilder b = new StringBuilder("(");
        for (int k = 0; k < args.length; k++) {
            if (k > 0) b.append(", ");
            b.append(args[k] == null ? "null" : args[k].getClass().getSimpleName());
        }
        return b.append(")").toString();
    }

    /**
     * A hint for a name read off a value: {@code bar.time} is the method {@code bar.time()}; else
     * the value's members that are close to the name or contain it ({@code openTime}).
     */
    static String memberHint(String className, String name) {
        Class<?> owner;
        try {
            owner = Class.forName(className, false, ScriptErrors.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return suggest(name, List.of());
        }
        java.util.SortedSet<String> members = new java.util.TreeSet<>();
        for (java.lang.reflect.Method m : owner.getMethods()) {
            if (m.getDeclaringClass() == Object.class || m.getParameterCount() != 0 || m.getReturnType() == void.class) continue;
            if (m.getName().equals(name)) return " ('" + name + "' is a method of " + owner.getSimpleName() + ": write " + name + "())";
            members.add(m.getName());
        }
        List<String> close = members.stream().filter(m -> !m.equals(name)
                && (m.toLowerCase().contains(name.toLowerCase()) || Typos.distance(name.toLowerCase(), m.toLowerCase()) < 3)).toList();
        return close.isEmpty() ? "" : " (did you mean " + String.join(" or ", close.stream().map(m -> "'" + m + "'").toList()) + "?)";
    }

    private static String suggest(String name, Collection<String> extra) {
        String best = null;
        int bestDistance = 3;
        for (Collection<String> pool : List.of(WORDS, extra)) {
            for (String w : pool) {
                if (w.equals(name)) continue;   // the word itself is no hint
                int d = Typos.distance(name.toLowerCase(), w.toLowerCase());
                if (d < bestDistance) {
                    bestDistance = d;
                    best = w;
                }
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }
}
