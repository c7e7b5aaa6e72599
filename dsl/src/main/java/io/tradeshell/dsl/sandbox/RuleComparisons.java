package io.tradeshell.dsl.sandbox;

import java.util.Optional;
import java.util.Set;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.NotExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.SyntaxException;
import org.codehaus.groovy.syntax.Types;

/**
 * Lets a rule read as a comparison: where a rule is expected (the rule of {@code buyWhen},
 * {@code sellWhen}, {@code shortWhen}, {@code coverWhen}, and what {@code and}, {@code or} and
 * {@code not} combine), {@code prob('dir') > 0.6} becomes {@code over(prob('dir'), 0.6)},
 * {@code <} becomes {@code under}, and {@code &&}, {@code ||} and {@code !} become {@code and},
 * {@code or} and {@code not}. There a comparison would otherwise be a plain true or false, taken
 * once before any bar exists, which no rule accepts; so no script that compiled before changes.
 * A comparison kept in a variable in the script body ({@code def e = prob('dir') > 0.6}) is a rule
 * too when a side is an indicator, and the plain comparison otherwise.
 */
public final class RuleComparisons extends CompilationCustomizer {
    private static final Set<String> TAKING_RULES = Set.of("buyWhen", "sellWhen", "shortWhen", "coverWhen", "and", "or", "not");

    public RuleComparisons() {
        super(CompilePhase.CANONICALIZATION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (classNode.isScript()) keptInVariables(classNode);
        ScriptRewrite.apply(source, classNode, e -> {
            if (!(e instanceof MethodCallExpression call) || !call.isImplicitThis() || !TAKING_RULES.contains(call.getMethodAsString())
                    || !(call.getArguments() instanceof TupleExpression args)) return null;
            boolean changed = false;
            TupleExpression rules = args instanceof ArgumentListExpression ? new ArgumentListExpression() : new TupleExpression();
            for (Expression a : args.getExpressions()) {
                Expression r = a instanceof MapExpression ? a : rule(a, source);
                changed |= r != a;
                rules.addExpression(r);
            }
            if (!changed) return null;
            rules.setSourcePosition(args);
            MethodCallExpression rewritten = new MethodCallExpression(call.getObjectExpression(), call.getMethod(), rules);
            rewritten.setImplicitThis(true);
            rewritten.setSourcePosition(call);
            return rewritten;
        });
    }

    /**
     * {@code def e = a > b} (or {@code e = a < b}) in the script body, run once before any bar:
     * becomes {@code greaterThan(a, b)} ({@code lessThan}), a rule when a side is an indicator and
     * the plain comparison otherwise, chosen by the sides' types when the script is checked.
     */
    private static void keptInVariables(ClassNode script) {
        MethodNode run = script.getDeclaredMethod("run", Parameter.EMPTY_ARRAY);
        if (run != null) keptInVariables(run.getCode());
    }

    /** The body's own statements, and those of the blocks it is wrapped in (a transform's), not those of ifs, loops or closures. */
    private static void keptInVariables(Statement statement) {
        if (!(statement instanceof BlockStatement body)) return;
        for (Statement st : body.getStatements()) {
            keptInVariables(st);
            if (!(st instanceof ExpressionStatement es) || !(es.getExpression() instanceof BinaryExpression assign)
                    || assign.getOperation().getType() != Types.EQUAL || !(assign.getRightExpression() instanceof BinaryExpression b)) continue;
            String word = switch (b.getOperation().getType()) {
                case Types.COMPARE_GREATER_THAN -> "greaterThan";
                case Types.COMPARE_LESS_THAN -> "lessThan";
                default -> null;
            };
            if (word != null) assign.setRightExpression(call(word, b, b.getLeftExpression(), b.getRightExpression()));
        }
    }

    /** {@code e} as a rule where it is a comparison or a combination of them; otherwise {@code e} itself. */
    private static Expression rule(Expression e, SourceUnit source) {
        if (e instanceof NotExpression not) return call("not", e, rule(not.getExpression(), source));
        if (!(e instanceof BinaryExpression b)) return e;
        return switch (b.getOperation().getType()) {
            case Types.COMPARE_GREATER_THAN -> call("over", e, b.getLeftExpression(), b.getRightExpression());
            case Types.COMPARE_LESS_THAN -> call("under", e, b.getLeftExpression(), b.getRightExpression());
            case Types.LOGICAL_AND -> call("and", e, rule(b.getLeftExpression(), source), rule(b.getRightExpression(), source));
            case Types.LOGICAL_OR -> call("or", e, rule(b.getLeftExpression(), source), rule(b.getRightExpression(), source));
            case Types.COMPARE_GREATER_THAN_EQUAL, Types.COMPARE_LESS_THAN_EQUAL, Types.COMPARE_EQUAL, Types.COMPARE_NOT_EQUAL -> {
                source.getErrorCollector().addErrorAndContinue(new SyntaxException("a rule compares with > or < (over, under); '"
                        + b.getOperation().getText() + "' is not a rule: values that move bar by bar are seldom exactly equal",
                        b.getLineNumber(), b.getColumnNumber()), source);
                yield e;
            }
            default -> e;
        };
    }

    /**
     * Why comparison {@code b} cannot stand where it is, when one side is an indicator or a rule:
     * outside the places a rule is expected it would be compared once, before any bar, so the
     * script is told to write the rule's word. Empty for comparisons of plain values.
     */
    public static Optional<String> outsideRule(BinaryExpression b, ClassNode left, ClassNode right) {
        int op = b.getOperation().getType();
        boolean ruleLike = isA(left, INDICATOR) || isA(right, INDICATOR) || isA(left, RULE) || isA(right, RULE);
        if (!ruleLike) return Optional.empty();
        return switch (op) {
            case Types.COMPARE_GREATER_THAN, Types.COMPARE_LESS_THAN -> Optional.of(comparisonOutsideRule());
            case Types.LOGICAL_AND -> Optional.of(joinOutsideRule("&&", "and(a, b) for a && b"));
            case Types.LOGICAL_OR -> Optional.of(joinOutsideRule("||", "or(a, b) for a || b"));
            default -> Optional.empty();
        };
    }

    private static final String WHERE_RULES = "only where a rule is expected (buyWhen, sellWhen, shortWhen, coverWhen, and, or, not)";

    /** Why {@code >} or {@code <} with an indicator on a side cannot stand where it is, and what to write. */
    public static String comparisonOutsideRule() {
        return "'>' or '<' with an indicator on a side makes a rule " + WHERE_RULES + " or kept in a def of the script body;"
                + " here write over(a, b) for a > b, under(a, b) for a < b, or compare their values: a.value > b.value";
    }

    private static String joinOutsideRule(String operator, String write) {
        return "'" + operator + "' between rules makes a rule " + WHERE_RULES + "; here it would be one true or false taken once: write " + write;
    }

    private static final String INDICATOR = "io.tradeshell.engine.indicators.Indicator";
    private static final String RULE = "io.tradeshell.engine.rules.Rule";

    private static boolean isA(ClassNode t, String name) {
        if (t == null) return false;
        for (ClassNode c = t; c != null; c = c.getSuperClass()) {
            if (c.getName().equals(name)) return true;
            for (ClassNode i : c.getAllInterfaces()) if (i.getName().equals(name)) return true;
        }
        return false;
    }

    private static MethodCallExpression call(String word, Expression at, Expression... arguments) {
        return ScriptRewrite.callOnScript(word, new ArgumentListExpression(arguments), at);
    }
}
