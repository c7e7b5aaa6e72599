package io.tradeshell.cluster;

import io.tradeshell.dsl.CompiledScript;
import io.tradeshell.dsl.StrategyCompiler;
import io.tradeshell.engine.indicators.IndicatorCache;
import io.tradeshell.engine.optimize.CombinationPlan;
import io.tradeshell.engine.optimize.Constraint;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.Optimizer;
import io.tradeshell.engine.optimize.ParamSpace;
import io.tradeshell.engine.optimize.StrategyBinder;
import io.tradeshell.engine.optimize.SweepRow;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A sweep rebuilt on a member from its {@link SweepSpec}: the script compiled in the sandbox from
 * the bytes sent, the data from the member's shelf, and the request and plan made by the same
 * engine calls as on the submitter, so a batch's rows here are the rows a one-machine run computes.
 */
final class PreparedSweep {
    private final OptimizeRequest request;
    private final CombinationPlan plan;

    private PreparedSweep(OptimizeRequest request, CombinationPlan plan) {
        this.request = request;
        this.plan = plan;
    }

    static PreparedSweep of(SweepSpec spec, DataShelf shelf, String member) {
        ScriptSource script = spec.script();
        String sha = Digests.sha256(script.bytes());
        if (!sha.equals(spec.scriptSha256())) {
            throw new MemberRefusal("member " + member + ": " + script.path() + " arrived with SHA-256 " + SweepSpec.abbreviated(sha)
                    + ", the sweep's is " + SweepSpec.abbreviated(spec.scriptSha256()) + "; refusing to run another script");
        }
        // Always the sandbox: a member runs other people's scripts.
        CompiledScript compiled = StrategyCompiler.of(false).withBarBudget(script.barBudget())
                .compile(script.fileName(), script.path(), new String(script.bytes(), StandardCharsets.UTF_8));
        List<DataInput> data = shelf.inputs(spec.data());
        StrategyBinder binder = StrategyBinder.of(compiled.fileName(), compiled.defaults(), sha, compiled::withParams);
        RunSpec base = new RunSpec(script.path(), compiled.withParams(Map.of()), data, spec.execution(), spec.cash(), spec.risk(),
                spec.lotSize(), spec.exits()).withIndicatorCache(new IndicatorCache());
        OptimizeRequest request = OptimizeRequest.of(base, binder, ParamSpace.parse(spec.params()))
                .withConstraint(Constraint.parse(spec.constraint())).withSearch(spec.search()).withThreads(1);
        CombinationPlan plan = Optimizer.plan(request);
        if (plan.size() != spec.planSize()) {
            throw new MemberRefusal("member " + member + " plans " + plan.size() + " combinations where the submitter plans "
                    + spec.planSize() + " (another TradeShell version?); refusing");
        }
        return new PreparedSweep(request, plan);
    }

    /** The rows of the plan's combinations {@code ks}, up to a failure, which is thrown after them. */
    List<SweepRow> run(int[] ks, List<SweepRow> rows) {
        List<Integer> batch = new ArrayList<>(ks.length);
        for (int k : ks) batch.add(k);
        Optimizer.runBatch(request, plan, batch, rows::add);
        return rows;
    }
}
