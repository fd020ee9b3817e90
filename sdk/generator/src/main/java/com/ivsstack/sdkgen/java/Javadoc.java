package com.ivsstack.sdkgen.java;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Javadoc comments from schema descriptions, escaped so that no description can end a comment or break HTML. */
public final class Javadoc {

    /** A block tag the generator itself writes in front of a description; everything after it is escaped. */
    private static final Pattern TAG = Pattern.compile("@(return|deprecated|param \\S+) ");

    private Javadoc() {}

    /**
     * Writes one comment from the non-null paragraphs; writes nothing when all are null or blank. A paragraph
     * may have lines that start with a block tag ({@code @return }, {@code @param x }, {@code @deprecated }).
     */
    static void write(SourceWriter out, String... paragraphs) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : paragraphs) {
            if (paragraph == null || paragraph.isBlank()) {
                continue;
            }
            if (!lines.isEmpty()) {
                lines.add("");
            }
            paragraph.strip().lines().forEach(line -> {
                Matcher tag = TAG.matcher(line);
                String prefix = tag.lookingAt() ? tag.group() : "";
                lines.add(prefix + escape(line.substring(prefix.length())));
            });
        }
        if (lines.isEmpty()) {
            return;
        }
        out.line("/**");
        lines.forEach(l -> out.line(l.isEmpty() ? " *" : " * " + l));
        out.line(" */");
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*/", "*&#47;").replace("@", "&#64;").stripTrailing();
    }
}
