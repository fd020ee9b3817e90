package com.ivsstack.engine.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a deployment (a checkpoint's {@code latest}, or the {@code deployment} of a {@code stack export}) is one the
 * engine can act on: the rules of the Pulumi CLI's snapshot integrity check (every parent, provider and dependency
 * names a resource of the deployment, one live entry per URN), plus what the engine relies on (URNs of this stack and
 * project, a type that matches the URN, an id for every custom resource). It names every problem and repairs none: a
 * deployment read wrongly would have the next run create resources that exist, or delete ones it should keep.
 */
public final class DeploymentValidator {
    /** Problems named in one message; a broken file usually has one cause, repeated. */
    private static final int SHOWN = 8;
    private static final Set<String> PENDING_TYPES = Set.of(PendingOperation.CREATING, PendingOperation.UPDATING,
            PendingOperation.DELETING, "reading", "importing");

    private DeploymentValidator() {
    }

    /**
     * The problems of the deployment, each naming where it is (for example {@code deployment.resources[3].urn});
     * empty if none.
     *
     * @param path where the deployment is in its document, for example {@code deployment} or {@code checkpoint.latest}
     */
    public static List<String> problems(JsonNode deployment, String path, String project, String stack) {
        List<String> problems = new ArrayList<>();
        if (!deployment.isObject()) {
            problems.add(path + " is " + kind(deployment) + ", not an object");
            return problems;
        }
        if (!deployment.path("manifest").isObject()) {
            problems.add(path + ".manifest is " + kind(deployment.path("manifest"))
                    + ", not an object (every Pulumi deployment has one)");
        }
        JsonNode resources = deployment.path("resources");
        if (!resources.isMissingNode() && !resources.isNull() && !resources.isArray()) {
            problems.add(path + ".resources is " + kind(resources) + ", not a list");
            return problems;
        }
        Map<String, String> providerIds = new HashMap<>();
        Set<String> urns = new HashSet<>();
        for (JsonNode r : resources) {
            String urn = r.path("urn").asText("");
            urns.add(urn);
            if (r.path("type").asText("").startsWith("pulumi:providers:")) {
                providerIds.put(urn, r.path("id").asText(""));
            }
        }
        Set<String> live = new HashSet<>();
        int index = 0;
        for (JsonNode r : resources) {
            String at = path + ".resources[" + index++ + "]";
            if (!r.isObject()) {
                problems.add(at + " is " + kind(r) + ", not an object");
                continue;
            }
            String urn = resource(r, at, project, stack, problems);
            if (urn == null) {
                continue;
            }
            if (!r.path("delete").asBoolean() && !live.add(urn)) {
                problems.add(at + ": a second live entry for " + urn + " (only replaced originals, marked delete, may repeat a URN)");
            }
            references(r, at, urns, providerIds, problems);
        }
        JsonNode pending = deployment.path("pending_operations");
        index = 0;
        for (JsonNode op : pending) {
            String at = path + ".pending_operations[" + index++ + "]";
            if (!PENDING_TYPES.contains(op.path("type").asText(""))) {
                problems.add(at + ".type is " + kind(op.path("type")) + ", not one of " + String.join(", ", PENDING_TYPES.stream().sorted().toList()));
            }
            if (!op.path("resource").isObject()) {
                problems.add(at + ".resource is " + kind(op.path("resource")) + ", not an object");
            } else {
                urnOf(op.path("resource"), at + ".resource", project, stack, problems);
            }
        }
        return problems;
    }

    /** The problems as one sentence list for a message: the first few, and how many more. */
    public static String describe(List<String> problems) {
        List<String> shown = problems.subList(0, Math.min(SHOWN, problems.size()));
        String text = String.join("; ", shown);
        return problems.size() > SHOWN ? text + "; and " + (problems.size() - SHOWN) + " more" : text;
    }

    /** Checks one resource's own fields; its URN, or null when the URN itself is unusable. */
    private static String resource(JsonNode r, String at, String project, String stack, List<String> problems) {
        String urn = urnOf(r, at, project, stack, problems);
        if (urn == null) {
            return null;
        }
        String type = r.path("type").asText("");
        if (!type.equals(Urns.type(urn))) {
            problems.add(at + ".type is " + kind(r.path("type")) + ", but its URN names type " + Urns.type(urn));
        }
        if (r.has("custom") && !r.get("custom").isBoolean()) {
            problems.add(at + ".custom is " + kind(r.get("custom")) + ", not true or false");
        }
        if (r.path("custom").asBoolean() && r.path("id").asText("").isEmpty()) {
            problems.add(at + " (" + urn + ") is a custom resource without an id");
        }
        return urn;
    }

    /** The resource's URN if it is well formed and of this stack and project; otherwise the problem is added. */
    private static String urnOf(JsonNode r, String at, String project, String stack, List<String> problems) {
        JsonNode node = r.path("urn");
        if (!node.isTextual()) {
            problems.add(at + ".urn is " + kind(node) + ", not a URN");
            return null;
        }
        String urn = node.asText();
        try {
            Urns.name(urn);
        } catch (IllegalArgumentException e) {
            problems.add(at + ".urn: " + e.getMessage());
            return null;
        }
        String prefix = "urn:pulumi:" + stack + "::" + project + "::";
        if (!urn.startsWith(prefix)) {
            problems.add(at + ".urn " + urn + " belongs to another stack or project (this is stack '" + stack
                    + "' of project '" + project + "': its URNs start with " + prefix + ")");
            return null;
        }
        return urn;
    }

    private static void references(JsonNode r, String at, Set<String> urns, Map<String, String> providerIds,
                                   List<String> problems) {
        String parent = r.path("parent").asText("");
        if (!parent.isEmpty() && !urns.contains(parent)) {
            problems.add(at + ".parent " + parent + " is not a resource of the deployment");
        }
        String provider = r.path("provider").asText("");
        if (!provider.isEmpty()) {
            try {
                ProviderReference ref = ProviderReference.parse(provider);
                if (!ref.id().equals(providerIds.get(ref.urn()))) {
                    problems.add(at + ".provider " + provider + " is not a provider of the deployment (its URN and id)");
                }
            } catch (IllegalArgumentException e) {
                problems.add(at + ".provider: " + e.getMessage());
            }
        }
        for (JsonNode d : r.path("dependencies")) {
            if (!urns.contains(d.asText(""))) {
                problems.add(at + ".dependencies: " + d + " is not a resource of the deployment");
            }
        }
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "\"" + abbreviate(node.asText()) + "\"";
        }
        if (node.isContainerNode()) {
            return node.isArray() ? "a list" : "an object";
        }
        return node.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
