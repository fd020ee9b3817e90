package com.ivsstack.bench.engine;

import com.ivsstack.bench.Machine;
import com.ivsstack.engine.cli.IvsProviderSetup;
import com.ivsstack.engine.cli.IvsStackCli;

/** The {@code ivsstack} CLI, unchanged, that reports its own peak RSS on stderr when the command is done. */
public final class EngineCli {

    static final String PEAK_RSS_PREFIX = "ivs-bench: engine peak RSS MB ";

    private EngineCli() {
    }

    public static void main(String[] args) {
        int code = IvsStackCli.commandLine(new IvsStackCli(System.out, System.err, System.in, System.getenv(),
                new IvsProviderSetup(), false)).execute(args);
        System.err.println(PEAK_RSS_PREFIX + Machine.peakRssMegabytes(ProcessHandle.current().pid()).orElse(-1));
        System.exit(code);
    }
}
