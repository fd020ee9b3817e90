package com.ivsstack.emulator.admin;

import com.ivsstack.emulator.FaultRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The fault rules in force, and the decision for each request (the first matching rule that fires wins). */
public final class FaultInjector {
    private static final class ActiveRule {
        final FaultRule rule;
        int remaining;

        ActiveRule(FaultRule rule) {
            this.rule = rule;
            this.remaining = rule.count();
        }
    }

    private final List<ActiveRule> rules = new ArrayList<>();

    public synchronized void add(FaultRule rule) {
        rules.add(new ActiveRule(rule));
    }

    public synchronized void clear() {
        rules.clear();
    }

    public synchronized List<FaultRule> rules() {
        return rules.stream().map(r -> r.rule).toList();
    }

    /** The fault to apply to this request of {@code operation}, if any; uses up one count of its rule. */
    public synchronized Optional<FaultRule> next(String operation) {
        for (ActiveRule active : rules) {
            if (!active.rule.matches(operation)) {
                continue;
            }
            if (active.rule.rate() < 1.0 && ThreadLocalRandom.current().nextDouble() >= active.rule.rate()) {
                continue;
            }
            if (active.remaining != FaultRule.UNLIMITED) {
                active.remaining--;
                if (active.remaining == 0) {
                    rules.remove(active);
                }
            }
            return Optional.of(active.rule);
        }
        return Optional.empty();
    }
}
