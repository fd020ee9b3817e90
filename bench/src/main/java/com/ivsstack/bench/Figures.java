package com.ivsstack.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Repeated measurements of one figure: median, min and max.
 *
 * @param unit printed after each number ("ms", "s", "calls", "MB")
 */
public record Figures(String unit, List<Double> values) {

    public Figures {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one measurement");
        }
        values = List.copyOf(values);
    }

    public static Figures of(String unit, List<? extends Number> values) {
        return new Figures(unit, values.stream().map(Number::doubleValue).toList());
    }

    public double median() {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public double min() {
        return Collections.min(values);
    }

    public double max() {
        return Collections.max(values);
    }

    /** "median 212 ms (min 198, max 240, n=5)". */
    @Override
    public String toString() {
        return "median " + format(median()) + " " + unit + " (min " + format(min()) + ", max " + format(max())
                + ", n=" + values.size() + ")";
    }

    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.valueOf((long) value);
        }
        return Math.abs(value) >= 100 ? String.format("%.0f", value) : Math.abs(value) >= 10
                ? String.format("%.1f", value) : String.format("%.2f", value);
    }
}
