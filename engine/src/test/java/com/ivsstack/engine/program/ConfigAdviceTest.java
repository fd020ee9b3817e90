package com.ivsstack.engine.program;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Advice written for the Pulumi CLI's `pulumi config set`, said as the edit of the stack file that ivsstack needs. */
class ConfigAdviceTest {
    private final ConfigAdvice advice = new ConfigAdvice("prod");

    @Test
    void rewrite_javaSdksMissingConfig_becomesAnEditOfTheStackFile() {
        assertThat(advice.rewrite("Missing required configuration variable 'app:region'\n\tplease set a value using "
                + "the command `pulumi config set app:region <value>`"))
                .isEqualTo("Missing required configuration variable 'app:region'\n\tadd `app:region: <value>` under "
                        + "`config:` in Pulumi.prod.yaml");
    }

    @Test
    void rewrite_providersSecretAdvice_namesTheFileAndWhoCanEncrypt() {
        String rewritten = advice.rewrite("set ivs:accessKey and ivs:secretKey (pulumi config set --secret "
                + "ivs:accessKey ...), or set ivs:profile");

        assertThat(rewritten).isEqualTo("set ivs:accessKey and ivs:secretKey (`ivs:accessKey` under `config:` in "
                + "Pulumi.prod.yaml (to store it encrypted, write it with the Pulumi CLI: pulumi config set --secret "
                + "ivs:accessKey)), or set ivs:profile");
    }

    @Test
    void rewrite_textWithoutTheCommand_isUnchanged() {
        assertThat(advice.rewrite("channel arn:aws:ivs:x is live")).isEqualTo("channel arn:aws:ivs:x is live");
        assertThat(advice.rewrite(null)).isNull();
    }
}
