package com.ivsstack.engine.render;

/** What both graph formats do to a label before escaping it for their syntax. */
final class GraphLabels {
    /** U+FFFD, shown in place of a character that would change how the rest of a label reads. */
    static final int REPLACEMENT = 0xFFFD;

    private GraphLabels() {
    }

    /**
     * The label with each bidirectional control character (embeddings, overrides, isolates, marks) shown as U+FFFD:
     * drawn, such a character reorders the text after it, so that a name could read as another one.
     */
    static String withoutBidiControls(String label) {
        StringBuilder out = new StringBuilder(label.length());
        label.codePoints().forEach(c -> out.appendCodePoint(isBidiControl(c) ? REPLACEMENT : c));
        return out.toString();
    }

    private static boolean isBidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
