package com.ivsstack.provider.api;

import java.util.List;
import java.util.Map;

/** A data-source function (a Pulumi invoke), for example {@code ivs:index:getChannel}. */
public interface ProviderFunction {

    String token();

    Result invoke(Map<String, Object> args);

    /** The function's return value, or failures naming the arguments that are wrong. */
    record Result(Map<String, Object> value, List<CheckFailure> failures) {

        public Result {
            failures = List.copyOf(failures);
        }

        public static Result of(Map<String, Object> value) {
            return new Result(value, List.of());
        }
    }
}
