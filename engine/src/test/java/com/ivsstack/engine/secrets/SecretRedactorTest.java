package com.ivsstack.engine.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.events.RewrittenEvents;
import com.ivsstack.engine.testing.RecordingEvents;
import com.ivsstack.pulumi.value.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {
    @Test
    void redact_secretLearnedAfterAnEarlierRedaction_isMaskedToo() {
        SecretRedactor redactor = new SecretRedactor();
        redactor.remember(Map.of("key", new Secret("sk_first_value")));
        assertThat(redactor.redact("key sk_first_value")).isEqualTo("key [secret]");

        redactor.remember(Map.of("key", new Secret("sk_second_value")));

        assertThat(redactor.redact("sk_first_value and sk_second_value")).isEqualTo("[secret] and [secret]");
    }

    @Test
    void redact_secretContainingAnother_isMaskedWhole() {
        SecretRedactor redactor = new SecretRedactor();
        redactor.remember(List.of(new Secret("abcd"), new Secret("xxabcdxx")));

        assertThat(redactor.redact("value xxabcdxx")).isEqualTo("value [secret]");
    }

    @Test
    void redactingEvents_viewWithoutDebug_getsNoDebugMessageAndRedactedOthers() {
        SecretRedactor redactor = new SecretRedactor();
        redactor.remember(Map.of("key", new Secret("sk_live_value")));
        RecordingEvents view = new RecordingEvents();
        DeploymentEvents wrapped = new RewrittenEvents(new DeploymentEvents() {
            @Override
            public void diagnostic(String urn, String severity, String message) {
                view.diagnostic(urn, severity, message);
            }

            @Override
            public boolean showsDebug() {
                return false;
            }
        }, redactor::redact);

        wrapped.diagnostic(null, "debug", "RegisterResource request sk_live_value");
        wrapped.diagnostic(null, "warning", "saw sk_live_value");

        assertThat(view.lines).containsExactly("warning: saw [secret]");
        assertThat(wrapped.showsDebug()).isFalse();
    }

    @Test
    void redactingEvents_viewWithDebug_getsDebugMessagesRedacted() {
        SecretRedactor redactor = new SecretRedactor();
        redactor.remember(Map.of("key", new Secret("sk_live_value")));
        RecordingEvents view = new RecordingEvents();

        new RewrittenEvents(view, redactor::redact).diagnostic(null, "debug", "RegisterResource request sk_live_value");

        assertThat(view.lines).containsExactly("debug: RegisterResource request [secret]");
    }
}
