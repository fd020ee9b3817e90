package com.ivsstack.bench;

import java.io.PrintStream;

/** Prints the benchmark's results as they come, in lines docs/performance.md can quote. */
public final class Report {

    private final PrintStream out;

    public Report(PrintStream out) {
        this.out = out;
    }

    public void section(String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }

    public void figure(String name, Figures figures) {
        out.printf("  %-58s %s%n", name, figures);
        out.flush();
    }

    /** A target line: the measured median against the bound, met or missed. */
    public void target(String name, double measured, String comparison, double bound, String unit) {
        boolean met = comparison.equals("<=") ? measured <= bound : measured >= bound;
        out.printf("  TARGET %-51s %s %s %s %s %s -> %s%n", name, Figures.format(measured), unit, comparison,
                Figures.format(bound), unit, met ? "MET" : "MISSED");
        out.flush();
    }

    public void note(String text) {
        out.println("  " + text);
        out.flush();
    }
}
