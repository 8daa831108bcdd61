package org.tenantregistry.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The one table the benchmark prints, in Markdown: each figure, its baseline, the ratio, the goal, met or not. */
final class ResultTable {

    private record Row(String figure, String registry, String baseline, String ratio, String goal, String met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** A figure whose goal is a ratio to its baseline, at least {@code minRatio}; higher is better. */
    void higherThan(String figure, double value, String unit, String baselineName, double baseline,
                    double minRatio) {
        double ratio = value / baseline;
        rows.add(new Row(figure, number(value) + " " + unit, baselineName + " " + number(baseline) + " " + unit,
                ratio(ratio), "≥ " + minRatio + "×", met(ratio >= minRatio)));
    }

    /** A figure with an absolute bound (lower is better) and, when the baseline is known, a bound on the ratio. */
    void lowerThan(String figure, double value, String unit, double bound, String baselineName, double baseline,
                   double maxRatio) {
        boolean hasBaseline = baselineName != null && !Double.isNaN(baseline);
        double ratio = hasBaseline ? value / baseline : Double.NaN;
        String goal = "≤ " + number(bound) + " " + unit + (hasBaseline && maxRatio > 0 ? ", ≤ " + maxRatio + "×" : "");
        boolean met = value <= bound && (!hasBaseline || maxRatio <= 0 || ratio <= maxRatio);
        rows.add(new Row(figure, number(value) + " " + unit,
                hasBaseline ? baselineName + " " + number(baseline) + " " + unit : "—",
                hasBaseline ? ratio(ratio) : "—", goal, met(met && !Double.isNaN(value))));
    }

    /** A rate with an absolute floor and a floor on the ratio to its baseline. */
    void atLeast(String figure, double value, String unit, double floor, String baselineName, double baseline,
                 double minRatio) {
        double ratio = value / baseline;
        rows.add(new Row(figure, number(value) + " " + unit, baselineName + " " + number(baseline) + " " + unit,
                ratio(ratio), "≥ " + number(floor) + " " + unit + ", ≥ " + minRatio + "×",
                met(value >= floor && ratio >= minRatio)));
    }

    void note(String note) {
        notes.add(note);
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| figure | registry | baseline (same run) | ratio | goal | |\n");
        out.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            out.append("| ").append(String.join(" | ", row.figure(), row.registry(), row.baseline(), row.ratio(),
                    row.goal(), row.met())).append(" |\n");
        }
        out.append('\n');
        for (String note : notes) {
            out.append("- ").append(note).append('\n');
        }
        return out.toString();
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100) {
            return String.format("%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format("%.1f", value);
        }
        return String.format("%.2f", value);
    }

    private static String ratio(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "n/a" : String.format("%.2f×", ratio);
    }

    private static String met(boolean met) {
        return met ? "met" : "**not met**";
    }
}
