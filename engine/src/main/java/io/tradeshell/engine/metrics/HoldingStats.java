package io.tradeshell.engine.metrics;

/**
 * The figures of accounts whose cash and position change only at known bars, for a sweep that
 * simulates each combination's trades only where they happen: each account is marked at every
 * close from its holdings and fed through the same arithmetic as {@link EquityStats#add} and
 * {@link EquityCurve#returns} then {@link ReturnMoments#of} (whose first pass rides along), in the same order, so the figures
 * are those of the account marked bar by bar, bit for bit.
 *
 * <p>Accounts run 4 at a time, each with its own running sums, so the division chains of
 * their running means overlap instead of waiting on each other. Two divisions are skipped where
 * their outcome is known without them: a return of a bar whose equity did not move is 0
 * ({@code e / e - 1}), and a drawdown clearly below the deepest one so far cannot replace it.
 */
public final class HoldingStats {
    private HoldingStats() { }

    /**
     * One account's holdings: from bar {@code from[k]} until bar {@code from[k + 1]}, {@code cash[k]}
     * and {@code qty[k]} units; {@code from[0]} is 0 and bars increase.
     */
    public record Holdings(int[] from, double[] cash, double[] qty, int count) { }

    /** An account's running sums and the moments of its bar returns. */
    public record Figures(EquityStats stats, ReturnMoments moments) { }

    /** Just below 1: scales a product down past its two roundings. */
    private static final double SHRINK = 1 - 0x1p-50;

    /**
     * The figures of each account marked at {@code close[0..n)}, starting from {@code initialCash};
     * null for an account whose equity is not positive and finite at some close (the sweep
     * runs that one alone).
     */
    public static Figures[] of(double[] close, int n, double initialCash, Holdings[] accounts) {
        Figures[] out = new Figures[accounts.length];
        double[][] buffers = new double[4][n];
        for (int g = 0; g < accounts.length; g += 4) group(close, n, initialCash, accounts, g, buffers, out);
        return out;
    }

    private static Holdings lane(Holdings[] accounts, int k, double cash, int n) {
        return k < accounts.length ? accounts[k] : new Holdings(new int[] {0}, new double[] {cash}, new double[] {0}, 1);
    }

    /** {@link ReturnMoments#of} from its sums: the mean, the extremes, then the central moments about the mean. */
    private static ReturnMoments moments(int n, double mean, double min, double max, double m2, double m3, double m4) {
        if (min == max) return new ReturnMoments(n, min, n >= 2 ? 0 : Double.NaN, Double.NaN, Double.NaN);
        double stdev = Math.sqrt(m2 / (n - 1));
        m2 /= n;
        m3 /= n;
        m4 /= n;
        return new ReturnMoments(n, mean, stdev, m3 / Math.pow(m2, 1.5), m4 / (m2 * m2));
    }

