package com.ivsstack.engine.plan;

/** What a step does, with Pulumi's display symbols. */
public enum StepOp {
    SAME(" ", "same", "unchanged"),
    CREATE("+", "create", "created"),
    UPDATE("~", "update", "updated"),
    REPLACE("+-", "replace", "replaced"),
    DELETE_REPLACED("--", "delete-replaced", "deleted original"),
    DELETE("-", "delete", "deleted"),
    READ(">", "read", "read"),
    IMPORT("=", "import", "imported"),
    REFRESH("~", "refresh", "refreshed"),
    DISCARD("-", "discard", "discarded");

    private final String symbol;
    private final String word;
    private final String pastTense;

    StepOp(String symbol, String word, String pastTense) {
        this.symbol = symbol;
        this.word = word;
        this.pastTense = pastTense;
    }

    public String symbol() {
        return symbol;
    }

    public String word() {
        return word;
    }

    public String pastTense() {
        return pastTense;
    }

    /** Whether the step changes anything (what --expect-no-changes looks for). */
    public boolean isChange() {
        return this != SAME && this != READ;
    }
}
