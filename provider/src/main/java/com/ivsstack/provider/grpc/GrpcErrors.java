package com.ivsstack.provider.grpc;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.ivsstack.provider.api.MissingConfigurationException;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.provider.api.ResourceInitFailedException;
import com.ivsstack.pulumi.wire.MalformedPropertyException;
import com.ivsstack.pulumi.wire.StructCodec;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import pulumirpc.Provider.ConfigureErrorMissingKeys;
import pulumirpc.Provider.ErrorResourceInitFailed;

/**
 * Maps the provider's exceptions to gRPC statuses the way the Pulumi engine reads them: a clean failure gets a code
 * that tells the engine nothing changed; a partial failure carries {@code ErrorResourceInitFailed} so the engine records
 * the resource; only a failure we do not understand gets INTERNAL, which the engine treats as "state may be corrupt".
 */
final class GrpcErrors {

    private GrpcErrors() {
    }

    static StatusRuntimeException toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof ResourceInitFailedException partial) {
            return resourceInitFailed(partial);
        }
        if (failure instanceof MissingConfigurationException missing) {
            var detail = ConfigureErrorMissingKeys.newBuilder();
            missing.missingKeys().forEach(key -> detail.addMissingKeys(ConfigureErrorMissingKeys.MissingKey.newBuilder()
                    .setName(key.name()).setDescription(key.description())));
            return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                    .setCode(Code.INVALID_ARGUMENT_VALUE)
                    .setMessage(messageOf(missing))
                    .addDetails(Any.pack(detail.build()))
                    .build());
        }
        if (failure instanceof MalformedPropertyException malformed) {
            return Status.INVALID_ARGUMENT.withDescription(messageOf(malformed)).asRuntimeException();
        }
        if (failure instanceof ProviderException clean) {
            return Status.FAILED_PRECONDITION.withDescription(messageOf(clean)).withCause(clean).asRuntimeException();
        }
        return Status.INTERNAL.withDescription("internal error in pulumi-resource-ivs: " + messageOf(failure)
                + " (please report it with the plugin's log)").withCause(failure).asRuntimeException();
    }

    private static StatusRuntimeException resourceInitFailed(ResourceInitFailedException partial) {
        var detail = ErrorResourceInitFailed.newBuilder()
                .setId(partial.id() == null ? "" : partial.id())
                .setProperties(StructCodec.encode(partial.outputs(), StructCodec.Unknowns.REJECTED))
                .addAllReasons(partial.reasons());
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.UNKNOWN_VALUE)
                .setMessage(messageOf(partial))
                .addDetails(Any.pack(detail.build()))
                .build());
    }

    private static String messageOf(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
