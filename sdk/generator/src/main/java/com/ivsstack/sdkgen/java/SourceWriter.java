package com.ivsstack.sdkgen.java;

/** Builds indented source text, four spaces a level. */
public final class SourceWriter {

    private final StringBuilder text = new StringBuilder();
    private int indent;

    public SourceWriter line(String line) {
        if (!line.isEmpty()) {
            text.append("    ".repeat(indent));
        }
        text.append(line).append('\n');
        return this;
    }

    public SourceWriter line() {
        return line("");
    }

    /** Writes {@code line} and indents what follows. */
    public SourceWriter open(String line) {
        line(line);
        indent++;
        return this;
    }

    /** Outdents and writes {@code line}. */
    public SourceWriter close(String line) {
        indent--;
        return line(line);
    }

    /** Writes {@code line} one level out, between two blocks: {@code } else {}. */
    public SourceWriter middle(String line) {
        indent--;
        line(line);
        indent++;
        return this;
    }

    public SourceWriter javadoc(String... paragraphs) {
        Javadoc.write(this, paragraphs);
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
