package com.ivsstack.engine.program;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.ivsstack.engine.state.SecretsManager;
import com.ivsstack.pulumi.value.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Pulumi project: {@code Pulumi.yaml} (name, runtime and its options, config defaults) and the stack's
 * {@code Pulumi.<stack>.yaml} (config values, {@code secure:} values, {@code encryptionsalt}).
 */
public final class Project {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path directory;
    private final JsonNode project;
    private final JsonNode stackFile;
    private final boolean hasStackFile;
    private final String stack;

    private Project(Path directory, JsonNode project, JsonNode stackFile, boolean hasStackFile, String stack) {
        this.directory = directory;
        this.project = project;
        this.stackFile = stackFile;
        this.hasStackFile = hasStackFile;
        this.stack = stack;
    }

    public static Project load(Path directory, String stack) {
        Path file = directory.resolve("Pulumi.yaml");
        if (!Files.exists(file)) {
            file = directory.resolve("Pulumi.yml");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no Pulumi.yaml in " + directory.toAbsolutePath()
                    + ": run ivsstack in a Pulumi project directory, or point --cwd at one");
        }
        JsonNode project = read(file);
        if (project.path("name").asText("").isEmpty()) {
            throw new IllegalArgumentException(file + ": 'name' is required");
        }
        String runtime = project.path("runtime").isObject() ? project.path("runtime").path("name").asText()
                : project.path("runtime").asText();
        if (!runtime.equals("java")) {
            throw new IllegalArgumentException(file + ": runtime '" + runtime + "' is not supported; the embedded "
                    + "engine runs Java programs (runtime: java)");
        }
        Path stackPath = directory.resolve(stackFileName(stack));
        boolean hasStackFile = Files.exists(stackPath);
        JsonNode stackFile = hasStackFile ? read(stackPath) : YAML.createObjectNode();
        return new Project(directory, project, stackFile, hasStackFile, stack);
    }

    /** The stack's configuration file, {@code Pulumi.<stack>.yaml}. */
    public static String stackFileName(String stack) {
        return "Pulumi." + stack + ".yaml";
    }

    /** Whether the stack's configuration file exists (a stack without one runs with no configuration). */
    public boolean hasStackFile() {
        return hasStackFile;
    }

    /** The stacks that have a configuration file in the project directory, by name. */
    public java.util.SortedSet<String> configuredStacks() {
        java.util.SortedSet<String> stacks = new java.util.TreeSet<>();
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml"))
                    .forEach(n -> stacks.add(n.substring("Pulumi.".length(), n.length() - ".yaml".length())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        return stacks;
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node == null ? YAML.createObjectNode() : node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return directory;
    }

    public String name() {
        return project.path("name").asText();
    }

    public String stack() {
        return stack;
    }

    /** A runtime option ({@code runtime.options.<name>}), or null. */
    public String runtimeOption(String name) {
        JsonNode v = project.path("runtime").path("options").path(name);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /** {@code backend.url} of Pulumi.yaml (the project's state backend), or null. */
    public String backendUrl() {
        JsonNode url = project.path("backend").path("url");
        return url.isMissingNode() || url.isNull() ? null : url.asText();
    }

    /**
     * The stack file's configuration as stored: plain values as they are, {@code secure:} values still encrypted
     * (what Pulumi records with each update in a DIY backend's history).
     */
    public Map<String, Object> storedConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        stackFile.path("config").properties().forEach(e -> config.put(fullKey(e.getKey()),
                YAML.convertValue(e.getValue(), Object.class)));
        return config;
    }

    public String encryptionSalt() {
        JsonNode salt = stackFile.path("encryptionsalt");
        return salt.isMissingNode() || salt.isNull() ? null : salt.asText();
    }

    /** Whether the stack's configuration has {@code secure:} values, which only the passphrase key opens. */
    public boolean hasSecureConfig() {
        for (JsonNode v : stackFile.path("config")) {
            if (v.isObject() && v.has("secure")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The stack's configuration by full key ({@code namespace:key}); keys without a namespace belong to the
     * project. Values are strings (structured values JSON-encoded) or {@link Secret}s, decrypted.
     */
    public Map<String, Object> config(SecretsManager secrets) {
        Map<String, Object> config = new LinkedHashMap<>();
        project.path("config").properties().forEach(e -> {
            JsonNode v = e.getValue();
            JsonNode value = v.isObject() && (v.has("default") || v.has("type")) ? v.path("default") : v;
            if (!value.isMissingNode() && !value.isNull()) {
                config.put(fullKey(e.getKey()), text(value));
            }
        });
        stackFile.path("config").properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isObject() && v.has("secure")) {
                config.put(fullKey(e.getKey()), new Secret(secrets.decrypt(v.path("secure").asText())));
            } else {
                config.put(fullKey(e.getKey()), text(v));
            }
        });
        return config;
    }

    private String fullKey(String key) {
        return key.contains(":") ? key : name() + ":" + key;
    }

    private static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
