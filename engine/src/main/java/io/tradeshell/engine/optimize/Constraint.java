package io.tradeshell.engine.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A condition every combination of a sweep must meet, such as {@code fast < slow} or
 * {@code slow >= 2 * fast && stop < 10}: comparisons ({@code < <= > >= == !=}) of arithmetic
 * ({@code + - * / %}, parentheses) over parameter names and numbers, joined with {@code &&},
 * {@code ||} and {@code !} (or {@code and}, {@code or}, {@code not}).
 *
 * <p>Evaluated here in plain Java rather than as a Groovy expression: it is checked completely
 * (syntax, names, types) before any backtest starts, cannot run arbitrary code, and costs a few
 * nanoseconds per combination, so filtering a large grid is free.
 */
public final class Constraint {
    /** The constraint that every combination meets. */
    public static final Constraint NONE = new Constraint("", new Literal(true));

    private final String text;
    private final Node root;

    private Constraint(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** Parses a constraint; a blank text is {@link #NONE}. Fails with the position of a syntax error. */
    public static Constraint parse(String text) {
        if (text == null || text.isBlank()) return NONE;
        Parser p = new Parser(text);
        Node root = p.or();
        if (p.peek().kind != TokenKind.END) throw p.error("unexpected '" + p.peek().text + "'");
        return new Constraint(text.trim(), root);
    }

    public String text() { return text; }

    public boolean isNone() { return this == NONE; }

    /** The parameter names the constraint reads. */
    public List<String> names() {
        TreeSet<String> out = new TreeSet<>();
        root.names(out);
        return List.copyOf(out);
    }

    /**
     * Checks every name against the declared parameters (with their defaults, which give their
     * types): an unknown name, a text parameter, or comparing a yes/no with a number fails here.
     */
    public void check(Map<String, Object> declared) {
        if (root.kind(declared, this) != Kind.BOOL) throw error("it must be a condition, such as fast < slow");
    }

    /** Whether the combination (every parameter that the constraint names must be present) meets it. */
    public boolean test(Map<String, Object> params) {
        return root.bool(params);
    }

    IllegalArgumentException error(String message) {
        return new IllegalArgumentException("constraint '" + text + "': " + message);
    }

    @Override
    public String toString() {
        return isNone() ? "(none)" : text;
    }

    // ---- the expression tree --------------------------------------------------------------

    private enum Kind { NUM, BOOL }

    private interface Node {
        default double num(Map<String, Object> env) { throw new IllegalStateException(); }
        default boolean bool(Map<String, Object> env) { throw new IllegalStateException(); }
        Kind kind(Map<String, Object> declared, Constraint owner);
        default void names(TreeSet<String> out) { }
        /** Whether the node is a yes/no value (checked types make both sides of a comparison agree). */
        default boolean yieldsBool(Map<String, Object> env) { return false; }
    }

    private record Literal(Object value) implements Node {
        public double num(Map<String, Object> env) { return ((Number) value).doubleValue(); }
        public boolean bool(Map<String, Object> env) { return (Boolean) value; }
        public Kind kind(Map<String, Object> d, Constraint c) { return value instanceof Boolean ? Kind.BOOL : Kind.NUM; }
        public boolean yieldsBool(Map<String, Object> env) { return value instanceof Boolean; }
    }

    private record Name(String name) implements Node {
        public double num(Map<String, Object> env) { return ((Number) value(env)).doubleValue(); }
        public boolean bool(Map<String, Object> env) { return (Boolean) value(env); }

        private Object value(Map<String, Object> env) {
            Object v = env.get(name);
            if (v == null) throw new IllegalArgumentException("constraint needs a value for param '" + name + "'");
            return v;
        }

        public Kind kind(Map<String, Object> declared, Constraint c) {
            if (!declared.containsKey(name)) {
                throw c.error("unknown param '" + name + "' (" + (declared.isEmpty() ? "the script has no params" : "params: " + String.join(", ", declared.keySet())) + ")");
            }
            Object v = declared.get(name);
            if (v instanceof Number) return Kind.NUM;
            if (v instanceof Boolean) return Kind.BOOL;
            throw c.error("param '" + name + "' is text; a constraint compares numbers");
        }

        public void names(TreeSet<String> out) { out.add(name); }
        public boolean yieldsBool(Map<String, Object> env) { return env.get(name) instanceof Boolean; }
    }

    private record Arithmetic(char op, Node a, Node b) implements Node {
        public double num(Map<String, Object> env) {
            double x = a.num(env), y = b.num(env);
            return switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                case '/' -> x / y;
                default -> x % y;
            };
        }

        public Kind kind(Map<String, Object> d, Constraint c) {
            need(a, Kind.NUM, d, c, "'" + op + "' needs numbers");
            need(b, Kind.NUM, d, c, "'" + op + "' needs numbers");
            return Kind.NUM;
        }

        public void names(TreeSet<String> out) { a.names(out); b.names(out); }
    }

    private record Negate(Node a) implements Node {
        public double num(Map<String, Object> env) { return -a.num(env); }
        public Kind kind(Map<String, Object> d, Constraint c) { return need(a, Kind.NUM, d, c, "'-' needs a number"); }
        public void names(TreeSet<String> out) { a.names(out); }
    }

    private record Compare(String op, Node a, Node b) implements Node {
        public boolean yieldsBool(Map<String, Object> env) { return true; }

        public boolean bool(Map<String, Object> env) {
            if (a.yieldsBool(env)) {
                boolean x = a.bool(env), y = b.bool(env);
                return op.equals("==") == (x == y);
            }
            double x = a.num(env), y = b.num(env);
            return switch (op) {
                case "<" -> x < y;
                case "<=" -> x <= y;
                case ">" -> x > y;
                case ">=" -> x >= y;
                case "==" -> x == y;
                default -> x != y;
            };
        }

        public Kind kind(Map<String, Object> d, Constraint c) {
            Kind x = a.kind(d, c), y = b.kind(d, c);
            if (x != y) throw c.error("'" + op + "' compares a number with a yes/no value");
            if (x == Kind.BOOL && !(op.equals("==") || op.equals("!="))) throw c.error("'" + op + "' needs numbers");
            return Kind.BOOL;
        }

        public void names(TreeSet<String> out) { a.names(out); b.names(out); }
    }

    private record Logic(boolean and, Node a, Node b) implements Node {
        public boolean yieldsBool(Map<String, Object> env) { return true; }

        public boolean bool(Map<String, Object> env) { return and ? a.bool(env) && b.bool(env) : a.bool(env) || b.bool(env); }

        public Kind kind(Map<String, Object> d, Constraint c) {
            String word = and ? "'&&'" : "'||'";
            need(a, Kind.BOOL, d, c, word + " joins conditions, such as fast < slow");
            need(b, Kind.BOOL, d, c, word + " joins conditions, such as fast < slow");
            return Kind.BOOL;
        }

        public void names(TreeSet<String> out) { a.names(out); b.names(out); }
    }

    private record Not(Node a) implements Node {
        public boolean yieldsBool(Map<String, Object> env) { return true; }

        public boolean bool(Map<String, Object> env) { return !a.bool(env); }
        public Kind kind(Map<String, Object> d, Constraint c) { return need(a, Kind.BOOL, d, c, "'!' needs a condition"); }
        public void names(TreeSet<String> out) { a.names(out); }
    }

    private static Kind need(Node n, Kind want, Map<String, Object> d, Constraint c, String message) {
        if (n.kind(d, c) != want) throw c.error(message);
        return want;
    }

    // ---- the parser -----------------------------------------------------------------------

    private enum TokenKind { NUMBER, NAME, OP, END }

    private record Token(TokenKind kind, String text, int at) { }

    private static final class Parser {
        private final String source;
        private final List<Token> tokens = new ArrayList<>();
        private int next;

        Parser(String source) {
            this.source = source;
            tokenize();
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException("constraint '" + source.trim() + "': " + message + " at position " + (peek().at + 1));
        }

        private void tokenize() {
            int i = 0, n = source.length();
            while (i < n) {
                char c = source.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(source.charAt(i + 1)))) {
                    int start = i;
                    while (i < n && (Character.isDigit(source.charAt(i)) || source.charAt(i) == '.')) i++;
                    tokens.add(new Token(TokenKind.NUMBER, source.substring(start, i), start));
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')) i++;
                    String word = source.substring(start, i);
                    switch (word) {
                        case "and" -> tokens.add(new Token(TokenKind.OP, "&&", start));
                        case "or" -> tokens.add(new Token(TokenKind.OP, "||", start));
                        case "not" -> tokens.add(new Token(TokenKind.OP, "!", start));
                        default -> tokens.add(new Token(TokenKind.NAME, word, start));
                    }
                } else {
                    String two = i + 1 < n ? source.substring(i, i + 2) : "";
                    if (List.of("<=", ">=", "==", "!=", "&&", "||").contains(two)) {
                        tokens.add(new Token(TokenKind.OP, two, i));
                        i += 2;
                    } else if ("<>+-*/%()!".indexOf(c) >= 0) {
                        tokens.add(new Token(TokenKind.OP, String.valueOf(c), i));
                        i++;
                    } else {
                        String hint = c == '=' ? " (use == to compare)" : c == '&' || c == '|' ? " (use && or ||)" : "";
                        throw new IllegalArgumentException("constraint '" + source.trim() + "': unexpected '" + c + "' at position " + (i + 1) + hint);
                    }
                }
            }
            tokens.add(new Token(TokenKind.END, "end", n));
        }

