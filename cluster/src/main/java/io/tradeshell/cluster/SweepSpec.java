package io.tradeshell.cluster;

import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.optimize.CombinationPlan;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.ParamRange;
import io.tradeshell.engine.optimize.Search;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.strategy.ExitPlan;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A sweep as data, the part of every task that is the same for the whole sweep: the script's
 * bytes and hash, the data by hash, every run setting, the space, the constraint and the search.
 * A member rebuilds the sweep from it with the same engine ({@link PreparedSweep}); nothing in it
 * is code or an object graph, and doubles travel bit for bit.
 */
record SweepSpec(ScriptSource script, String scriptSha256, List<DataRef> data, ExecutionSettings execution, double cash,
                 RiskLimits risk, double lotSize, ExitPlan exits, List<String> params, String constraint, Search search, int planSize) {

    /** The spec of a request as this process runs it; fails for what cannot travel (a script other than {@code script}). */
    static SweepSpec of(OptimizeRequest r, CombinationPlan plan, ScriptSource script) {
        String sha = Digests.sha256(script.bytes());
        String fingerprint = r.strategy().fingerprint();
        if (!fingerprint.isEmpty() && !fingerprint.equals(sha)) {
            throw new IllegalArgumentException(script.path() + " changed since it was compiled (SHA-256 " + abbreviated(fingerprint)
                    + " then, " + abbreviated(sha) + " now); run the sweep again");
        }
        RunSpec base = r.base();
        return new SweepSpec(script, sha, base.data().stream().map(DataRef::of).toList(), base.execution(), base.cash(), base.risk(),
                base.lotSize(), exits(base.exits()), r.space().ranges().stream().map(ParamRange::text).toList(), r.constraint().text(),
                r.search(), plan.size());
    }

    static String abbreviated(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    private static ExitPlan exits(ExitPlan p) {
        for (Optional<ExitPlan.Offset> o : List.of(p.stopLoss(), p.takeProfit(), p.trailingStop())) {
            if (o.isPresent() && !(o.get() instanceof ExitPlan.Offset.Percent)) {
                throw new IllegalArgumentException("a cluster sweep takes protective exits in percent only");
            }
        }
        return p;
    }

    /** Whether the data a sweep ran on here is the data this spec names. */
    static boolean sameData(List<DataInput> data, List<DataRef> refs) {
        return data.stream().map(DataRef::of).toList().equals(refs);
    }

    byte[] encode() {
        return Wire.write(out -> {
            Wire.string(out, script.fileName());
            Wire.string(out, script.path());
            Wire.bytes(out, script.bytes());
            out.writeLong(script.barBudget().toNanos());
            Wire.string(out, scriptSha256);
            out.writeInt(data.size());
            for (DataRef d : data) {
                Wire.string(out, d.file());
                Wire.string(out, d.sha256());
                Wire.string(out, d.symbol());
                out.writeLong(d.periodMillis());
                out.writeLong(d.from());
                out.writeInt(d.bars());
                Wire.string(out, d.barsDigest());
            }
            writeExecution(out, execution);
            out.writeDouble(cash);
            writeRisk(out, risk);
            out.writeDouble(lotSize);
            for (Optional<ExitPlan.Offset> o : List.of(exits.stopLoss(), exits.takeProfit(), exits.trailingStop())) {
                out.writeDouble(o.map(x -> ((ExitPlan.Offset.Percent) x).fraction()).orElse(Double.NaN));
            }
            out.writeInt(params.size());
            for (String p : params) Wire.string(out, p);
            Wire.string(out, constraint);
            switch (search) {
                case Search.Grid g -> out.writeByte(0);
                case Search.Random rnd -> {
                    out.writeByte(1);
                    out.writeInt(rnd.samples());
                    out.writeLong(rnd.seed());
                }
            }
            out.writeInt(planSize);
        });
    }

    static SweepSpec decode(byte[] bytes) {
        return Wire.read(bytes, in -> {
            ScriptSource script = new ScriptSource(Wire.string(in), Wire.string(in), Wire.bytes(in), Duration.ofNanos(in.readLong()));
            String sha = Wire.string(in);
            int n = in.readInt();
            List<DataRef> data = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                data.add(new DataRef(Wire.string(in), Wire.string(in), Wire.string(in), in.readLong(), in.readLong(), in.readInt(), Wire.string(in)));
            }
            ExecutionSettings execution = readExecution(in);
            double cash = in.readDouble();
            RiskLimits risk = readRisk(in);
            double lot = in.readDouble();
            ExitPlan exits = ExitPlan.NONE;
            double stop = in.readDouble(), take = in.readDouble(), trail = in.readDouble();
            if (!Double.isNaN(stop)) exits = exits.withStopLoss(new ExitPlan.Offset.Percent(stop));
            if (!Double.isNaN(take)) exits = exits.withTakeProfit(new ExitPlan.Offset.Percent(take));
            if (!Double.isNaN(trail)) exits = exits.withTrailingStop(new ExitPlan.Offset.Percent(trail));
            int p = in.readInt();
            List<String> params = new ArrayList<>(p);
            for (int i = 0; i < p; i++) params.add(Wire.string(in));
            String constraint = Wire.string(in);
            Search search = in.readByte() == 0 ? Search.GRID : new Search.Random(in.readInt(), in.readLong());
            return new SweepSpec(script, sha, data, execution, cash, risk, lot, exits, params, constraint, search, in.readInt());
        });
    }

    private static void writeExecution(DataOutputStream out, ExecutionSettings x) throws IOException {
        out.writeUTF(x.fillTiming().name());
        switch (x.commission()) {
            case CommissionModel.PercentOfNotional c -> {
                out.writeByte(0);
                out.writeDouble(c.rate());
            }
            case CommissionModel.PerShare c -> {
                out.writeByte(1);
                out.writeDouble(c.perShare());
                out.writeDouble(c.minimum());
            }
            case CommissionModel.PerOrder c -> {
                out.writeByte(2);
                out.writeDouble(c.fee());
            }
        }
        out.writeDouble(x.slippage().bps());
        Wire.string(out, x.slippage().source());
        out.writeLong(x.latencyMillis());
        out.writeDouble(x.maxVolumeShare());
        out.writeDouble(x.rejectProbability());
        out.writeLong(x.seed());
    }

    private static ExecutionSettings readExecution(DataInputStream in) throws IOException {
        FillTiming fill = FillTiming.valueOf(in.readUTF());
        CommissionModel commission = switch (in.readByte()) {
            case 0 -> new CommissionModel.PercentOfNotional(in.readDouble());
            case 1 -> new CommissionModel.PerShare(in.readDouble(), in.readDouble());
            case 2 -> new CommissionModel.PerOrder(in.readDouble());
            default -> throw new IOException("an unknown commission model");
        };
        Slippage slippage = new Slippage(in.readDouble(), Wire.string(in));
        return new ExecutionSettings(fill, commission, slippage, in.readLong(), in.readDouble(), in.readDouble(), in.readLong());
    }

    private static void writeRisk(DataOutputStream out, RiskLimits k) throws IOException {
        out.writeDouble(k.maxPositionPct());
        out.writeDouble(k.maxLeverage());
        out.writeDouble(k.maxOrderNotional());
        Set<String> symbols = new TreeSet<>(k.allowedSymbols());
        out.writeInt(symbols.size());
        for (String s : symbols) Wire.string(out, s);
        out.writeLong(k.staleAfterMillis());
        out.writeDouble(k.dailyLossLimit());
        out.writeDouble(k.maxDrawdown());
    }

    private static RiskLimits readRisk(DataInputStream in) throws IOException {
        double position = in.readDouble(), leverage = in.readDouble(), notional = in.readDouble();
        int n = in.readInt();
        Set<String> symbols = new TreeSet<>();
        for (int i = 0; i < n; i++) symbols.add(Wire.string(in));
        return new RiskLimits(position, leverage, notional, symbols, in.readLong(), in.readDouble(), in.readDouble());
    }
}
