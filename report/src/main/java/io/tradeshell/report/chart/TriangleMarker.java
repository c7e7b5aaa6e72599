package io.tradeshell.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import org.knowm.xchart.style.markers.Marker;

/** A filled triangle with a white rim, so buy and sell markers stay visible on top of candles. */
final class TriangleMarker extends Marker {
    private static final BasicStroke RIM = new BasicStroke(1.2f);
    private final boolean up;

    TriangleMarker(boolean up) { this.up = up; }

    @Override
    public void paint(Graphics2D g, double x, double y, int size) {
        double half = size / 2.0 + 1.5;
        Path2D.Double p = new Path2D.Double();
        if (up) {
            p.moveTo(x, y - half);
            p.lineTo(x - half, y + half * 0.8);
            p.lineTo(x + half, y + half * 0.8);
        } else {
            p.moveTo(x, y + half);
            p.lineTo(x - half, y - half * 0.8);
            p.lineTo(x + half, y - half * 0.8);
        }
        p.closePath();
        g.fill(p);
        Color fill = g.getColor();
        g.setColor(Color.WHITE);
        g.setStroke(RIM);
        g.draw(p);
        g.setColor(fill);
    }
}
