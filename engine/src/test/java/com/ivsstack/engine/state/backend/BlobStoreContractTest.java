package com.ivsstack.engine.state.backend;

import com.ivsstack.engine.state.StateBackends;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.engine.testing.backend.Backends;
import com.ivsstack.engine.testing.backend.PostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The operations every store gives the state layer, each against the real thing: a directory, S3Proxy, PostgreSQL.
 * On S3 the lock's semantics are checked one request at a time (neither test server is atomic under a race; AWS is):
 * a second create of the lock object is refused, and a write with a stale ETag is refused.
 */
@ExtendWith(Backends.class)
class BlobStoreContractTest {
    private static BlobStore open(String url) {
        return StateBackends.open(BackendUrl.parse(url, Path.of("")), Backends.environment()).store();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.Kind.class)
    void writeReadListCopyDelete_roundTripsBytesUnderKeys(Backends.Kind kind, Backends backends) {
        try (BlobStore store = open(backends.newUrl(kind))) {
            assertThat(store.read(".pulumi/stacks/p/dev.json")).isEmpty();
            store.write(".pulumi/stacks/p/dev.json", "{\"v\":1}".getBytes(UTF_8));
            store.write(".pulumi/stacks/p/prod.json", "{\"v\":2}".getBytes(UTF_8));
            store.write(".pulumi/stacks/q/dev.json", "{}".getBytes(UTF_8));
            store.copy(".pulumi/stacks/p/dev.json", ".pulumi/stacks/p/dev.json.bak");
            store.copy(".pulumi/stacks/p/missing.json", ".pulumi/stacks/p/missing.json.bak");

            assertThat(new String(store.read(".pulumi/stacks/p/dev.json.bak").orElseThrow().data(), UTF_8)).isEqualTo("{\"v\":1}");
            assertThat(store.list(".pulumi/stacks/p/")).extracting(BlobStore.Entry::key)
                    .containsExactly(".pulumi/stacks/p/dev.json", ".pulumi/stacks/p/dev.json.bak", ".pulumi/stacks/p/prod.json");
            assertThat(store.read(".pulumi/stacks/p/missing.json.bak")).isEmpty();

            store.delete(".pulumi/stacks/p/prod.json");
            store.delete(".pulumi/stacks/p/prod.json");
            assertThat(store.read(".pulumi/stacks/p/prod.json")).isEmpty();
            assertThat(store.list(".pulumi/stacks/")).hasSize(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.Kind.class)
    void writeIf_refusesACreateOverAnObjectAndAWriteWithAStaleVersion(Backends.Kind kind, Backends backends) {
        try (BlobStore store = open(backends.newUrl(kind))) {
            String key = ".pulumi/stacks/p/dev.json";
            String first = store.writeIf(key, "one".getBytes(UTF_8), null);
            assertThatThrownBy(() -> store.writeIf(key, "other".getBytes(UTF_8), null))
                    .isInstanceOf(VersionConflictException.class);
            String second = store.writeIf(key, "two".getBytes(UTF_8), first);
            assertThat(second).isNotEqualTo(first);
            assertThatThrownBy(() -> store.writeIf(key, "stale".getBytes(UTF_8), first))
                    .isInstanceOf(VersionConflictException.class);
            BlobStore.Blob now = store.read(key).orElseThrow();
            assertThat(new String(now.data(), UTF_8)).isEqualTo("two");
            assertThat(now.version()).isEqualTo(second);
            assertThat(store.writeIf(key, "three".getBytes(UTF_8), now.version())).isNotEqualTo(second);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.Kind.class)
    void lease_aSecondHolderIsRefusedWithTheFirstOnesRecord_andGetsItOnceReleased(Backends.Kind kind, Backends backends) {
        String address = backends.newUrl(kind);
        try (BlobStore first = open(address); BlobStore second = open(address)) {
            DiyLayout layout = new DiyLayout("p", "dev");
            BlobStore.Lease lease = first.lease(layout.hold(), layout.ourLockRecord(), "first".getBytes(UTF_8));
            assertThat(second.leaseHeld(layout.hold(), layout.ourLockRecord())).isTrue();
            assertThatThrownBy(() -> second.lease(layout.hold(), layout.ourLockRecord(), "second".getBytes(UTF_8)))
                    .isInstanceOfSatisfying(BlobStore.LeaseHeldException.class,
                            e -> assertThat(new String(e.record(), UTF_8)).isEqualTo("first"));
            lease.close();
            assertThat(second.read(layout.ourLockRecord())).isEmpty();
            try (BlobStore.Lease again = second.lease(layout.hold(), layout.ourLockRecord(), "second".getBytes(UTF_8))) {
                assertThat(new String(first.read(layout.ourLockRecord()).orElseThrow().data(), UTF_8)).isEqualTo("second");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.Kind.class)
    void stateBackend_refusesALayoutNewerThanItReads_namingTheFileAndVersion(Backends.Kind kind, Backends backends) {
        String address = backends.newUrl(kind);
        try (BlobStore store = open(address)) {
            store.write(DiyLayout.META, "version: 2\n".getBytes(UTF_8));
        }
        assertThatThrownBy(() -> open(address)).isInstanceOfSatisfying(BackendException.class, e -> {
            assertThat(e.kind()).isEqualTo(BackendException.Kind.NEWER_FORMAT);
            assertThat(e.getMessage()).contains(".pulumi/meta.yaml says version 2").doesNotContain(PostgresServer.PASSWORD);
        });
    }
}
