package com.ivsstack.provider.api;

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
}
