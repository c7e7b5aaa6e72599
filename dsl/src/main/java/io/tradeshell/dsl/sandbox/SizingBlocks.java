package io.tradeshell.dsl.sandbox;

import java.util.Set;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Gives a sizing expression its scope when the script compiles: {@code qty: { equity * 0.01 / price }}
 * becomes {@code qty: sizing({ ... })}, and {@code sizing} declares the closure's delegate, so the
 * static checker reads {@code equity} and {@code price} as the account's numbers at decision time,
 * as they are when the expression runs.
 */
public final class SizingBlocks extends CompilationCustomizer {
    private static final Set<String> UNITS = Set.of("qty", "percent", "cash");

    public SizingBlocks() {
        super(CompilePhase.CANONICALIZATION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        ScriptRewrite.apply(source, classNode, e -> {
            if (!(e instanceof MapEntryExpression entry) || !(entry.getValueExpression() instanceof ClosureExpression block)
                    || !UNITS.contains(entry.getKeyExpression().getText())) return null;
            MapEntryExpression scoped = new MapEntryExpression(entry.getKeyExpression(), ScriptRewrite.callOnScript("sizing", block, block));
            scoped.setSourcePosition(entry);
            return scoped;
        });
    }
}
