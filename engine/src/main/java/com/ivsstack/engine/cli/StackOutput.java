package com.ivsstack.engine.cli;

import com.ivsstack.engine.Engine;
import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.render.DisplayValues;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ivsstack stack output}: the stack's outputs, secrets masked unless asked. */
@Command(name = "output", description = "Show the stack's outputs.")
final class StackOutput implements Callable<Integer> {
    @ParentCommand
    StackCommand stack;

    @Option(names = "--show-secrets", description = "Show secret values in plain text")
    boolean showSecrets;

    @Option(names = {"-j", "--json"}, description = "Print as JSON")
    boolean json;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Only this output")
    String name;

    @Override
    public Integer call() throws IOException {
        IvsStackCli cli = stack.cli;
        Map<String, Object> outputs = cli.withEngine(DeploymentEvents.NONE, Engine::stackOutputs);
        Map<String, Object> shown = new LinkedHashMap<>();
        outputs.forEach((k, v) -> shown.put(k, DisplayValues.revealIf(v, showSecrets)));
        if (name != null) {
            if (!shown.containsKey(name)) {
                cli.err.println("error: the stack has no output named '" + name + "' (it has: "
                        + String.join(", ", shown.keySet()) + ")");
                return IvsStackCli.EXIT_FAILURE;
            }
            Object v = shown.get(name);
            cli.out.println(json ? StackCommand.PRETTY.writeValueAsString(v)
                    : (v instanceof String s ? s : StackCommand.PRETTY.writeValueAsString(v)));
            return IvsStackCli.EXIT_OK;
        }
        if (json) {
            cli.out.println(StackCommand.PRETTY.writeValueAsString(shown));
        } else {
            cli.out.println("Current stack outputs (" + shown.size() + "):");
            shown.forEach((k, v) -> cli.out.println("    " + k + "  " + DisplayValues.format(v)));
        }
        return IvsStackCli.EXIT_OK;
    }
}
