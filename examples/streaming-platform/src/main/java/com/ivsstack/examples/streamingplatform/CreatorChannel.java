package com.ivsstack.examples.streamingplatform;

import com.ivsstack.ivs.enums.ChannelLatencyMode;
import com.ivsstack.ivs.enums.ChannelType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A creator's channel settings, checked. Resource names come from the creator's name alone, never from the
 * list position, so adding, editing, reordering or removing entries touches exactly those creators.
 */
public record CreatorChannel(String name, ChannelLatencyMode latencyMode, ChannelType channelType, boolean record) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?");
    private static final String KEY = "streaming-platform:creators";

    public String channelResourceName() {
        return "creator-" + name;
    }

    public String streamKeyResourceName() {
        return "creator-" + name + "-key";
    }

    /** Checks the config list, failing with every problem at once, each naming the entry, field and rule. */
    public static List<CreatorChannel> fromConfig(List<Creator> creators) {
        List<String> problems = new ArrayList<>();
        List<CreatorChannel> channels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < creators.size(); i++) {
            Creator creator = creators.get(i);
            String where = KEY + "[" + i + "]";
            if (creator == null) {
                problems.add(where + ": is empty; give at least a name");
                continue;
            }
            if (creator.name() == null || !NAME.matcher(creator.name()).matches()) {
                problems.add(where + ".name: '" + creator.name() + "' must be 1-50 lowercase letters, digits and '-'"
                        + " (it names the channel creator-<name>)");
            } else if (!seen.add(creator.name())) {
                problems.add(where + ".name: '" + creator.name() + "' is listed twice; creator names must be unique");
            }
            ChannelLatencyMode latency = parse(creator.latencyMode(), ChannelLatencyMode.Low, ChannelLatencyMode.values(),
                    ChannelLatencyMode::getValue, where + ".latencyMode", problems);
            ChannelType type = parse(creator.channelType(), ChannelType.Standard, ChannelType.values(),
                    ChannelType::getValue, where + ".channelType", problems);
            channels.add(new CreatorChannel(creator.name(), latency, type, Boolean.TRUE.equals(creator.record())));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid stack config:\n  " + String.join("\n  ", problems));
        }
        return List.copyOf(channels);
    }

    private static <E> E parse(String value, E fallback, E[] values, Function<E, String> wire, String where,
            List<String> problems) {
        if (value == null) {
            return fallback;
        }
        for (E candidate : values) {
            if (wire.apply(candidate).equals(value)) {
                return candidate;
            }
        }
        problems.add(where + ": '" + value + "' is not one of "
                + Arrays.stream(values).map(wire).collect(Collectors.joining(", ")));
        return fallback;
    }
}
