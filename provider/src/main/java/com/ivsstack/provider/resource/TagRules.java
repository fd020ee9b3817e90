package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.pulumi.value.Secret;
import com.ivsstack.pulumi.value.PropertyValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AWS's tagging rules, as the IVS model gives them, checked without calling AWS (the service would answer 400
 * ValidationException): at most 50 tags; keys of 1 to 128 and values of at most 256 characters, both only letters,
 * spaces, digits and {@code _ . : / = + - @}; keys starting with {@code aws:} are AWS's own, and
 * {@value Ownership#TAG_KEY} is the provider's. Applied to every taggable resource's tags (defaultTags merged) and to
 * the provider's defaultTags. Every failure names the tag's path, its key or value (never a secret's) and the rule.
 */
public final class TagRules {

    /** The IVS model's TagKey and TagValue patterns: Unicode letters, separators and numbers, and these marks. */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final String ALLOWED_IN_WORDS = "tag keys and values have only letters, spaces, digits and _ . : / = + - @";
    static final int MAX_KEY = 128;
    static final int MAX_VALUE = 256;

    private TagRules() {
    }

    /** Whether {@code value} may be a tag value. */
    static boolean isAllowedValue(String value) {
        return value.length() <= MAX_VALUE && ALLOWED.matcher(value).matches();
    }

    /** What is wrong with {@code tags} (a map, possibly secret or holding secrets) at {@code property}. */
    public static List<CheckFailure> check(String property, Object tags) {
        var failures = new ArrayList<CheckFailure>();
        var map = PropertyValues.asMap(tags);
        if (map == null) {
            return failures;
        }
        boolean secret = tags instanceof Secret;
        if (map.size() > Ownership.MAX_TAGS) {
            failures.add(new CheckFailure(property, map.size() + " tags given (including defaultTags); a resource takes at most 50"));
        }
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String key = entry.getKey();
            String path = PropertyValues.path(property, key);
            if (key.isEmpty() || key.length() > MAX_KEY) {
                failures.add(new CheckFailure(path, "tag key " + PropertyValues.show(key) + " has " + key.length()
                        + " characters; it must have 1 to " + MAX_KEY));
            } else if (key.toLowerCase().startsWith("aws:")) {
                failures.add(new CheckFailure(path, "tag key " + PropertyValues.show(key) + " is not valid: the aws: prefix is reserved by AWS"));
            } else if (key.equals(Ownership.TAG_KEY)) {
                failures.add(new CheckFailure(path, "tag key " + PropertyValues.show(key)
                        + " is reserved: the provider sets it to record which resource owns the AWS object"));
            } else if (!ALLOWED.matcher(key).matches()) {
                failures.add(new CheckFailure(path, "tag key " + PropertyValues.show(key) + " is not valid: " + ALLOWED_IN_WORDS));
            }
            if (Secret.unwrap(entry.getValue()) instanceof String value) {
                String shown = PropertyValues.show(secret ? new Secret(value) : entry.getValue());
                if (value.length() > MAX_VALUE) {
                    failures.add(new CheckFailure(path, "tag value has " + value.length()
                            + " characters; it must have at most " + MAX_VALUE));
                } else if (!ALLOWED.matcher(value).matches()) {
                    failures.add(new CheckFailure(path, "tag value " + shown + " is not valid: " + ALLOWED_IN_WORDS));
                }
            }
        }
        return failures;
    }
}
