package com.ivsstack.engine.testing;

import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.plan.PropertyChange;
import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.plan.StepOp;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.pulumi.value.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stacks for the graph and diagram tests, as state entries (for {@code stack graph}) and as plans over the same
 * resources (for the Markdown plan): a streaming platform of N rooms, each a recording configuration, a channel that
 * records to it and the channel's stream key, under a component; and a stack whose names try to break the formats.
 */
public final class GraphFixtures {
    public static final String STACK = "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev";
    public static final String PROVIDER = "urn:pulumi:dev::demo::pulumi:providers:ivs::default_0_1_0";
    public static final String PROVIDER_REFERENCE = PROVIDER + "::04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    /** A secret that every fixture's inputs hold: it must appear in no graph or plan. */
    public static final String SECRET = "sk_us-west-2_DO-NOT-SHOW";

    private GraphFixtures() {
    }

    /** The stack resource, the default provider, and per room a component with a recording, a channel and a key. */
    public static List<ResourceState> rooms(int rooms) {
        List<ResourceState> all = new ArrayList<>(List.of(stack(), provider()));
        for (int i = 1; i <= rooms; i++) {
            String room = String.format("room-%02d", i);
            String component = "urn:pulumi:dev::demo::demo:index:Room::" + room;
            all.add(ResourceState.builder(component, "demo:index:Room", false).parent(STACK).build());
            String recording = childUrn("ivs:index:RecordingConfiguration", room + "-recording");
            String channel = childUrn("ivs:index:Channel", room + "-channel");
            String key = childUrn("ivs:index:StreamKey", room + "-key");
            all.add(custom(recording, "ivs:index:RecordingConfiguration", component, Map.of()));
            all.add(custom(channel, "ivs:index:Channel", component,
                    Map.of("recordingConfigurationArn", List.of(recording))));
            all.add(custom(key, "ivs:index:StreamKey", component, Map.of("channelArn", List.of(channel))));
        }
        return all;
    }

    /** The URN of a resource whose parent is a room component. */
    public static String childUrn(String type, String name) {
        return "urn:pulumi:dev::demo::demo:index:Room$" + type + "::" + name;
    }

    /**
     * Names that quote, bracket, escape, inject and overflow: a channel per name, each with a stream key that
     * depends on it through {@code channelArn}.
     */
    public static List<ResourceState> hostileNames() {
        List<String> names = List.of(
                "say \"hi\" [now] {x} (y) <b>bold</b> & more",
                "$HOME ${env} $$ x^2 $$ `code` ```fence",
                "end",
                "style:x#35; #quot; %% comment; a|b",
                "日本語のチャンネル 🎥 שלום café\u0301",
                "line\nbreak\ttab\u200Bzero-width\u202Eright-to-left",
                "back\\slash \\N \\l",
                "</details><script>alert(1)</script>",
                "a::b::c",
                "x".repeat(40) + "-" + "very-long-name-".repeat(12));
        List<ResourceState> all = new ArrayList<>(List.of(stack(), provider()));
        for (int i = 0; i < names.size(); i++) {
            String channel = "urn:pulumi:dev::demo::ivs:index:Channel::" + names.get(i);
            all.add(custom(channel, "ivs:index:Channel", STACK, Map.of()));
            all.add(custom("urn:pulumi:dev::demo::ivs:index:StreamKey::key-" + i + " \"" + names.get(i) + "\"",
                    "ivs:index:StreamKey", STACK, Map.of("channelArn", List.of(channel))));
        }
        return all;
    }

    /**
     * A plan over these resources: each step's op as {@code ops} says by name (unchanged when not named); a step
     * of op {@code DELETE} is for a resource that the program no longer declares.
     */
    public static OperationResult plan(List<ResourceState> resources, Map<String, StepOp> ops) {
        List<Step> steps = new ArrayList<>();
        for (ResourceState r : resources) {
            StepOp op = ops.getOrDefault(r.name(), StepOp.SAME);
            List<PropertyChange> changes = switch (op) {
                case UPDATE -> List.of(new PropertyChange("latencyMode", PropertyChange.Kind.UPDATE, false, "LOW", "NORMAL"));
                case REPLACE -> List.of(new PropertyChange("name", PropertyChange.Kind.UPDATE, true, "old", "new"));
                default -> List.of();
            };
            steps.add(Step.planned(op, r.urn(), r.type(), r.links(), r.custom(), changes,
                    op == StepOp.CREATE ? Map.of() : r.inputs(), op == StepOp.DELETE ? Map.of() : r.inputs(),
                    false).finished(0, null));
            if (op == StepOp.REPLACE) {
                steps.add(Step.planned(StepOp.DELETE_REPLACED, r.urn(), r.type(), r.links(), r.custom(), List.of(),
                        r.inputs(), Map.of(), false).finished(0, null));
            }
        }
        return new OperationResult("update", true, steps, List.of(), Map.of(), Duration.ofSeconds(3));
    }

    private static ResourceState stack() {
        return ResourceState.builder(STACK, "pulumi:pulumi:Stack", false).build();
    }

    private static ResourceState provider() {
        return ResourceState.builder(PROVIDER, "pulumi:providers:ivs", true).id("04da6b54-80e4-46f7-96ec-b56ff0331ba9")
                .inputs(Map.of("region", "us-west-2")).build();
    }

    private static ResourceState custom(String urn, String type, String parent, Map<String, List<String>> propertyDependencies) {
        List<String> dependencies = new ArrayList<>();
        propertyDependencies.values().forEach(dependencies::addAll);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("name", urn.substring(urn.lastIndexOf("::") + 2));
        inputs.put("value", new Secret(SECRET));
        return ResourceState.builder(urn, type, true).id("arn:aws:ivs:us-west-2:123456789012:" + type.hashCode())
                .parent(parent).provider(PROVIDER_REFERENCE).dependencies(dependencies)
                .propertyDependencies(propertyDependencies).inputs(inputs).outputs(inputs).build();
    }
}
