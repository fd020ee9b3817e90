package com.ivsstack.provider.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The deletes an engine is about to make together, for the delete preflight ({@link Provider#deleteBlockers}): the
 * embedded engine asks for the reasons any of them would certainly fail before it makes the first one, so a group is
 * never half deleted (a channel's stream key gone, the live channel still there). An ivsstack extension: the Pulumi
 * engine never asks.
 *
 * <p>One group is one question, so what its members need to know can be looked up once for all of them with
 * {@link #shared}: a listing of the live streams serves every channel of the group.
 */
public final class DeleteGroup {

    /** One delete of the group: the resource's type token and what its delete would be given. */
    public record Member(String type, DeleteRequest request) {
        public Member {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(request, "request");
        }
    }

    private final List<Member> members;
    private final Map<String, Object> shared = new ConcurrentHashMap<>();

    public DeleteGroup(List<Member> members) {
        this.members = List.copyOf(members);
    }

    public List<Member> members() {
        return members;
    }

    /**
     * Whether the resource with this id is deleted in the same group. The engine deletes dependents first, so a
     * blocker that is itself deleted by the group (a channel still using a recording configuration) is no blocker.
     */
    public boolean deletes(String id) {
        return members.stream().anyMatch(m -> m.request().id().equals(id));
    }

    /** A value computed once for the whole group, by key (for example the live channels of the account). */
    @SuppressWarnings("unchecked")
    public <T> T shared(String key, Supplier<T> compute) {
        return (T) shared.computeIfAbsent(key, k -> compute.get());
    }
}
