package com.ivsstack.engine.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error a Pulumi Java program logs when it fails, said briefly. The Pulumi Java SDK logs an unhandled exception
 * as "Running program [PID: n](&lt;the whole java command line, kilobytes of classpath&gt;) failed with an unhandled
 * exception:" followed by the exception's stack trace; what the user needs is the exception's message (with the
 * messages of its causes). The full text stays available as a debug message.
 */
final class ProgramErrors {
    private static final Pattern UNHANDLED = Pattern.compile(
            "(?s)^Running program \\[PID: \\d+]\\(.*\\) failed with an unhandled exception:\\s*\\n(.*)$");
    /** The first line of an exception in a trace: "java.lang.IllegalStateException: message" or just the class. */
    private static final Pattern EXCEPTION = Pattern.compile("^(?:Caused by: )?([\\w$]+(?:\\.[\\w$]+)+)(?::\\s?(.*))?$");
    /** Exceptions whose type says nothing their message does not: shown by their message alone. */
    private static final List<String> PLAIN = List.of("java.lang.IllegalArgumentException",
            "java.lang.IllegalStateException", "java.lang.RuntimeException", "java.util.concurrent.CompletionException",
            "java.util.concurrent.ExecutionException", "com.pulumi.exceptions.RunException");

    private ProgramErrors() {
    }

    /**
     * Whether the program failed on the engine's answer to one of its calls (a resource whose step failed): the
     * engine has reported that error itself, and the program's report of it would only repeat it.
     */
    static boolean answersAnEngineError(String message) {
        return UNHANDLED.matcher(message).matches() && message.contains("io.grpc.StatusRuntimeException");
    }

    /** The message to show for an error the program logged: unchanged unless it is an unhandled exception. */
    static String summarize(String message) {
        Matcher unhandled = UNHANDLED.matcher(message);
        if (!unhandled.matches()) {
            return message;
        }
        List<StringBuilder> messages = new ArrayList<>();
        boolean inMessage = false;
        for (String line : unhandled.group(1).split("\n")) {
            if (line.startsWith("\tat ") || line.startsWith("\t... ") || line.isBlank()) {
                inMessage = false; // the trace: the message before it is complete
                continue;
            }
            Matcher exception = EXCEPTION.matcher(line);
            if (exception.matches() && (!inMessage || line.startsWith("Caused by: "))) {
                messages.add(new StringBuilder(describe(exception.group(1), exception.group(2))));
                inMessage = true;
            } else if (inMessage) {
                messages.get(messages.size() - 1).append('\n').append(line);
            }
        }
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            String text = messages.get(i).toString();
            // A wrapper's message usually ends with its cause's ("java.lang.X: the cause's message"): once is enough.
            if (i + 1 < messages.size() && text.endsWith(messages.get(i + 1).toString())) {
                continue;
            }
            shown.add(text);
        }
        return shown.isEmpty() ? "the program failed with an unhandled exception"
                : "the program failed: " + String.join("\ncaused by: ", shown);
    }

    private static String describe(String type, String message) {
        if (message == null || message.isBlank()) {
            return type.substring(type.lastIndexOf('.') + 1);
        }
        return PLAIN.contains(type) ? message : type.substring(type.lastIndexOf('.') + 1) + ": " + message;
    }
}
