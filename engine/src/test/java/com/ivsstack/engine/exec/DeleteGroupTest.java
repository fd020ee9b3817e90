package com.ivsstack.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.Engine;
import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.RecordingEvents;
import com.ivsstack.engine.testing.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 2, in the engine: the delete preflight is asked for the whole group before its first delete (the
 * deletes after the program, and those of a delete-before-replace), a blocked group deletes nothing, and a provider
 * that does not know the preflight is deleted from as before. The fake cloud refuses the deletes of a blocked object.
 */
class DeleteGroupTest {
    private static final String CHANNEL = "urn:pulumi:dev::testprog::test:index:Platform$ivs:index:Channel::main";
    private static final String KEY = "urn:pulumi:dev::testprog::test:index:Platform$ivs:index:StreamKey::main-key";

    @TempDir
    Path dir;

    private final FakeCloud cloud = new FakeCloud();

    private TestProject deployed() {
        return new TestProject(dir, cloud).set("recording", "false").deployed();
    }

    @Test
    void up_removedResourcesWithOneBlocked_deletesNoneOfThem_andNamesTheBlocker() {
        TestProject project = deployed();
        ResourceState channel = project.engine().store().load().live(CHANNEL).orElseThrow();
        cloud.blockDeletes(channel.id(), "the channel is live");
        project.set("channel", "false"); // the channel and its key leave the program

        RecordingEvents previewEvents = new RecordingEvents();
        OperationResult preview = project.engine(previewEvents).preview(Engine.Options.DEFAULT);
        OperationResult up = project.engine().up(Engine.Options.DEFAULT);

        assertThat(preview.succeeded()).as("a preview warns, and plans the deletes").isTrue();
        assertThat(previewEvents.lines).anyMatch(l -> l.startsWith("warning: cannot be deleted now")
                && l.endsWith("the channel is live"));
        assertThat(up.errors()).containsExactly("delete " + CHANNEL + ": the channel is live");
        assertThat(cloud.calls()).as("not even the key, which nothing blocks").isEmpty();
        assertThat(cloud.objects()).hasSize(2);
        assertThat(project.engine().store().load().live(KEY)).isPresent();
        assertThat(up.counts()).doesNotContainKey(com.ivsstack.engine.plan.StepOp.DELETE);
    }

    @Test
    void deleteBeforeReplace_withTheReplacedResourceBlocked_deletesNeitherItNorItsDependents() {
        TestProject project = deployed();
        project.set("channelDeleteBeforeReplace", "true");
        assertThat(project.engine().up(Engine.Options.DEFAULT).errors()).isEmpty();
        ResourceState channel = project.engine().store().load().live(CHANNEL).orElseThrow();
        cloud.blockDeletes(channel.id(), "the channel is live");
        cloud.clearCalls();
        project.set("channelType", "ADVANCED_HD"); // replaces the channel, deleting it (and its key) first

        OperationResult up = project.engine().up(Engine.Options.DEFAULT);

        assertThat(up.succeeded()).isFalse();
        assertThat(up.errors()).contains("delete " + CHANNEL + ": the channel is live");
        assertThat(cloud.calls()).as("the key, deleted first otherwise, is kept").isEmpty();
        assertThat(cloud.objects()).extracting(FakeCloud.CloudObject::id).contains(channel.id());
        assertThat(project.engine().store().load().resources()).filteredOn(ResourceState::pendingReplacement).isEmpty();
    }

    @Test
    void providerWithoutThePreflight_isNotBlocked_itsDeletesRunAsBefore() {
        TestProject project = deployed();
        ResourceState channel = project.engine().store().load().live(CHANNEL).orElseThrow();
        cloud.blockDeletes(channel.id(), "the channel is live");
        project.set("channel", "false");

        OperationResult up = project.engine(new RecordingEvents(), TestProject.environment(), false)
                .up(Engine.Options.DEFAULT);

        // An older provider answers "unknown function": nothing is known to block, so the deletes are made, and the
        // provider itself refuses the channel's.
        assertThat(cloud.calls()).containsExactly("delete main-key");
        assertThat(up.errors()).singleElement().asString().contains("the channel is live");
        assertThat(up.failures()).isOne();
    }
}
