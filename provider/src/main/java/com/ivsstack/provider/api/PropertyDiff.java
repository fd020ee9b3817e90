package com.ivsstack.provider.api;

/** How one property path changes. */
public record PropertyDiff(Kind kind, boolean inputDiff) {

    public enum Kind {
        ADD, ADD_REPLACE, DELETE, DELETE_REPLACE, UPDATE, UPDATE_REPLACE;

        public boolean isReplace() {
            return this == ADD_REPLACE || this == DELETE_REPLACE || this == UPDATE_REPLACE;
        }
    }

    public static PropertyDiff of(Kind kind) {
        return new PropertyDiff(kind, true);
    }
}
