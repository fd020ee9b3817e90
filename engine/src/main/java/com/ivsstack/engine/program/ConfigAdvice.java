package com.ivsstack.engine.program;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Advice written for the Pulumi CLI, said in ivsstack's terms: the Pulumi Java SDK (a missing required config
 * value) and providers (missing credentials) tell the user to run {@code pulumi config set}, a command ivsstack does
 * not have. The configuration is the stack's file, which the user edits.
 */
public final class ConfigAdvice {
    /** The Pulumi Java SDK's ConfigMissingException: "please set a value using the command `pulumi config set k <value>`". */
    private static final Pattern SDK_ADVICE = Pattern.compile(
            "please set a value using the command `pulumi config set (--secret )?([^\\s`]+) <value>`");
    /** Any other mention of the command, as providers write it: "(pulumi config set --secret ivs:accessKey ...)". */
    private static final Pattern COMMAND = Pattern.compile(
            "`?pulumi config set (--secret )?([\\w:.\\-]+)(?: <value>| \\.\\.\\.)?`?");

    private final String stackFile;

    public ConfigAdvice(String stack) {
        this.stackFile = Project.stackFileName(stack);
    }

    public String rewrite(String text) {
        if (text == null || !text.contains("pulumi config set")) {
            return text;
        }
        String rewritten = SDK_ADVICE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                "add `" + m.group(2) + ": <value>` under `config:` in " + stackFile + encryption(m.group(1), m.group(2))));
        return COMMAND.matcher(rewritten).replaceAll(m -> Matcher.quoteReplacement(
                "`" + m.group(2) + "` under `config:` in " + stackFile + encryption(m.group(1), m.group(2))));
    }

    /** ivsstack reads encrypted (secure:) values but cannot write them; the Pulumi CLI can. */
    private static String encryption(String secretFlag, String key) {
        return secretFlag == null ? "" : " (to store it encrypted, write it with the Pulumi CLI: pulumi config set --secret " + key + ")";
    }
}
