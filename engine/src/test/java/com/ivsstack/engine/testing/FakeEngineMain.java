package com.ivsstack.engine.testing;

import com.ivsstack.engine.cli.IvsStackCli;
import com.ivsstack.engine.cli.ProviderSetup;
import com.ivsstack.engine.provider.InProcessProviderConnector;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The ivsstack CLI with the fake provider over a file-backed cloud, as a separate process that a test can kill.
 * Arguments: cloud file, create delay in milliseconds, then the CLI's arguments.
 */
public final class FakeEngineMain {
    private FakeEngineMain() {
    }

    public static void main(String[] args) {
        FakeCloud cloud = new FakeCloud(Path.of(args[0]));
        long delay = Long.parseLong(args[1]);
        ProviderSetup setup = (projectDir, stateDir, local, plugin, events) -> new ProviderSetup.Prepared(
                new InProcessProviderConnector(Map.of("ivs", () -> new FakeCloudProvider(cloud, delay))), Map.of(), () -> { },
                "fake provider");
        IvsStackCli cli = new IvsStackCli(System.out, System.err, System.in, System.getenv(), setup, false);
        System.exit(IvsStackCli.commandLine(cli).execute(Arrays.copyOfRange(args, 2, args.length)));
    }
}
