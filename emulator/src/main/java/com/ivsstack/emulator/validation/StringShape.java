package com.ivsstack.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A string with an optional length range, regular expression (full match) and set of allowed values. */
public final class StringShape implements Shape {
    private int minLength;
    private int maxLength = Integer.MAX_VALUE;
    private Pattern pattern;
    private List<String> allowed;
    private String reservedPrefix;
    private boolean sensitive;

    StringShape() {
    }

    public StringShape length(int min, int max) {
        this.minLength = min;
        this.maxLength = max;
        return this;
    }

    public StringShape minLength(int min) {
        this.minLength = min;
        return this;
    }

    public StringShape pattern(String regex) {
        this.pattern = Pattern.compile(regex);
        return this;
    }

    public StringShape oneOf(String... values) {
        this.allowed = List.of(values);
        return this;
    }

    /** Values starting with {@code prefix}, in any case, are refused (AWS reserves {@code aws:} in tag keys). */
    public StringShape reservedPrefix(String prefix) {
        this.reservedPrefix = prefix.toLowerCase(Locale.ROOT);
        return this;
    }

    /** The value is secret: messages never echo it. */
    public StringShape sensitive() {
        this.sensitive = true;
        return this;
    }

    @Override
    public void check(JsonNode node, String path, List<String> errors) {
        if (!node.isTextual()) {
            errors.add(Shape.violation(node, path, "Member must be a string"));
            return;
        }
        String value = node.asText();
        String shown = sensitive ? "Value at '" + path + "'" : null;
        int length = value.codePointCount(0, value.length());
        if (length < minLength) {
            errors.add(message(node, path, shown, "Member must have length greater than or equal to " + minLength));
        }
        if (length > maxLength) {
            errors.add(message(node, path, shown, "Member must have length less than or equal to " + maxLength));
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            errors.add(message(node, path, shown,
                    "Member must satisfy regular expression pattern: " + pattern.pattern()));
        }
        if (reservedPrefix != null && value.toLowerCase(Locale.ROOT).startsWith(reservedPrefix)) {
            errors.add(message(node, path, shown, "Member must not start with '" + reservedPrefix
                    + "', which is reserved for AWS use"));
        }
        if (allowed != null && !allowed.contains(value)) {
            errors.add(message(node, path, shown, "Member must satisfy enum value set: " + allowed));
        }
    }

    Set<String> allowedValues() {
        return allowed == null ? Set.of() : Set.copyOf(allowed);
    }

    private static String message(JsonNode node, String path, String shown, String constraint) {
        return shown == null ? Shape.violation(node, path, constraint)
                : shown + " failed to satisfy constraint: " + constraint;
    }
}
