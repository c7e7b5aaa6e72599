package io.tradeshell.dsl.sandbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.syntax.Types;
import org.codehaus.groovy.transform.stc.AbstractTypeCheckingExtension;
import org.codehaus.groovy.transform.stc.StaticTypeCheckingVisitor;
import org.codehaus.groovy.transform.stc.StaticTypesMarker;

/**
 * The type-checking extension every sandboxed strategy script is statically compiled with. Each
 * method the type checker selects (calls, constructors, operators, Groovy's added methods) is
 * checked against {@link SandboxPolicy}; after a class is checked, its properties, casts, class
 * literals and method pointers are too. Script parameters ({@code params fast: 10}) become typed
 * variables read from the run's binding, the only dynamic access left, on the script itself.
 */
public final class StrategySandbox extends AbstractTypeCheckingExtension {
    private final Map<String, ClassNode> params = new HashMap<>();
    private ClassNode scriptClass;

    public StrategySandbox(StaticTypeCheckingVisitor visitor) {
        super(visitor);
    }

    @Override
    public boolean beforeVisitClass(ClassNode node) {
        if (node.isScript() && scriptClass == null) {
            scriptClass = node;
            MethodNode run = node.getMethod("run", org.codehaus.groovy.ast.Parameter.EMPTY_ARRAY);
            if (run != null) params.putAll(ScriptParams.declared(run.getCode()));
        }
        return false;
    }

    /** A parameter ParamAccess left alone because a block word has its name ({@code params index: 3}), read in the body. */
    @Override
    public boolean handleUnresolvedVariableExpression(VariableExpression vexp) {
        ClassNode type = params.get(vexp.getName());
        if (type == null) return false;
        makeDynamic(vexp, type);
        return true;
    }

    @Override
    public void onMethodSelection(Expression call, MethodNode node) {
        if (node == null) return;
        Optional<String> refusal = SandboxPolicy.refuseCall(node, scriptClass);
        refusal.ifPresent(r -> addStaticTypeError(r, call));
    }

    @Override
    public void afterVisitClass(ClassNode node) {
        new Inspector(node).visitClass(node);
    }

    /** Walks a type-checked class for what method selection does not see. */
    private final class Inspector extends ClassCodeVisitorSupport {
        private final ClassNode owner;

        Inspector(ClassNode owner) {
            this.owner = owner;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return owner.getModule() == null ? null : owner.getModule().getContext();
        }

        @Override
        public void visitPropertyExpression(PropertyExpression p) {
            String name = p.getPropertyAsString();
            if (name != null && SandboxPolicy.forbiddenProperty(name)) refuse(SandboxPolicy.forbidden(name), p);
            else {
                ClassNode receiver = receiverType(p.getObjectExpression());
                if (receiver != null) SandboxPolicy.refuseType(receiver).ifPresent(r -> refuse(r, p));
            }
            super.visitPropertyExpression(p);
        }

        @Override
        public void visitAttributeExpression(AttributeExpression a) {
            refuse("direct field access (.@) is not allowed in a strategy script", a);
            super.visitAttributeExpression(a);
        }

        @Override
        public void visitVariableExpression(VariableExpression v) {
            if (SandboxPolicy.forbiddenProperty(v.getName()) && !v.isThisExpression() && !v.isSuperExpression()
                    && !(v.getAccessedVariable() instanceof VariableExpression) && !(v.getAccessedVariable() instanceof org.codehaus.groovy.ast.Parameter)) {
                refuse(SandboxPolicy.forbidden(v.getName()), v);
            }
            super.visitVariableExpression(v);
        }

        @Override
        public void visitCastExpression(CastExpression c) {
            SandboxPolicy.refuseType(c.getType()).ifPresent(r -> refuse(r, c));
            super.visitCastExpression(c);
        }

        @Override
        public void visitClassExpression(ClassExpression c) {
            SandboxPolicy.refuseType(c.getType()).ifPresent(r -> refuse(r, c));
            super.visitClassExpression(c);
        }

        @Override
        public void visitConstructorCallExpression(ConstructorCallExpression c) {
            if (c.isUsingAnonymousInnerClass()) refuse("classes are not allowed in a strategy script; use a method (def name(args) { ... })", c);
            else SandboxPolicy.refuseType(c.getType()).ifPresent(r -> refuse(r, c));
            super.visitConstructorCallExpression(c);
        }

        @Override
        public void visitMethodPointerExpression(MethodPointerExpression m) {
            refuse("method pointers (.& and ::) are not allowed in a strategy script; use a closure", m);
            super.visitMethodPointerExpression(m);
        }

        @Override
        public void visitMethodCallExpression(MethodCallExpression call) {
            if (call.getNodeMetaData(StaticTypesMarker.DYNAMIC_RESOLUTION) != null) {
                refuse("'" + call.getMethodAsString() + "' cannot be checked statically, so it is not allowed in a strategy script", call);
            }
            super.visitMethodCallExpression(call);
        }

        @Override
        public void visitBinaryExpression(BinaryExpression b) {
            // object[name] on a plain Object is Groovy's dynamic property access, which reaches private fields
            if (b.getOperation().getType() == Types.LEFT_SQUARE_BRACKET) {
                MethodNode target = getTargetMethod(b);
                ClassNode left = getType(b.getLeftExpression());
                if (target != null) {
                    SandboxPolicy.refuseCall(target, scriptClass).ifPresent(r -> refuse(r, b));
                } else if (left == null || !(left.isArray() || isIndexable(left))) {
                    refuse(SandboxPolicy.forbidden("getAt"), b);
                }
            }
            RuleComparisons.outsideRule(b, getType(b.getLeftExpression()), getType(b.getRightExpression())).ifPresent(r -> refuse(r, b));
            super.visitBinaryExpression(b);
        }

        private boolean isIndexable(ClassNode t) {
            // indicators index bars ago through the language's own extension (close[1])
            for (ClassNode c = t; c != null; c = c.getSuperClass()) {
                if (c.getName().equals("io.tradeshell.engine.indicators.Indicator") || SandboxPolicy.isScriptApi(c)) return true;
            }
            return t.implementsInterface(ClassHelper.LIST_TYPE) || t.implementsInterface(ClassHelper.MAP_TYPE)
                    || t.equals(ClassHelper.LIST_TYPE) || t.equals(ClassHelper.MAP_TYPE) || t.equals(ClassHelper.STRING_TYPE);
        }

        private ClassNode receiverType(Expression e) {
            if (e instanceof ClassExpression c) return c.getType();
            if (e instanceof VariableExpression v && (v.isThisExpression() || v.isSuperExpression())) return null;
            ClassNode t = getType(e);
            return t;
        }

        private void refuse(String message, ASTNode where) {
            addStaticTypeError(message, where);
        }
    }
}
