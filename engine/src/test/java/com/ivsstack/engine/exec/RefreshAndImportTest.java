package com.ivsstack.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.Engine;
import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.plan.StepOp;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefreshAndImportTest {
    @TempDir
    Path dir;

    @Test
    void refresh_afterAnOutOfBandChange_reportsIt_recordsIt_andTheNextUpRestoresTheProgramsValue() {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud).set("recording", "false").set("streamKey", "false");
        assertThat(project.engine().up(Engine.Options.DEFAULT).errors()).isEmpty();
        String channelId = cloud.objects().get(0).id();
        cloud.edit(channelId, "latencyMode", "NORMAL");

        OperationResult dryRun = project.engine().refresh(true, Engine.Options.DEFAULT);
        assertThat(dryRun.hasChanges()).isTrue();
        assertThat(dryRun.steps()).filteredOn(s -> s.op() == StepOp.REFRESH).singleElement()
                .satisfies(s -> assertThat(s.changes()).extracting(c -> c.path() + "=" + c.newValue())
                        .containsExactly("latencyMode=NORMAL"));
        assertThat(channel(project).inputs()).containsEntry("latencyMode", "LOW");

        assertThat(project.engine().refresh(false, Engine.Options.DEFAULT).errors()).isEmpty();
        assertThat(channel(project).inputs()).containsEntry("latencyMode", "NORMAL");
        assertThat(project.engine().refresh(true, Engine.Options.DEFAULT).hasChanges()).isFalse();

        OperationResult up = project.engine().up(Engine.Options.DEFAULT);
        assertThat(up.steps()).filteredOn(s -> s.op() == StepOp.UPDATE).extracting(s -> s.name()).containsExactly("main");
        assertThat(cloud.get(channelId).orElseThrow().properties()).containsEntry("latencyMode", "LOW");
    }

    @Test
    void refresh_whenTheResourceWasDeletedOutOfBand_dropsItFromTheState() {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud).set("recording", "false").set("streamKey", "false");
        assertThat(project.engine().up(Engine.Options.DEFAULT).errors()).isEmpty();
        cloud.remove(cloud.objects().get(0).id(), "out of band");

        OperationResult refresh = project.engine().refresh(false, Engine.Options.DEFAULT);

        assertThat(refresh.steps()).filteredOn(s -> s.op() == StepOp.DELETE).extracting(s -> s.name()).containsExactly("main");
        assertThat(project.engine().store().load().live(channelUrn())).isEmpty();
    }

    @Test
    void importCommand_adoptsAnExistingChannel_andTheProgramThenKeepsIt() {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud).set("recording", "false").set("streamKey", "false");
        Map<String, Object> props = Map.of("name", "main-channel", "type", "STANDARD", "latencyMode", "LOW",
                "tags", Map.of("team", "video"));
        cloud.put(new FakeCloud.CloudObject("arn:fake:ivs:channel/existing", "ivs:index:Channel", null, props), "seed");
        // Imported at top level (as `pulumi import` does), so the program declares it without the component parent.
        OperationResult imported = project.engine().importResource("ivs:index:Channel", "adopted", "arn:fake:ivs:channel/existing", false);

        assertThat(imported.errors()).isEmpty();
        ResourceState state = project.engine().store().load()
                .live("urn:pulumi:dev::testprog::ivs:index:Channel::adopted").orElseThrow();
        assertThat(state.id()).isEqualTo("arn:fake:ivs:channel/existing");
        assertThat(state.inputs()).containsEntry("latencyMode", "LOW");
        assertThat(state.provider()).startsWith("urn:pulumi:dev::testprog::pulumi:providers:ivs::default_0_1_0::");
    }

    @Test
    void importOption_adoptsTheChannel_insteadOfCreatingOne() {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud).set("recording", "false").set("streamKey", "false");
        Map<String, Object> props = Map.of("name", "main-channel", "type", "STANDARD", "latencyMode", "LOW",
                "tags", Map.of("team", "video"));
        cloud.put(new FakeCloud.CloudObject("arn:fake:ivs:channel/existing", "ivs:index:Channel", null, props), "seed");
        project.set("importChannelId", "arn:fake:ivs:channel/existing");

        OperationResult up = project.engine().up(Engine.Options.DEFAULT);

        assertThat(up.errors()).isEmpty();
        assertThat(up.steps()).filteredOn(s -> s.op() == StepOp.IMPORT).extracting(s -> s.name()).containsExactly("main");
        assertThat(cloud.objects()).hasSize(1);
        assertThat(project.engine().store().load().live(channelUrn()).orElseThrow().id()).isEqualTo("arn:fake:ivs:channel/existing");
        assertThat(project.engine().preview(Engine.Options.DEFAULT).hasChanges()).isFalse();
    }

    private static String channelUrn() {
        return "urn:pulumi:dev::testprog::test:index:Platform$ivs:index:Channel::main";
    }

    private static ResourceState channel(TestProject project) {
        return project.engine().store().load().live(channelUrn()).orElseThrow();
    }
}