        Token peek() { return tokens.get(next); }

        private boolean accept(String op) {
            Token t = peek();
            if (t.kind == TokenKind.OP && t.text.equals(op)) {
                next++;
                return true;
            }
            return false;
        }

        Node or() {
            Node n = and();
            while (accept("||")) n = new Logic(false, n, and());
            return n;
        }

        private Node and() {
            Node n = not();
            while (accept("&&")) n = new Logic(true, n, not());
            return n;
        }

        private Node not() {
            if (accept("!")) return new Not(not());
            return compare();
        }

        private Node compare() {
            Node a = sum();
            for (String op : List.of("<=", ">=", "==", "!=", "<", ">")) {
                if (accept(op)) {
                    Node b = sum();
                    Token t = peek();
                    if (t.kind == TokenKind.OP && List.of("<=", ">=", "==", "!=", "<", ">").contains(t.text)) {
                        throw error("chained comparison; write a < b && b < c");
                    }
                    return new Compare(op, a, b);
                }
            }
            return a;
        }

        private Node sum() {
            Node n = term();
            while (true) {
                if (accept("+")) n = new Arithmetic('+', n, term());
                else if (accept("-")) n = new Arithmetic('-', n, term());
                else return n;
            }
        }

        private Node term() {
            Node n = unary();
            while (true) {
                if (accept("*")) n = new Arithmetic('*', n, unary());
                else if (accept("/")) n = new Arithmetic('/', n, unary());
                else if (accept("%")) n = new Arithmetic('%', n, unary());
                else return n;
            }
        }

        private Node unary() {
            if (accept("-")) return new Negate(unary());
            return primary();
        }

        private Node primary() {
            Token t = peek();
            if (accept("(")) {
                Node n = or();
                if (!accept(")")) throw error("missing ')'");
                return n;
            }
            if (t.kind == TokenKind.NUMBER) {
                next++;
                try {
                    return new Literal(Double.parseDouble(t.text));
                } catch (NumberFormatException e) {
                    throw error("'" + t.text + "' is not a number");
                }
            }
            if (t.kind == TokenKind.NAME) {
                next++;
                if (t.text.equals("true") || t.text.equals("false")) return new Literal(Boolean.parseBoolean(t.text));
                return new Name(t.text);
            }
            throw error(t.kind == TokenKind.END ? "expected a number or a param name at the end" : "expected a number or a param name, got '" + t.text + "'");
        }
    }
}
