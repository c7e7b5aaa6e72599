package io.tradeshell.dsl.sandbox;

import java.util.Set;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.AnnotatedNode;
import org.codehaus.groovy.ast.AnnotationNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.FieldNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * The outer shape of a sandboxed script, checked as soon as it is parsed, before any annotation
 * could run code at compile time: no annotations but {@code @Field} (so no {@code @Grab}, no
 * {@code @ASTTest}, no AST transforms), no static fields (nothing may outlive a run), and no class
 * declarations besides the script itself.
 */
public final class SandboxShape extends CompilationCustomizer {
    private static final Set<String> ALLOWED_ANNOTATIONS = Set.of("Field", "groovy.transform.Field");

    public SandboxShape() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        ModuleNode module = source.getAST();
        if (!classNode.isScript()) {
            error(source, classNode, "classes are not allowed in a strategy script; use a method (def name(args) { ... })");
            return;
        }
        for (ImportNode i : allImports(module)) checkImport(source, i);
        new ShapeVisitor(source).visitClass(classNode);
        for (FieldNode f : classNode.getFields()) {
            if (f.isStatic()) error(source, f, "static fields are not allowed in a strategy script: nothing may outlive a run");
        }
    }

    private static Iterable<ImportNode> allImports(ModuleNode module) {
        var all = new java.util.ArrayList<ImportNode>(module.getImports());
        all.addAll(module.getStarImports());
        all.addAll(module.getStaticImports().values());
        all.addAll(module.getStaticStarImports().values());
        return all;
    }

    private static void checkImport(SourceUnit source, ImportNode i) {
        String type = i.getType() != null ? i.getType().getName() : i.getPackageName();
        if (type == null) return;
        boolean transforms = type.startsWith("groovy.transform") || type.startsWith("org.codehaus.groovy.") || type.startsWith("groovy.grape")
                || type.startsWith("org.apache.groovy.");
        if (transforms && !type.equals("groovy.transform.Field")) {
            error(source, i, "importing " + type + " is not allowed in a strategy script");
        } else if (i.getAlias() != null && ALLOWED_ANNOTATIONS.contains(i.getAlias()) && !type.equals("groovy.transform.Field")) {
            error(source, i, "importing " + type + " as " + i.getAlias() + " is not allowed in a strategy script");
        }
        for (AnnotationNode a : i.getAnnotations()) error(source, a, annotationRefused(a));
    }

    private static String annotationRefused(AnnotationNode a) {
        return "the annotation @" + a.getClassNode().getName() + " is not allowed in a strategy script (only @Field)";
    }

    static void error(SourceUnit source, ASTNode where, String message) {
        source.getErrorCollector().addErrorAndContinue(
                new SyntaxException(message, where.getLineNumber(), where.getColumnNumber()), source);
    }

    private static final class ShapeVisitor extends ClassCodeVisitorSupport {
        private final SourceUnit source;

        ShapeVisitor(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public void visitAnnotations(AnnotatedNode node) {
            for (AnnotationNode a : node.getAnnotations()) {
                // what Groovy generates (the script's constructors and main) has no place in the source
                boolean written = a.getLineNumber() > 0;
                if (written && !ALLOWED_ANNOTATIONS.contains(a.getClassNode().getName())) error(source, a, annotationRefused(a));
            }
            super.visitAnnotations(node);
        }

        @Override
        public void visitDeclarationExpression(DeclarationExpression d) {
            var target = d.isMultipleAssignmentDeclaration() ? null : d.getVariableExpression();
            if (target != null && java.lang.reflect.Modifier.isStatic(target.getModifiers())) {
                error(source, d, "static fields are not allowed in a strategy script: nothing may outlive a run");
            }
            super.visitDeclarationExpression(d);
        }
    }
}
