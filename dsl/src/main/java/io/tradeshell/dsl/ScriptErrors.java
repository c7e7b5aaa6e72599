package io.tradeshell.dsl;

import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import java.util.Collection;
import java.util.List;
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
            "position", "cash", "equity", "bar", "index", "time", "entryPrice", "cancel", "cancelAll", "orders");

    private ScriptErrors() { }

    static ScriptException compileError(String scriptName, MultipleCompilationErrorsException e) {
        for (Message m : e.getErrorCollector().getErrors()) {
            if (m instanceof SyntaxErrorMessage s) {
                SyntaxException se = s.getCause();
                String msg = se.getOriginalMessage().replaceAll("\\s*@ line \\d+, column \\d+\\.?$", "");
                return new ScriptException(scriptName, se.getLine(), msg, null);
            }
        }
        return new ScriptException(scriptName, 0, e.getMessage().lines().skip(1).findFirst().orElse(e.getMessage()).trim(), e);
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
        if (t instanceof MissingMethodException m) {
            String hint = suggest(m.getMethod(), knownNames);
            boolean exists = WORDS.contains(m.getMethod());
            return exists ? "'" + m.getMethod() + "' cannot take " + args(m.getArguments())
                    : "unknown function '" + m.getMethod() + "'" + hint;
        }
        if (t instanceof MissingPropertyException p) {
            return "unknown name '" + p.getProperty() + "'" + suggest(p.getProperty(), knownNames);
        }
        if (t instanceof IndexOutOfBoundsException && String.valueOf(t.getMessage()).contains("has not closed yet")) {
            // In the body nothing has closed yet; in a block the script reached past the bar it is on.
            return where.isEmpty() ? "no bar has closed when the script body runs: read values inside onBar { }"
                    : "read a future bar in " + (where.startsWith("at tick") ? "onTick" : "onBar") + ": " + t.getMessage()
                    + "; only bars closed so far can be read";
        }
        if (t instanceof NullPointerException) return "a value is null" + (t.getMessage() == null ? "" : ": " + t.getMessage());
        if (t instanceof InterruptedException) return "interrupted";
        String msg = t.getMessage();
        return msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg;
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

    private static String suggest(String name, Collection<String> extra) {
        String best = null;
        int bestDistance = 3;
        for (Collection<String> pool : List.of(WORDS, extra)) {
            for (String w : pool) {
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
