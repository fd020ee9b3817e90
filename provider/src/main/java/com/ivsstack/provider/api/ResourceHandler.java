package com.ivsstack.provider.api;

import java.util.List;

/**
 * The operations of one resource type, for example {@code ivs:index:Channel}. Implementations are thread-safe: the
 * engine calls them concurrently for different resources.
 */
public interface ResourceHandler {

    /** The Pulumi type token, for example {@code ivs:index:Channel}. */
    String token();

    CheckResult check(CheckRequest request);

    DiffResult diff(DiffRequest request);

    CreateResult create(CreateRequest request);

    ReadResult read(ReadRequest request);

    UpdateResult update(UpdateRequest request);

    void delete(DeleteRequest request);

    /**
     * Why deleting this resource now would certainly fail (a live channel that the provider may not stop, ...);
     * empty when nothing is known to stop it. Read-only: it changes nothing. Types whose delete can be refused
     * override it; the others never block a group.
     *
     * @param group every delete the engine makes together with this one
     */
    default List<String> deleteBlockers(DeleteRequest request, DeleteGroup group) {
        return List.of();
    }
}
