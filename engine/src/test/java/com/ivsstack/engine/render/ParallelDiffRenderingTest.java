package com.ivsstack.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.plan.PropertyChange;
import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.plan.StepOp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 8: preview --diff with steps finishing in parallel keeps each resource's property lines under its
 * own header. Steps finish on the deployment's threads, all at once here.
 */
class ParallelDiffRenderingTest {
    private static final int RESOURCES = 16;
    private static final int PROPERTIES = 25;

    @Test
    void stepFinished_manyStepsAtOnceWithDiffs_eachDiffStaysUnderItsHeader() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TextRenderer renderer = new TextRenderer(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, true, false);
        renderer.header("Previewing update (dev):", true);
        CyclicBarrier together = new CyclicBarrier(RESOURCES);
        ExecutorService pool = Executors.newFixedThreadPool(RESOURCES);
        try {
            List<Future<?>> finishing = new ArrayList<>();
            for (int r = 0; r < RESOURCES; r++) {
                Step step = update("creator" + r);
                finishing.add(pool.submit(() -> {
                    together.await();
                    renderer.stepFinished(step);
                    return null;
                }));
            }
            for (Future<?> f : finishing) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        String current = null;
        int headers = 0;
        for (String line : bytes.toString(StandardCharsets.UTF_8).lines().skip(1).toList()) {
            if (line.startsWith("    ~ ivs:index:Channel ")) {
                current = line.substring("    ~ ivs:index:Channel ".length(), line.indexOf(" update"));
                headers++;
            } else {
                assertThat(line).as("a property line of %s", current).startsWith("          ~ tags." + current + "-");
            }
        }
        assertThat(headers).isEqualTo(RESOURCES);
    }

    private static Step update(String name) {
        List<PropertyChange> changes = new ArrayList<>();
        for (int p = 0; p < PROPERTIES; p++) {
            changes.add(new PropertyChange("tags." + name + "-" + p, PropertyChange.Kind.UPDATE, false, "old", "new"));
        }
        return new Step(StepOp.UPDATE, "urn:pulumi:dev::streaming-platform::ivs:index:Channel::" + name,
                "ivs:index:Channel", null, true, changes, Map.of(), Map.of(), false, 0, null);
    }
}
