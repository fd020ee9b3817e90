package com.ivsstack.provider.api;

/** One invalid input: the property path (for example {@code video.width}) and a reason that names the value and the rule. */
public record CheckFailure(String property, String reason) {
}
