package com.ivsstack.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.testing.RecordingEvents;
import org.junit.jupiter.api.Test;

class DeferredEventsTest {
    @Test
    void open_afterOutputWasHeld_passesItOnInOrderThenEverythingNew() {
        DeferredEvents deferred = new DeferredEvents();
        RecordingEvents shown = new RecordingEvents();
        deferred.programOutput("starting", false);
        deferred.diagnostic(null, "info", "registering");
        deferred.programOutput("a warning", true);

        assertThat(shown.lines).isEmpty();
        deferred.open(shown);
        deferred.programOutput("done", false);

        assertThat(shown.lines).containsExactly("program: starting", "info: registering",
                "program stderr: a warning", "program: done");
    }

    @Test
    void drop_beforeOpen_showsNothingOfWhatTheProgramPrinted() {
        DeferredEvents deferred = new DeferredEvents();
        RecordingEvents shown = new RecordingEvents();
        deferred.programOutput("printed before the run failed", false);

        deferred.drop();
        deferred.programOutput("printed while being stopped", false);
        deferred.open(shown);

        assertThat(shown.lines).isEmpty();
    }
}
