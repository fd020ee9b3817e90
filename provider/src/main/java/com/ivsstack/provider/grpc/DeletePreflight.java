package com.ivsstack.provider.grpc;

import com.ivsstack.provider.api.DeleteGroup;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.Provider;
import com.ivsstack.pulumi.wire.StructCodec;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.InvokeResponse;

/**
 * The delete preflight on the wire: an {@code Invoke} of the reserved token {@code <package>:ivsstack:checkDelete},
 * which is not in schema.json and which only the embedded engine (ivsstack) calls. Its arguments list the deletes of
 * one group, {@code {"resources": [{"urn", "type", "id", "inputs", "outputs"}]}}; its return names the ones that
 * would certainly fail, {@code {"blockers": [{"urn", "reasons": [...]}]}}. An engine that gets "unknown function"
 * (an older plugin) goes ahead without it.
 */
final class DeletePreflight {
    /** The module and member of the token; the package name comes first. */
    static final String MEMBER = "ivsstack:checkDelete";

    private DeletePreflight() {
    }

    static boolean isToken(String token, String packageName) {
        return token.equals(packageName + ":" + MEMBER);
    }

    /** Answers the invoke: decodes the group, asks the provider, encodes the blockers. */
    static InvokeResponse answer(Provider provider, InvokeRequest request) {
        Map<String, List<String>> blocked = provider.deleteBlockers(group(StructCodec.decode(request.getArgs(), StructCodec.Decoding.PROVIDER)));
        List<Object> blockers = new ArrayList<>();
        blocked.forEach((urn, reasons) -> {
            Map<String, Object> blocker = new LinkedHashMap<>();
            blocker.put("urn", urn);
            blocker.put("reasons", List.copyOf(reasons));
            blockers.add(blocker);
        });
        return InvokeResponse.newBuilder()
                .setReturn(StructCodec.encode(Map.of("blockers", blockers), StructCodec.Unknowns.REJECTED)).build();
    }

    private static DeleteGroup group(Map<String, Object> args) {
        if (!(args.get("resources") instanceof List<?> resources)) {
            throw invalid("resources: expected the list of resources to delete");
        }
        List<DeleteGroup.Member> members = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            if (!(resources.get(i) instanceof Map<?, ?> resource)) {
                throw invalid("resources[" + i + "]: expected {urn, type, id, inputs, outputs}");
            }
            String urn = text(resource, "urn", i);
            members.add(new DeleteGroup.Member(text(resource, "type", i), new DeleteRequest(text(resource, "id", i),
                    urn, properties(resource, "inputs"), properties(resource, "outputs"), null)));
        }
        return new DeleteGroup(members);
    }

    private static String text(Map<?, ?> resource, String key, int index) {
        if (!(resource.get(key) instanceof String value) || value.isEmpty()) {
            throw invalid("resources[" + index + "]." + key + ": expected a non-empty string");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<?, ?> resource, String key) {
        return resource.get(key) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static RuntimeException invalid(String problem) {
        return Status.INVALID_ARGUMENT.withDescription(MEMBER + ": " + problem).asRuntimeException();
    }
}
