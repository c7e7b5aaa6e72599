package io.tradeshell.dsl.sandbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.DynamicVariable;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Makes a script's parameters typed reads: each use of {@code fast} after {@code params fast: 10}
 * becomes {@code (Integer) paramValue('fast')}, in the body and inside every block, whatever the
 * block's delegate. The static checker then knows each parameter's type from its default, and
 * nothing about parameters is left to dynamic lookup.
 */
public final class ParamAccess extends CompilationCustomizer {
    private final Set<String> reserved;

    /** @param reserved names the language itself gives a meaning (bar, index, position...), never rewritten */
    public ParamAccess(Set<String> reserved) {
        super(CompilePhase.CANONICALIZATION);
        this.reserved = reserved;
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) return;
        MethodNode run = classNode.getMethod("run", Parameter.EMPTY_ARRAY);
        if (run == null) return;
        Map<String, ClassNode> params = new HashMap<>(ScriptParams.declared(run.getCode()));
        params.keySet().removeAll(reserved);
        if (params.isEmpty()) return;
        ScriptRewrite.apply(source, classNode, e -> {
            if (!(e instanceof VariableExpression v) || !(v.getAccessedVariable() instanceof DynamicVariable)
                    || !params.containsKey(v.getName())) return null;
            MethodCallExpression read = ScriptRewrite.callOnScript("paramValue", new ConstantExpression(v.getName()), v);
            ClassNode type = params.get(v.getName());
            if (type.equals(ClassHelper.OBJECT_TYPE)) return read;
            Expression typed = CastExpression.asExpression(type, read);
            typed.setSourcePosition(v);
            return typed;
        });
    }
}
