package com.ivsstack.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.Engine;
import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.plan.StepOp;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplacementOrderTest {
    @TempDir
    Path dir;

    private TestProject deployed() {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud).set("recording", "false");
        assertThat(project.engine().up(Engine.Options.DEFAULT).errors()).isEmpty();
        cloud.clearCalls();
        return project;
    }

    @Test
    void replace_byDefault_createsTheNewResourceBeforeDeletingTheOld() {
        TestProject project = deployed();
        project.set("channelType", "ADVANCED_HD");

        OperationResult up = project.engine().up(Engine.Options.DEFAULT);

        assertThat(up.errors()).isEmpty();
        // The stream key's channelArn changes with the new channel, so it is replaced too; old ones go last,
        // dependents first.
        assertThat(project.cloud().calls()).containsExactly(
                "create main", "create main-key", "delete main-key", "delete main");
        assertThat(up.steps()).filteredOn(s -> s.op() == StepOp.REPLACE).extracting(s -> s.name())
                .containsExactly("main", "main-key");
        assertThat(up.steps()).filteredOn(s -> s.name().equals("main") && s.op() == StepOp.REPLACE)
                .singleElement().satisfies(s -> assertThat(s.replaceReasons()).containsExactly("type"));
        assertThat(project.cloud().objects()).hasSize(2);
    }

    @Test
    void replace_withDeleteBeforeReplace_deletesDependentsFirstThenRecreatesThem() {
        TestProject project = deployed();
        project.set("channelDeleteBeforeReplace", "true").set("channelType", "ADVANCED_HD");

        OperationResult up = project.engine().up(Engine.Options.DEFAULT);

        assertThat(up.errors()).isEmpty();
        assertThat(project.cloud().calls()).containsExactly(
                "delete main-key", "delete main", "create main", "create main-key");
        assertThat(project.cloud().objects()).hasSize(2);
        OperationResult again = project.engine().preview(Engine.Options.DEFAULT);
        assertThat(again.hasChanges()).as("%s", again.steps()).isFalse();
    }

    @Test
    void removingChannelAndItsRecordingConfiguration_deletesTheChannelFirst() {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud).set("streamKey", "false");
        assertThat(project.engine().up(Engine.Options.DEFAULT).errors()).isEmpty();
        cloud.clearCalls();
        project.set("channel", "false").set("recording", "false");

        OperationResult up = project.engine().up(Engine.Options.DEFAULT);

        assertThat(up.errors()).isEmpty();
        assertThat(cloud.calls()).containsExactly("delete main", "delete recording");
        assertThat(cloud.objects()).isEmpty();
    }
}
