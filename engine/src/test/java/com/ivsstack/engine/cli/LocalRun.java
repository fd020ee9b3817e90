package com.ivsstack.engine.cli;

import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.TestProject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs ivsstack commands in-process on a project's program, against the project's local endpoint (--local). */
record LocalRun(Path project, String classpath, String mainClass) {
    CliRunner.Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--local", "--cwd", project.toString(), "--program-classpath", classpath,
                "--main-class", mainClass));
        IvsStackCli cli = new IvsStackCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                TestProject.environment(), new IvsProviderSetup(), false);
        int code = IvsStackCli.commandLine(cli).execute(all.toArray(String[]::new));
        CliRunner.Run run = new CliRunner.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("$ ivsstack " + String.join(" ", args) + "\n" + run);
        return run;
    }
}
