package com.ivsstack.examples.privatechannel;

import com.ivsstack.ivs.Channel;
import com.ivsstack.ivs.ChannelArgs;
import com.ivsstack.ivs.PlaybackKeyPair;
import com.ivsstack.ivs.PlaybackKeyPairArgs;
import com.ivsstack.ivs.PlaybackRestrictionPolicy;
import com.ivsstack.ivs.PlaybackRestrictionPolicyArgs;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.TypeShape;
import com.pulumi.resources.CustomResourceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A private channel: playback needs a token signed with the private half of the imported key pair, and is
 * allowed only from the configured countries and web origins.
 */
public final class App {

    private static final TypeShape<List<String>> STRING_LIST = TypeShape.list(String.class);

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        var config = ctx.config();
        Path publicKeyFile = Path.of(config.require("publicKeyFile"));

        // docs:begin ivs:index:PlaybackKeyPair
        var keyPair = new PlaybackKeyPair("viewer-tokens", PlaybackKeyPairArgs.builder()
                .name("viewer-tokens")
                .publicKeyMaterial(readPem(publicKeyFile))
                .build());
        // docs:end ivs:index:PlaybackKeyPair

        // docs:begin ivs:index:PlaybackRestrictionPolicy
        var policy = new PlaybackRestrictionPolicy("partner-sites", PlaybackRestrictionPolicyArgs.builder()
                .name("partner-sites")
                .allowedCountries(config.requireObject("allowedCountries", STRING_LIST))
                .allowedOrigins(config.requireObject("allowedOrigins", STRING_LIST))
                .enableStrictOriginEnforcement(true)
                .build());
        // docs:end ivs:index:PlaybackRestrictionPolicy

        // tokens only verify once the key pair exists, so the channel waits for it
        var channel = new Channel("members-only", ChannelArgs.builder()
                .name("members-only")
                .authorized(true)
                .playbackRestrictionPolicyArn(policy.arn())
                .build(), CustomResourceOptions.builder().dependsOn(keyPair).build());

        ctx.export("playbackUrl", channel.playbackUrl());
        ctx.export("ingestEndpoint", channel.ingestEndpoint());
        ctx.export("playbackKeyPairArn", keyPair.arn());
        ctx.export("playbackKeyPairFingerprint", keyPair.fingerprint());
        ctx.export("playbackRestrictionPolicyArn", policy.arn());
    }

    private static String readPem(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the playback public key " + file.toAbsolutePath()
                    + " (config private-channel:publicKeyFile, relative to the project folder): " + e.getMessage(), e);
        }
    }
}
