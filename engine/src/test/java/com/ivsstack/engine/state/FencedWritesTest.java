package com.ivsstack.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.engine.state.backend.BackendUrl;
import com.ivsstack.engine.testing.backend.Backends;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run that lost its lock (removed by cancel while it still ran) can never overwrite a newer state: its next write
 * is refused by the store, on every backend, and the newer state stands.
 */
@ExtendWith(Backends.class)
class FencedWritesTest {
    private static CheckpointStore store(String url) {
        return new CheckpointStore(StateBackends.open(BackendUrl.parse(url, Path.of("")), Backends.environment()), null,
                "organization", "app", "dev", new SecretsManager(() -> "pass", null));
    }

    private static ResourceState channel(String name) {
        return ResourceState.builder("urn:pulumi:dev::app::ivs:index:Channel::" + name, "ivs:index:Channel", true)
                .id("arn:aws:ivs:us-west-2:123456789012:channel/" + name).build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.Kind.class)
    void save_afterAnotherRunWroteTheStack_isRefusedAndTheNewerStateStands(Backends.Kind kind, Backends backends) {
        String url = backends.newUrl(kind);
        CheckpointStore first = store(url);
        first.fenceFromNextRead();
        first.load();
        first.save(new Snapshot(List.of(channel("a")), List.of()));

        CheckpointStore second = store(url);
        second.fenceFromNextRead();
        assertThat(second.load().resources()).hasSize(1);
        second.save(new Snapshot(List.of(channel("a"), channel("b")), List.of()));

        assertThatThrownBy(() -> first.save(new Snapshot(List.of(), List.of())))
                .isInstanceOf(StateChangedException.class)
                .hasMessageContaining("was changed by another run").hasMessageContaining("stopped without overwriting it");
        CheckpointStore reader = store(url);
        assertThat(reader.load().resources()).extracting(ResourceState::urn)
                .containsExactly(channel("a").urn(), channel("b").urn());
        first.backend().close();
        second.backend().close();
        reader.backend().close();
    }
}
