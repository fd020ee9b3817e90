package com.ivsstack.provider.plugin;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * The installed plugin for the tests of one class, started before the first with its log sent to an engine that
 * records it ({@link EngineLogRecorder}), and stopped after the last.
 */
final class RunningPlugin implements BeforeAllCallback, AfterAllCallback {

    private EngineLogRecorder engine;
    private InstalledPlugin plugin;

    EngineLogRecorder engine() {
        return engine;
    }

    InstalledPlugin plugin() {
        return plugin;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        engine = new EngineLogRecorder();
        plugin = InstalledPlugin.start(Map.of(), "--logtostderr", engine.address());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (plugin != null) {
            plugin.close();
        }
        if (engine != null) {
            engine.close();
        }
    }
}
