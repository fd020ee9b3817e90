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

class DeploymentLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void up_thenPreview_reportsNoChanges_andDestroyLeavesNothing() {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud);
        Engine engine = project.engine();

        OperationResult up = engine.up(Engine.Options.DEFAULT);
        assertThat(up.errors()).isEmpty();
        assertThat(cloud.objects()).hasSize(3);
        assertThat(up.counts().get(StepOp.CREATE)).isGreaterThanOrEqualTo(3);

        OperationResult preview = project.engine().preview(Engine.Options.DEFAULT);
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.hasChanges()).as("%s", preview.steps()).isFalse();

        OperationResult destroy = project.engine().destroy(false, Engine.Options.DEFAULT);
        assertThat(destroy.errors()).isEmpty();
        assertThat(cloud.objects()).isEmpty();
    }
}
