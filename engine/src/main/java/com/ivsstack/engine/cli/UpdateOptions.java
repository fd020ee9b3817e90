package com.ivsstack.engine.cli;

import com.ivsstack.engine.Engine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What preview and up share: the resources they plan for, whether they refresh first, how they show the changes. */
final class UpdateOptions {
    @Mixin
    TargetOptions scope;

    @Mixin
    ChangeOptions changes;

    @Option(names = "--refresh", description = "Refresh the state from the cloud first")
    boolean refresh;

    Engine.Options engineOptions() {
        return scope.options(refresh);
    }
}
