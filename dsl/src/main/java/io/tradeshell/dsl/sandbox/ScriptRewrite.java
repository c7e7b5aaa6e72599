package io.tradeshell.dsl.sandbox;

import java.util.function.Function;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.control.SourceUnit;

/**
 * Rewrites a script's expressions before it is type-checked, closures' bodies included (a plain
 * transformer leaves them alone): {@code rewrite} returns the replacement, or null to go on down.
 */
final class ScriptRewrite {
    private ScriptRewrite() { }

    static void apply(SourceUnit source, ClassNode classNode, Function<Expression, Expression> rewrite) {
        new ClassCodeExpressionTransformer() {
            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            public Expression transform(Expression e) {
                if (e instanceof ClosureExpression c) {
                    c.getCode().visit(this);
                    return c;
                }
                Expression replaced = rewrite.apply(e);
                if (replaced == null) return super.transform(e);
                // what the replacement wraps (a closure, say) is rewritten too
                replaced.visit(this);
                return replaced;
            }
        }.visitClass(classNode);
    }

    /** {@code name(argument)} on the script itself, placed where {@code at} was written. */
    static MethodCallExpression callOnScript(String name, Expression argument, Expression at) {
        MethodCallExpression call = new MethodCallExpression(VariableExpression.THIS_EXPRESSION, name, argument);
        call.setImplicitThis(true);
        call.setSourcePosition(at);
        return call;
    }
}
