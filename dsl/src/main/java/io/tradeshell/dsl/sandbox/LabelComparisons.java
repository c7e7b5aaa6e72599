package io.tradeshell.dsl.sandbox;

import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.syntax.Types;

/**
 * Lets a model's label read as a comparison: {@code label: forwardReturn(5) > 0} becomes
 * {@code forwardReturn(5).above(0)} when the script compiles ({@code <} becomes {@code below}), since
 * a comparison would otherwise be a plain true or false before any bar exists.
 */
public final class LabelComparisons extends org.codehaus.groovy.control.customizers.CompilationCustomizer {
    public LabelComparisons() {
        super(CompilePhase.CANONICALIZATION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        ScriptRewrite.apply(source, classNode, e -> {
            if (!(e instanceof BinaryExpression b) || !(b.getLeftExpression() instanceof MethodCallExpression call)
                    || !call.isImplicitThis() || !"forwardReturn".equals(call.getMethodAsString())) return null;
            String word = switch (b.getOperation().getType()) {
                case Types.COMPARE_GREATER_THAN -> "above";
                case Types.COMPARE_LESS_THAN -> "below";
                default -> null;
            };
            if (word == null) return null;
            MethodCallExpression compared = new MethodCallExpression(call, word, b.getRightExpression());
            compared.setSourcePosition(b);
            return compared;
        });
    }
}
