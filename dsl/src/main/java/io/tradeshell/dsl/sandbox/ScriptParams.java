package io.tradeshell.dsl.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.UnaryMinusExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;

/** The parameters a script body declares ({@code params fast: 10, label: 'x'}), typed by their defaults. */
final class ScriptParams {
    private ScriptParams() { }

    static Map<String, ClassNode> declared(Statement code) {
        Map<String, ClassNode> out = new LinkedHashMap<>();
        collect(code, out);
        return out;
    }

    private static void collect(Statement code, Map<String, ClassNode> out) {
        if (!(code instanceof BlockStatement block)) return;
        for (Statement s : block.getStatements()) {
            if (s instanceof BlockStatement nested) collect(nested, out); // the interrupt checks wrap the body in a block
            if (!(s instanceof ExpressionStatement es) || !(es.getExpression() instanceof MethodCallExpression call)) continue;
            if (!call.isImplicitThis() || !"params".equals(call.getMethodAsString())) continue;
            if (!(call.getArguments() instanceof TupleExpression args)) continue;
            for (Expression arg : args.getExpressions()) {
                if (arg instanceof MapExpression map) {
                    for (MapEntryExpression e : map.getMapEntryExpressions()) {
                        if (e.getKeyExpression() instanceof ConstantExpression key) out.put(key.getText(), literalType(e.getValueExpression()));
                    }
                }
            }
        }
    }

    private static ClassNode literalType(Expression value) {
        Expression v = value instanceof UnaryMinusExpression minus ? minus.getExpression() : value;
        if (v instanceof ConstantExpression c && c.getValue() != null) return ClassHelper.getWrapper(c.getType());
        if (v instanceof ListExpression) return ClassHelper.LIST_TYPE.getPlainNodeReference();
        if (v instanceof MapExpression) return ClassHelper.MAP_TYPE.getPlainNodeReference();
        return ClassHelper.OBJECT_TYPE;
    }
}
