package io.tradeshell.engine.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.events.TradingEvent.*;
import io.tradeshell.engine.time.IsoTime;
import io.tradeshell.engine.trade.ClosedTrade;
import java.io.IOException;

/** Writes events, orders, fills and trades as the JSON objects of the output files. */
public final class EventJson {
    private final IsoTime iso = new IsoTime();

    public void time(JsonGenerator g, String field, long millis) throws IOException {
        g.writeFieldName(field);
        int n = iso.format(millis); // before chars(): a year past 9999 takes a longer buffer
        g.writeString(iso.chars(), 0, n);
    }

    /** One line of orders.jsonl: the order's state after a lifecycle step. */
    public void order(JsonGenerator g, long time, OrderSnapshot o, String reason) throws IOException {
        OrderRequest r = o.request();
        g.writeStartObject();
        g.writeNumberField("id", o.id());
        g.writeStringField("symbol", r.symbol());
        g.writeStringField("side", r.side().name());
        g.writeStringField("type", r.type().name());
        g.writeNumberField("qty", r.qty());
        Json.number(g, "limitPrice", r.limitPrice());
        Json.number(g, "stopPrice", r.stopPrice());
        g.writeStringField("tif", r.tif().name());
        g.writeStringField("status", o.status().name());
        time(g, "time", time);
        time(g, "submittedTime", o.submittedTime());
        g.writeNumberField("filledQty", o.filledQty());
        Json.number(g, "avgFillPrice", o.avgFillPrice());
        g.writeStringField("tag", r.tag());
        if (r.ocoGroup() != 0) g.writeNumberField("ocoGroup", r.ocoGroup());
        g.writeStringField("reason", reason);
        g.writeEndObject();
    }

    /** One line of fills.jsonl. */
    public void fill(JsonGenerator g, Fill f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("orderId", f.orderId());
        g.writeStringField("symbol", f.symbol());
        g.writeStringField("side", f.side().name());
        g.writeNumberField("qty", f.qty());
        g.writeNumberField("price", f.price());
        g.writeNumberField("commission", f.commission());
        time(g, "time", f.time());
        g.writeStringField("tag", f.tag());
        g.writeEndObject();
    }

    /** One line of trades.jsonl. */
    public void trade(JsonGenerator g, ClosedTrade t) throws IOException {
        g.writeStartObject();
        g.writeStringField("symbol", t.symbol());
        g.writeStringField("side", t.side().name());
        g.writeNumberField("qty", t.qty());
        time(g, "entryTime", t.entryTime().toEpochMilli());
        g.writeNumberField("entryPrice", t.entryPrice());
        time(g, "exitTime", t.exitTime().toEpochMilli());
        g.writeNumberField("exitPrice", t.exitPrice());
        g.writeNumberField("pnl", t.pnl());
        g.writeNumberField("commission", t.commission());
        g.writeNumberField("barsHeld", t.barsHeld());
        Json.number(g, "returnPct", t.returnFraction());
        g.writeStringField("exitReason", t.exitReason().word());
        g.writeEndObject();
    }

    /** One line of the event journal: every event with its type. */
    public void event(JsonGenerator g, TradingEvent e) throws IOException {
        event(g, e, -1);
    }

    /**
     * One event with its type and, when {@code position} is not negative, the feed position
     * it happened at (feed events delivered so far), as a paper account's journal keeps it.
     */
    public void event(JsonGenerator g, TradingEvent e, long position) throws IOException {
        switch (e) {
            case OrderEvent oe -> {
                String reason = switch (oe) {
                    case OrderRejected r -> r.reason();
                    case OrderCancelled c -> c.reason();
                    case OrderReduced r -> r.reason();
                    default -> null;
                };
                g.writeStartObject();
                g.writeStringField("type", e.getClass().getSimpleName());
                position(g, position);
                time(g, "time", e.time());
                g.writeFieldName("order");
                order(g, e.time(), oe.order(), reason);
                if (oe instanceof OrderFilled f) {
                    g.writeFieldName("fill");
                    fill(g, f.fill());
                }
                g.writeEndObject();
            }
            case TradeClosed t -> {
                g.writeStartObject();
                g.writeStringField("type", "TradeClosed");
                position(g, position);
                time(g, "time", e.time());
                g.writeFieldName("trade");
                trade(g, t.trade());
                g.writeEndObject();
            }
            case RiskDenied d -> {
                g.writeStartObject();
                g.writeStringField("type", "RiskDenied");
                position(g, position);
                time(g, "time", e.time());
                g.writeStringField("symbol", d.request().symbol());
                g.writeStringField("side", d.request().side().name());
                g.writeNumberField("qty", d.request().qty());
                g.writeStringField("orderType", d.request().type().name());
                g.writeStringField("tag", d.request().tag());
                g.writeStringField("reason", d.reason());
                g.writeEndObject();
            }
            case TradingStateChanged s -> {
                g.writeStartObject();
                g.writeStringField("type", "TradingStateChanged");
                position(g, position);
                time(g, "time", e.time());
                g.writeStringField("state", s.state());
                g.writeStringField("reason", s.reason());
                g.writeEndObject();
            }
            case ParentOrderUpdated u -> {
                g.writeStartObject();
                g.writeStringField("type", "ParentOrderUpdated");
                position(g, position);
                time(g, "time", e.time());
                parent(g, u.parent());
                g.writeStringField("step", u.step());
                g.writeEndObject();
            }
            case Note n -> {
                g.writeStartObject();
                g.writeStringField("type", "Note");
                position(g, position);
                time(g, "time", e.time());
                g.writeStringField("message", n.message());
                g.writeEndObject();
            }
        }
    }

    /** A parent order's fields, inside an event's object. */
    private void parent(JsonGenerator g, io.tradeshell.engine.order.ParentOrderSnapshot p) throws IOException {
        var r = p.request();
        g.writeNumberField("parentId", p.id());
        g.writeStringField("symbol", r.symbol());
        g.writeStringField("side", r.side().name());
        g.writeNumberField("qty", r.qty());
        g.writeStringField("algo", r.algo().describe());
        g.writeStringField("tag", r.tag());
        g.writeStringField("status", p.status().name());
        time(g, "decisionTime", p.decisionTime());
        g.writeNumberField("sentQty", p.sentQty());
        g.writeNumberField("filledQty", p.filledQty());
        Json.number(g, "avgFillPrice", p.avgFillPrice());
        g.writeArrayFieldStart("childIds");
        for (long id : p.childIds()) g.writeNumber(id);
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, long position) throws IOException {
        if (position >= 0) g.writeNumberField("pos", position);
    }
}
