package io.tradeshell.shell.console.groovy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.EmptyExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.syntax.Token;
import org.codehaus.groovy.syntax.Types;

/**
 * Makes one line's declarations outlive the line, as a REPL user expects: top-level
 * {@code def x = ...} becomes a session variable, a method becomes a closure variable of the
 * same name (still called as {@code f(x)}), and imports apply to every later line.
 */
final class InterpreterMode extends CompilationCustomizer {
    private final ImportCustomizer imports;
    private final Set<String> known = new HashSet<>();
    private String assigned;
    private final List<String> methods = new ArrayList<>();

    InterpreterMode(ImportCustomizer imports) {
        super(CompilePhase.CONVERSION);
        this.imports = imports;
    }

    /** Forgets what the previous line assigned and defined. */
    void reset() {
        assigned = null;
        methods.clear();
    }

    /** The variable the line's last statement assigned, or null. */
    String assigned() {
        return assigned;
    }

    /** The methods the line defined, as {@code name(params)}. */
    List<String> methods() {
        return List.copyOf(methods);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode node) {
        if (!node.isScript()) return;
        keepImports(source.getAST());
        MethodNode run = node.getMethod("run", Parameter.EMPTY_ARRAY);
        if (run == null || !(run.getCode() instanceof BlockStatement block)) return;
        List<Statement> statements = block.getStatements();
        List<Statement> definitions = new ArrayList<>();
        for (MethodNode m : new ArrayList<>(node.getMethods())) {
            if (m == run || m.getName().equals("main") || m.getLineNumber() < 1 || m.isSynthetic()) continue;
            ClosureExpression closure = new ClosureExpression(m.getParameters(), m.getCode());
            closure.setSourcePosition(m);
            definitions.add(statement(assign(m.getName(), closure), m.getCode()));
            node.removeMethod(m);
            methods.add(m.getName() + "(" + String.join(", ", java.util.Arrays.stream(m.getParameters()).map(Parameter::getName).toList()) + ")");
        }
        for (int k = 0; k < statements.size(); k++) {
            if (statements.get(k) instanceof ExpressionStatement es && es.getExpression() instanceof DeclarationExpression d
                    && !d.isMultipleAssignmentDeclaration()) {
                VariableExpression v = d.getVariableExpression();
                Expression value = d.getRightExpression() instanceof EmptyExpression ? ConstantExpression.NULL : d.getRightExpression();
                if (!v.isDynamicTyped()) value = CastExpression.asExpression(v.getOriginType(), value);
                statements.set(k, statement(assign(v.getName(), value), es));
            }
        }
        statements.addAll(0, definitions);
        if (!statements.isEmpty() && statements.get(statements.size() - 1) instanceof ExpressionStatement last
                && last.getExpression() instanceof BinaryExpression b && b.getOperation().getType() == Types.ASSIGN
                && b.getLeftExpression() instanceof VariableExpression target) {
            assigned = target.getName();
        }
    }

    private static BinaryExpression assign(String name, Expression value) {
        BinaryExpression b = new BinaryExpression(new VariableExpression(name), Token.newSymbol(Types.ASSIGN, -1, -1), value);
        b.setSourcePosition(value);
        return b;
    }

    private static ExpressionStatement statement(Expression e, org.codehaus.groovy.ast.ASTNode position) {
        ExpressionStatement s = new ExpressionStatement(e);
        s.setSourcePosition(position);
        return s;
    }

    private void keepImports(ModuleNode module) {
        for (ImportNode i : module.getImports()) {
            if (known.add("class " + i.getClassName() + " " + i.getAlias())) imports.addImport(i.getAlias(), i.getClassName());
        }
        for (ImportNode i : module.getStarImports()) {
            if (known.add("star " + i.getPackageName())) imports.addStarImports(i.getPackageName());
        }
        for (ImportNode i : module.getStaticImports().values()) {
            if (known.add("static " + i.getClassName() + " " + i.getFieldName() + " " + i.getAlias())) {
                imports.addStaticImport(i.getAlias(), i.getClassName(), i.getFieldName());
            }
        }
        for (ImportNode i : module.getStaticStarImports().values()) {
            if (known.add("static* " + i.getClassName())) imports.addStaticStars(i.getClassName());
        }
    }

    /** Marks imports the evaluator starts with, so they are not added twice. */
    void knownStarImport(String packageName) {
        known.add("star " + packageName + ".");
        known.add("star " + packageName);
    }

    void knownStaticStar(String className) {
        known.add("static* " + className);
    }
}
