package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.pulumi.value.PropertyValues;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Collects check failures for the model constraints schema.json cannot express (lengths, patterns, ranges, rules
 * across properties). Every failure names the property, the value and the rule. Unknown values are skipped: they are
 * checked when they are known.
 */
public final class Validator {

    public static final String NAME_PATTERN = "[a-zA-Z0-9-_]*";
    public static final String BUCKET_PATTERN = "[a-z0-9-.]+";

    private final List<CheckFailure> failures = new ArrayList<>();

    public List<CheckFailure> failures() {
        return failures;
    }

    public void fail(String property, String reason) {
        failures.add(new CheckFailure(property, reason));
    }

    /** A string of {@code min..max} characters matching {@code pattern} (a full match); null passes. */
    public void string(String property, Object value, int min, int max, String pattern, String rule) {
        if (!(value instanceof String s)) {
            return;
        }
        if (s.length() < min || s.length() > max) {
            fail(property, PropertyValues.show(s) + " has " + s.length() + " characters; it must have " + min + " to " + max);
        } else if (pattern != null && !Pattern.matches(pattern, s)) {
            fail(property, PropertyValues.show(s) + " is not valid: " + rule);
        }
    }

    /** An IVS ARN of the given resource type; {@code allowEmpty} for references where "" means none. */
    public void arn(String property, Object value, String resourceType, boolean allowEmpty) {
        if (!(value instanceof String s) || (allowEmpty && s.isEmpty())) {
            return;
        }
        if (!com.ivsstack.provider.aws.ArnParser.isArnOf(resourceType, s)) {
            fail(property, PropertyValues.show(s) + " is not an IVS " + resourceType + " ARN (arn:aws:ivs:<region>:<account>:"
                    + resourceType + "/<id>, at most 128 characters)" + (allowEmpty ? "; use \"\" for none" : ""));
        }
    }

    public void range(String property, Object value, double min, double max) {
        if (!(value instanceof Number n)) {
            return;
        }
        if (n.doubleValue() < min || n.doubleValue() > max) {
            fail(property, n + " is out of range: it must be from " + format(min) + " to " + format(max));
        }
    }

    /** A list in which each value appears once. */
    public void distinct(String property, List<String> values) {
        if (values != null && new TreeSet<>(values).size() != values.size()) {
            fail(property, values + " lists a value twice; each may appear once");
        }
    }

    /** A list of at most {@code max} items; null and unknown pass. */
    public void maxItems(String property, Object value, int max) {
        if (value instanceof List<?> list && list.size() > max) {
            fail(property, PropertyValues.show(value) + " has " + list.size() + " items; at most " + max + " may be given");
        }
    }

    /** Tags under AWS's tagging rules ({@link TagRules}). */
    public void tags(String property, Object value) {
        failures.addAll(TagRules.check(property, value));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
