package io.tradeshell.shell.console.groovy;

import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import java.util.Collection;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.runtime.InvokerInvocationException;
import org.codehaus.groovy.syntax.SyntaxException;

/** What Groovy throws, said in one line a researcher can act on. */
final class GroovyErrors {
    private GroovyErrors() { }

    static SnippetException compile(MultipleCompilationErrorsException e, boolean multiLine) {
        for (Message m : e.getErrorCollector().getErrors()) {
            if (m instanceof SyntaxErrorMessage s) {
                SyntaxException se = s.getCause();
                String msg = se.getOriginalMessage().replaceAll("\\s*@ line \\d+, column \\d+\\.?$", "");
                String where = multiLine ? "line " + se.getLine() + ", column " + se.getStartColumn() : "column " + se.getStartColumn();
                return new SnippetException(msg + " (" + where + ")", e);
            }
            if (m instanceof ExceptionMessage x) return new SnippetException(String.valueOf(x.getCause().getMessage()), e);
        }
        String text = e.getMessage().lines().skip(1).findFirst().orElse(e.getMessage()).trim();
        return new SnippetException(text.replaceAll("^\\S+\\.groovy: \\d+: ", ""), e);
    }

    static RuntimeException runtime(Throwable t, Collection<String> names) {
        Throwable c = unwrap(t);
        if (c instanceof SnippetException s) return s;
        String message = switch (c) {
            case MissingPropertyException p when isScriptClass(p.getType()) ->
                    "unknown name '" + p.getProperty() + "'" + suggest(p.getProperty(), names);
            case MissingPropertyException p -> p.getType().getSimpleName() + " has no property '" + p.getProperty() + "'"
                    + suggest(p.getProperty(), members(p.getType()));
            case MissingMethodException m when isScriptClass(m.getType()) ->
                    names.contains(m.getMethod()) ? "'" + m.getMethod() + "' cannot take " + args(m.getArguments())
                            : "unknown function '" + m.getMethod() + "'" + suggest(m.getMethod(), names);
            case MissingMethodException m -> m.getType().getSimpleName() + " has no method " + m.getMethod() + args(m.getArguments())
                    + suggest(m.getMethod(), members(m.getType()));
            case InterruptedException i -> "interrupted (Ctrl-C)";
            case NullPointerException n -> "a value is null" + (n.getMessage() == null ? "" : ": " + n.getMessage());
            default -> {
                String msg = c.getMessage();
                yield msg == null || msg.isBlank() ? c.getClass().getSimpleName() : msg;
            }
        };
        if (c instanceof RuntimeException r && !(c instanceof MissingPropertyException) && !(c instanceof MissingMethodException)
                && !(c instanceof NullPointerException) && c.getClass().getName().startsWith("io.tradeshell")) {
            return r;
        }
        if (c instanceof IllegalArgumentException i) return i;
        return new SnippetException(message, c);
    }

    /** Method names and getter properties of a type, for suggestions. */
    private static java.util.Set<String> members(Class<?> type) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (type == null) return out;
        for (java.lang.reflect.Method m : type.getMethods()) {
            if (m.getDeclaringClass() == Object.class) continue;
            String n = m.getName();
            out.add(n);
            if (n.startsWith("get") && n.length() > 3 && m.getParameterCount() == 0) {
                out.add(Character.toLowerCase(n.charAt(3)) + n.substring(4));
            }
        }
        return out;
    }

    private static boolean isScriptClass(Class<?> type) {
        return type != null && ConsoleScript.class.isAssignableFrom(type);
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof InvokerInvocationException || t instanceof ExceptionInInitializerError
                || t instanceof java.lang.reflect.InvocationTargetException
                || t instanceof java.lang.reflect.UndeclaredThrowableException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String args(Object[] args) {
        if (args == null || args.length == 0) return "()";
        StringBuilder b = new StringBuilder("(");
        for (int k = 0; k < args.length; k++) {
            if (k > 0) b.append(", ");
            b.append(args[k] == null ? "null" : args[k].getClass().getSimpleName());
        }
        return b.append(")").toString();
    }

    static String suggest(String name, Collection<String> names) {
        int limit = name.length() <= 3 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String w : names) {
            int d = io.tradeshell.dsl.Typos.distance(name.toLowerCase(), w.toLowerCase());
            if (d > 0 && d <= limit && d < bestDistance) {
                bestDistance = d;
                best = w;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

}
