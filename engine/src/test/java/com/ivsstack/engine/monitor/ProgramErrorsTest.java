package com.ivsstack.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A program's unhandled exception, as the Pulumi Java SDK logs it, said by its messages alone. */
class ProgramErrorsTest {
    private static final String HEAD = "Running program [PID: 4436](/usr/bin/java -XX:+UseSerialGC -cp /a.jar:/b.jar "
            + "com.example.App) failed with an unhandled exception:\n";

    @Test
    void summarize_unhandledException_keepsItsMessageAndDropsCommandLineAndTrace() {
        String logged = HEAD + "java.lang.IllegalArgumentException: invalid stack config:\n"
                + "  app:creators[0].latencyMode: 'FAST' is not one of NORMAL, LOW\n"
                + "\tat com.example.CreatorChannel.fromConfig(CreatorChannel.java:56)\n"
                + "\tat java.base/java.lang.Thread.run(Thread.java:840)\n";

        assertThat(ProgramErrors.summarize(logged)).isEqualTo("the program failed: invalid stack config:\n"
                + "  app:creators[0].latencyMode: 'FAST' is not one of NORMAL, LOW");
        assertThat(ProgramErrors.answersAnEngineError(logged)).isFalse();
    }

    @Test
    void summarize_wrapperAndCause_saysEachMessageOnce_andNamesTypesThatMeanSomething() {
        String logged = HEAD + "java.util.concurrent.CompletionException: java.lang.NullPointerException: name is null\n"
                + "\tat java.base/java.util.concurrent.CompletableFuture.encodeThrowable(CompletableFuture.java:315)\n"
                + "Caused by: java.lang.NullPointerException: name is null\n"
                + "\tat com.example.App.stack(App.java:12)\n"
                + "\t... 4 more\n";

        assertThat(ProgramErrors.summarize(logged)).isEqualTo("the program failed: NullPointerException: name is null");
    }

    @Test
    void summarize_otherMessages_areUnchanged_andAFailureOnTheEnginesAnswerIsRecognised() {
        assertThat(ProgramErrors.summarize("Missing required configuration variable 'app:x'"))
                .isEqualTo("Missing required configuration variable 'app:x'");
        assertThat(ProgramErrors.answersAnEngineError(HEAD + "com.pulumi.serialization.internal.PropertiesSerializer"
                + "$SerializationException: serializing property \"channelArn\": UNKNOWN: Create failed\n"
                + "Caused by: io.grpc.StatusRuntimeException: UNKNOWN: Create failed\n")).isTrue();
    }
}
