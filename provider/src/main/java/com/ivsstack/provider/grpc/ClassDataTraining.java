package com.ivsstack.provider.grpc;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.ivsstack.provider.IvsProvider;
import io.grpc.ManagedChannel;
import io.grpc.okhttp.OkHttpChannelBuilder;
import pulumirpc.Provider;
import pulumirpc.ResourceProviderGrpc;

import java.util.concurrent.TimeUnit;

/**
 * Trains the plugin's class-data sharing archive: the launcher runs this once, in the background, at the first start
 * of an installed plugin with {@code -XX:ArchiveClassesAtExit}; the JVM then archives every class a start needs (the
 * gRPC server, the schema, the provider, the AWS clients of Configure, Check), and every later start maps them instead
 * of loading and verifying them from the jars. Makes no AWS call: Configure builds clients for an endpoint nothing
 * listens on, and Check needs no call.
 */
public final class ClassDataTraining {

    private ClassDataTraining() {
    }

    public static void main(String[] args) throws Exception {
        var plugin = PluginLauncher.start(PluginArguments.parse(), IvsProvider::new);
        ManagedChannel channel = OkHttpChannelBuilder.forAddress("127.0.0.1", plugin.port()).usePlaintext().build();
        try {
            var stub = ResourceProviderGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
            stub.getPluginInfo(Empty.getDefaultInstance());
            var config = Struct.newBuilder()
                    .putFields("endpoint", Value.newBuilder().setStringValue("http://127.0.0.1:9").build())
                    .putFields("region", Value.newBuilder().setStringValue("us-west-2").build()).build();
            stub.checkConfig(Provider.CheckRequest.newBuilder().setUrn("urn:pulumi:training::training::pulumi:providers:ivs::default")
                    .setType("pulumi:providers:ivs").setNews(config).build());
            stub.configure(Provider.ConfigureRequest.newBuilder().setArgs(config).setAcceptSecrets(true).build());
            var name = Struct.newBuilder().putFields("name", Value.newBuilder().setStringValue("training").build()).build();
            for (String type : new String[] {"ivs:index:Channel", "ivs:index:StreamKey"}) {
                stub.check(Provider.CheckRequest.newBuilder().setUrn("urn:pulumi:training::training::" + type + "::training")
                        .setType(type).setNews(name).build());
                stub.diff(Provider.DiffRequest.newBuilder().setUrn("urn:pulumi:training::training::" + type + "::training")
                        .setType(type).setId("training").setOlds(name).setOldInputs(name).setNews(name).build());
            }
        } finally {
            channel.shutdownNow();
            plugin.stop();
        }
        System.exit(0);
    }
}
