package com.ivsstack.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.backend.Backends;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ivs.IvsClient;

/**
 * The "done when": two clones of the flagship (two project directories, as two engineers or a CI job and an
 * engineer have them) on one S3 or PostgreSQL backend share one stack: one clone's up, then the other's
 * {@code preview --expect-no-changes} exits 0; the other's up changes nothing, and its destroy removes what the first
 * created.
 */
@ExtendWith(Backends.class)
class SharedStackTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Backends.Kind.class, names = {"S3", "POSTGRES"})
    void twoClonesOnOneBackend_shareOneStack(Backends.Kind kind, Backends backends) {
        int creators = 2;
        String url = backends.newUrl(kind);
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start();
             IvsClient ivs = FlagshipStack.client(emulator.endpoint())) {
            FlagshipStack alice = new FlagshipStack(dir.resolve("alice/streaming-platform"), emulator.endpoint(), creators)
                    .onBackend(url);
            FlagshipStack bob = new FlagshipStack(dir.resolve("bob/streaming-platform"), emulator.endpoint(), creators)
                    .onBackend(url);

            CliRunner.Run up = alice.run("up", "--yes");
            assertThat(up.exitCode()).as("%s", up).isZero();
            CliRunner.Run preview = bob.run("preview", "--expect-no-changes");
            assertThat(preview.exitCode()).as("the other clone sees the stack the first deployed: %s", preview).isZero();
            assertThat(bob.run("stack", "output", "--json").out()).contains("playbackUrls");
            CliRunner.Run again = bob.run("up", "--yes", "--expect-no-changes");
            assertThat(again.exitCode()).as("%s", again).isZero();
            bob.assertMatchesEndpoint(ivs, creators);

            assertThat(bob.run("destroy", "--yes").exitCode()).isZero();
            alice.assertMatchesEndpoint(ivs, 0);
            assertThat(alice.run("stack", "history").out()).contains("Version 3: destroy, succeeded")
                    .contains("Version 1: update, succeeded");
        }
    }
}
