package io.tradeshell.engine.execution.algo;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.order.ParentOrderRequest;
import io.tradeshell.engine.order.ParentOrderSnapshot;
import io.tradeshell.engine.order.ParentStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * One parent order as it is worked: after each bar or trade it sends, as a market order, what
 * its schedule says is due and has not been sent yet. A child the broker rejects is sent again
 * at the next event (three times at most); a child the risk check refuses ends the parent.
 */
final class ParentOrder {
    private static final int BROKER_REJECTIONS_ALLOWED = 3;

    final long id;
    final ParentOrderRequest request;
    final long decisionTime;
    private final ChildSchedule schedule;
    private final ChildRoute route;
    private final double lot;
    private final List<Long> children = new ArrayList<>();
    private final List<Long> working = new ArrayList<>();
    private ParentStatus status = ParentStatus.WORKING;
    private double sent, filled, notional;
    private int brokerRejections;

    ParentOrder(long id, ParentOrderRequest request, long decisionTime, ChildSchedule schedule, ChildRoute route, double lot) {
        this.id = id;
        this.request = request;
        this.decisionTime = decisionTime;
        this.schedule = schedule;
        this.route = route;
        this.lot = lot;
    }

    boolean isWorking() { return status.isWorking(); }

    void traded(double volume) { schedule.traded(volume); }

    /** The child to send now, or 0. */
    double childDue(long now) {
        double child = ChildSchedule.lots(schedule.due(now, request.qty(), lot) - sent, lot);
        if (schedule.maxChild() > 0) child = Math.min(child, ChildSchedule.lots(schedule.maxChild(), lot));
        return child > 1e-9 * request.qty() ? child : 0;
    }

    /** Sends {@code qty} as a market child; returns the broker's answer. */
    OrderSnapshot send(double qty) {
        OrderSnapshot o = route.submit(OrderRequest.market(request.symbol(), request.side(), qty, request.tag()));
        if (o.id() >= 0) children.add(o.id());
        if (o.status() == OrderStatus.REJECTED) {
            if (o.id() < 0 || ++brokerRejections > BROKER_REJECTIONS_ALLOWED) status = ParentStatus.REJECTED;
            return o;
        }
        brokerRejections = 0;
        sent += qty;
        if (o.status().isWorking()) working.add(o.id());
        return o;
    }

    /** A fill of one of its children (the broker may fill a child before its id is known here). */
    void filled(Fill f) {
        if (!children.contains(f.orderId())) children.add(f.orderId());
        filled += f.qty();
        notional += f.qty() * f.price();
    }

    boolean owns(long orderId) { return children.contains(orderId); }

    /** Done once everything was sent and no child works any more. */
    boolean finishedSending() {
        working.removeIf(idWorking -> !route.isWorking(idWorking));
        return sent >= request.qty() - 1e-9 * request.qty() && working.isEmpty();
    }

    void end(ParentStatus how) { status = how; }

    /** Cancels its working children; the parent sends nothing more. */
    void cancel(String reason) {
        for (long child : working) route.cancel(child, reason);
        working.clear();
        status = ParentStatus.CANCELLED;
    }

    ParentOrderSnapshot snapshot() {
        return new ParentOrderSnapshot(id, request, decisionTime, status, sent, filled, filled > 0 ? notional / filled : Double.NaN, children);
    }
}