    private static void group(double[] close, int n, double initialCash, Holdings[] accounts, int g, double[][] buffers, Figures[] out) {
        Holdings h0 = lane(accounts, g + 0, initialCash, n);
        double[] r0 = buffers[0];
        int s0 = 0, next0 = h0.count > 1 ? h0.from[1] : n;
        double cash0 = h0.cash[0], qty0 = h0.qty[0];
        double prev0 = initialCash, peak0 = initialCash, mean0 = 0, ssd0 = 0, ssl0 = 0, max0 = 0, e0 = initialCash;
        int neg0 = 0, below0 = 0, longest0 = 0, exposed0 = 0;
        boolean ok0 = true;
        double sum0 = 0, min0 = Double.POSITIVE_INFINITY, maxR0 = Double.NEGATIVE_INFINITY;
        Holdings h1 = lane(accounts, g + 1, initialCash, n);
        double[] r1 = buffers[1];
        int s1 = 0, next1 = h1.count > 1 ? h1.from[1] : n;
        double cash1 = h1.cash[0], qty1 = h1.qty[0];
        double prev1 = initialCash, peak1 = initialCash, mean1 = 0, ssd1 = 0, ssl1 = 0, max1 = 0, e1 = initialCash;
        int neg1 = 0, below1 = 0, longest1 = 0, exposed1 = 0;
        boolean ok1 = true;
        double sum1 = 0, min1 = Double.POSITIVE_INFINITY, maxR1 = Double.NEGATIVE_INFINITY;
        Holdings h2 = lane(accounts, g + 2, initialCash, n);
        double[] r2 = buffers[2];
        int s2 = 0, next2 = h2.count > 1 ? h2.from[1] : n;
        double cash2 = h2.cash[0], qty2 = h2.qty[0];
        double prev2 = initialCash, peak2 = initialCash, mean2 = 0, ssd2 = 0, ssl2 = 0, max2 = 0, e2 = initialCash;
        int neg2 = 0, below2 = 0, longest2 = 0, exposed2 = 0;
        boolean ok2 = true;
        double sum2 = 0, min2 = Double.POSITIVE_INFINITY, maxR2 = Double.NEGATIVE_INFINITY;
        Holdings h3 = lane(accounts, g + 3, initialCash, n);
        double[] r3 = buffers[3];
        int s3 = 0, next3 = h3.count > 1 ? h3.from[1] : n;
        double cash3 = h3.cash[0], qty3 = h3.qty[0];
        double prev3 = initialCash, peak3 = initialCash, mean3 = 0, ssd3 = 0, ssl3 = 0, max3 = 0, e3 = initialCash;
        int neg3 = 0, below3 = 0, longest3 = 0, exposed3 = 0;
        boolean ok3 = true;
        double sum3 = 0, min3 = Double.POSITIVE_INFINITY, maxR3 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double c = close[i];
            double count = i + 1;
            if (i == next0) {
                s0++;
                cash0 = h0.cash[s0];
                qty0 = h0.qty[s0];
                next0 = s0 + 1 < h0.count ? h0.from[s0 + 1] : n;
            }
            e0 = qty0 != 0 ? cash0 + qty0 * c : cash0;
            if (!(e0 > 0 && e0 < Double.POSITIVE_INFINITY)) ok0 = false;
            double ret0 = qty0 != 0 || e0 != prev0 ? e0 / prev0 - 1 : 0;
            prev0 = e0;
            r0[i] = ret0;
            sum0 += ret0;
            if (ret0 < min0) min0 = ret0;
            if (ret0 > maxR0) maxR0 = ret0;
            double d0 = ret0 - mean0;
            mean0 += d0 / count;
            ssd0 += d0 * (ret0 - mean0);
            boolean loss0 = ret0 < 0;
            ssl0 += loss0 ? ret0 * ret0 : 0;
            neg0 += loss0 ? 1 : 0;
            boolean up0 = e0 >= peak0;
            double fall0 = peak0 - e0;
            if (!up0) {
                double t0 = max0 * peak0 * SHRINK;
                if (fall0 >= t0 || t0 < 0x1p-900) {
                    double dd0 = fall0 / peak0;
                    if (dd0 > max0) max0 = dd0;
                }
            }
            peak0 = up0 ? e0 : peak0;
            below0 = up0 ? 0 : below0 + 1;
            longest0 = Math.max(longest0, below0);
            if (qty0 != 0) {
                double gross0 = Math.abs(qty0 * c);
                if (gross0 >= 0x1p-100 && e0 > 0 && e0 <= 0x1p900 || (e0 > 0 ? gross0 / e0 : 0) > 0) exposed0++;
            }
            if (i == next1) {
                s1++;
                cash1 = h1.cash[s1];
                qty1 = h1.qty[s1];
                next1 = s1 + 1 < h1.count ? h1.from[s1 + 1] : n;
            }
            e1 = qty1 != 0 ? cash1 + qty1 * c : cash1;
            if (!(e1 > 0 && e1 < Double.POSITIVE_INFINITY)) ok1 = false;
            double ret1 = qty1 != 0 || e1 != prev1 ? e1 / prev1 - 1 : 0;
            prev1 = e1;
            r1[i] = ret1;
            sum1 += ret1;
            if (ret1 < min1) min1 = ret1;
            if (ret1 > maxR1) maxR1 = ret1;
            double d1 = ret1 - mean1;
            mean1 += d1 / count;
            ssd1 += d1 * (ret1 - mean1);
            boolean loss1 = ret1 < 0;
            ssl1 += loss1 ? ret1 * ret1 : 0;
            neg1 += loss1 ? 1 : 0;
            boolean up1 = e1 >= peak1;
            double fall1 = peak1 - e1;
            if (!up1) {
                double t1 = max1 * peak1 * SHRINK;
                if (fall1 >= t1 || t1 < 0x1p-900) {
                    double dd1 = fall1 / peak1;
                    if (dd1 > max1) max1 = dd1;
                }
            }
            peak1 = up1 ? e1 : peak1;
            below1 = up1 ? 0 : below1 + 1;
            longest1 = Math.max(longest1, below1);
            if (qty1 != 0) {
                double gross1 = Math.abs(qty1 * c);
                if (gross1 >= 0x1p-100 && e1 > 0 && e1 <= 0x1p900 || (e1 > 0 ? gross1 / e1 : 0) > 0) exposed1++;
            }
            if (i == next2) {
                s2++;
                cash2 = h2.cash[s2];
                qty2 = h2.qty[s2];
                next2 = s2 + 1 < h2.count ? h2.from[s2 + 1] : n;
            }
            e2 = qty2 != 0 ? cash2 + qty2 * c : cash2;
            if (!(e2 > 0 && e2 < Double.POSITIVE_INFINITY)) ok2 = false;
            double ret2 = qty2 != 0 || e2 != prev2 ? e2 / prev2 - 1 : 0;
            prev2 = e2;
            r2[i] = ret2;
            sum2 += ret2;
            if (ret2 < min2) min2 = ret2;
            if (ret2 > maxR2) maxR2 = ret2;
            double d2 = ret2 - mean2;
            mean2 += d2 / count;
            ssd2 += d2 * (ret2 - mean2);
            boolean loss2 = ret2 < 0;
            ssl2 += loss2 ? ret2 * ret2 : 0;
            neg2 += loss2 ? 1 : 0;
            boolean up2 = e2 >= peak2;
            double fall2 = peak2 - e2;
            if (!up2) {
                double t2 = max2 * peak2 * SHRINK;
                if (fall2 >= t2 || t2 < 0x1p-900) {
                    double dd2 = fall2 / peak2;
                    if (dd2 > max2) max2 = dd2;
                }
            }
            peak2 = up2 ? e2 : peak2;
            below2 = up2 ? 0 : below2 + 1;
            longest2 = Math.max(longest2, below2);
            if (qty2 != 0) {
                double gross2 = Math.abs(qty2 * c);
                if (gross2 >= 0x1p-100 && e2 > 0 && e2 <= 0x1p900 || (e2 > 0 ? gross2 / e2 : 0) > 0) exposed2++;
            }
            if (i == next3) {
                s3++;
                cash3 = h3.cash[s3];
                qty3 = h3.qty[s3];
                next3 = s3 + 1 < h3.count ? h3.from[s3 + 1] : n;
            }
            e3 = qty3 != 0 ? cash3 + qty3 * c : cash3;
            if (!(e3 > 0 && e3 < Double.POSITIVE_INFINITY)) ok3 = false;
            double ret3 = qty3 != 0 || e3 != prev3 ? e3 / prev3 - 1 : 0;
            prev3 = e3;
            r3[i] = ret3;
            sum3 += ret3;
            if (ret3 < min3) min3 = ret3;
            if (ret3 > maxR3) maxR3 = ret3;
            double d3 = ret3 - mean3;
            mean3 += d3 / count;
            ssd3 += d3 * (ret3 - mean3);
            boolean loss3 = ret3 < 0;
            ssl3 += loss3 ? ret3 * ret3 : 0;
            neg3 += loss3 ? 1 : 0;
            boolean up3 = e3 >= peak3;
            double fall3 = peak3 - e3;
            if (!up3) {
                double t3 = max3 * peak3 * SHRINK;
                if (fall3 >= t3 || t3 < 0x1p-900) {
                    double dd3 = fall3 / peak3;
                    if (dd3 > max3) max3 = dd3;
                }
            }
            peak3 = up3 ? e3 : peak3;
            below3 = up3 ? 0 : below3 + 1;
            longest3 = Math.max(longest3, below3);
            if (qty3 != 0) {
                double gross3 = Math.abs(qty3 * c);
                if (gross3 >= 0x1p-100 && e3 > 0 && e3 <= 0x1p900 || (e3 > 0 ? gross3 / e3 : 0) > 0) exposed3++;
            }
        }
        double avg0 = sum0 / n, m20 = 0, m30 = 0, m40 = 0;
        double avg1 = sum1 / n, m21 = 0, m31 = 0, m41 = 0;
        double avg2 = sum2 / n, m22 = 0, m32 = 0, m42 = 0;
        double avg3 = sum3 / n, m23 = 0, m33 = 0, m43 = 0;
        for (int i = 0; i < n; i++) {
            double dev0 = r0[i] - avg0, dev20 = dev0 * dev0;
            m20 += dev20;
            m30 += dev20 * dev0;
            m40 += dev20 * dev20;
            double dev1 = r1[i] - avg1, dev21 = dev1 * dev1;
            m21 += dev21;
            m31 += dev21 * dev1;
            m41 += dev21 * dev21;
            double dev2 = r2[i] - avg2, dev22 = dev2 * dev2;
            m22 += dev22;
            m32 += dev22 * dev2;
            m42 += dev22 * dev22;
            double dev3 = r3[i] - avg3, dev23 = dev3 * dev3;
            m23 += dev23;
            m33 += dev23 * dev3;
            m43 += dev23 * dev23;
        }
        if (g + 0 < out.length) {
            out[g + 0] = ok0 ? new Figures(new EquityStats(initialCash, n, prev0, peak0, mean0, ssd0, ssl0, max0, neg0, below0, longest0, exposed0, e0),
                    moments(n, avg0, min0, maxR0, m20, m30, m40)) : null;
        }
        if (g + 1 < out.length) {
            out[g + 1] = ok1 ? new Figures(new EquityStats(initialCash, n, prev1, peak1, mean1, ssd1, ssl1, max1, neg1, below1, longest1, exposed1, e1),
                    moments(n, avg1, min1, maxR1, m21, m31, m41)) : null;
        }
        if (g + 2 < out.length) {
            out[g + 2] = ok2 ? new Figures(new EquityStats(initialCash, n, prev2, peak2, mean2, ssd2, ssl2, max2, neg2, below2, longest2, exposed2, e2),
                    moments(n, avg2, min2, maxR2, m22, m32, m42)) : null;
        }
        if (g + 3 < out.length) {
            out[g + 3] = ok3 ? new Figures(new EquityStats(initialCash, n, prev3, peak3, mean3, ssd3, ssl3, max3, neg3, below3, longest3, exposed3, e3),
                    moments(n, avg3, min3, maxR3, m23, m33, m43)) : null;
        }
    }
}
