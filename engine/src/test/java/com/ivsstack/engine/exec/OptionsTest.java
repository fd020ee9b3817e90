package com.ivsstack.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.Engine;
import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.state.StackLock;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {
    @TempDir
    Path dir;

    @Test
    void protect_refusesToDeleteTheResource_andKeepsItInTheState() {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud).set("recording", "false").set("streamKey", "false")
                .set("protectChannel", "true");
        assertThat(project.engine().up(Engine.Options.DEFAULT).errors()).isEmpty();

        OperationResult destroy = project.engine().destroy(false, Engine.Options.DEFAULT);

        assertThat(destroy.errors()).singleElement().asString().contains("protected");
        assertThat(cloud.objects()).hasSize(1);
    }

    @Test
    void target_changesOnlyTheTargetedResource_andLeavesTheOthersAsTheyAre() {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud).set("streamKey", "false");
        assertThat(project.engine().up(Engine.Options.DEFAULT).errors()).isEmpty();
        cloud.clearCalls();
        project.set("latency", "NORMAL").set("recordingName", "rec2");
        String channel = "urn:pulumi:dev::testprog::test:index:Platform$ivs:index:Channel::main";

        OperationResult up = project.engine().up(new Engine.Options(false, java.util.Set.of(channel), 10));

        assertThat(up.errors()).isEmpty();
        assertThat(cloud.calls()).containsExactly("update main");
        // The untargeted recording change is still to do (and its new ARN will then update the channel).
        assertThat(project.engine().preview(Engine.Options.DEFAULT).steps())
                .filteredOn(s -> s.op().isChange()).extracting(s -> s.op() + " " + s.name())
                .containsExactly("REPLACE recording", "UPDATE main", "DELETE_REPLACED recording");
    }

    @Test
    void ignoreChanges_keepsTheOldValue_soAnEditIsNoChange() {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud).set("recording", "false").set("streamKey", "false")
                .set("ignoreLatency", "true");
        assertThat(project.engine().up(Engine.Options.DEFAULT).errors()).isEmpty();
        project.set("latency", "NORMAL");

        assertThat(project.engine().preview(Engine.Options.DEFAULT).hasChanges()).isFalse();
    }

    @Test
    void resourceOfAnotherPackage_failsWithAClearError() {
        TestProject project = new TestProject(dir, new FakeCloud()).set("foreign", "true");

        OperationResult preview = project.engine().preview(Engine.Options.DEFAULT);

        assertThat(preview.errors()).first().asString()
                .contains("aws:s3/bucket:Bucket", "package 'aws'", "runs only ivs resources");
    }

    @Test
    void invalidInputs_failWithTheProvidersMessage_andCreateNothing() {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud).set("channelName", "bad!name");

        OperationResult up = project.engine().up(Engine.Options.DEFAULT);

        assertThat(String.join("\n", up.errors())).contains("name 'bad!name' must match");
        assertThat(cloud.objects()).filteredOn(o -> o.type().equals("ivs:index:Channel")).isEmpty();
    }

    @Test
    @SuppressWarnings("try")
    void lock_refusesASecondRunOnTheSameStack() {
        TestProject project = new TestProject(dir, new FakeCloud());
        Engine engine = project.engine();
        try (StackLock held = StackLock.acquire(project.engine().store(), "ivsstack up")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.up(Engine.Options.DEFAULT))
                    .hasMessageContaining("stack 'dev' is locked by another run");
        }
    }
}
