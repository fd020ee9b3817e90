package com.ivsstack.engine.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Go duration strings ("5m", "1h30m", "1500ms") as the Java SDK sends custom timeouts. */
public final class GoDurations {
    private static final Pattern PART = Pattern.compile("([0-9]*\\.?[0-9]+)(ns|us|µs|ms|s|m|h)");

    private GoDurations() {
    }

    public static double seconds(String text) {
        if (text == null || text.isEmpty() || text.equals("0")) {
            return 0;
        }
        Matcher m = PART.matcher(text);
        double total = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                throw bad(text);
            }
            double n = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "ns" -> n / 1e9;
                case "us", "µs" -> n / 1e6;
                case "ms" -> n / 1e3;
                case "s" -> n;
                case "m" -> n * 60;
                default -> n * 3600;
            };
            end = m.end();
        }
        if (end != text.length()) {
            throw bad(text);
        }
        return total;
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("malformed custom timeout '" + text + "': expected a duration such as 5m, 90s or 1h30m");
    }
}
