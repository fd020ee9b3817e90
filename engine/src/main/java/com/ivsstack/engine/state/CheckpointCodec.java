package com.ivsstack.engine.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.pulumi.value.Secret;
import com.ivsstack.pulumi.wire.WireSignatures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes Pulumi's DeploymentV3 JSON (the body of checkpoints and of {@code stack export} files). */
public final class CheckpointCodec {
    public static final String MANIFEST_VERSION = "v3.0.0+ivsstack.0.1.0";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * What a resource encoded on its own lacks of its indentation in a checkpoint file: its fields sit four levels
     * deep there ({@code checkpoint.latest.resources[i]}, arrays are written inline and add no level), one level deep
     * on their own; a level is two spaces.
     */
    private static final String RESOURCE_INDENT = " ".repeat(6);

    private final SecretsManager secrets;

    public CheckpointCodec(SecretsManager secrets) {
        this.secrets = secrets;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public static String magic(String version) {
        if (version == null || version.isEmpty()) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(version.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- writing

    public ObjectNode deployment(Snapshot snapshot) {
        ObjectNode deployment = NODES.objectNode();
        deployment.set("manifest", manifest());
        ArrayNode resources = NODES.arrayNode();
        for (ResourceState r : Snapshot.dependencyOrdered(snapshot.resources())) {
            resources.add(resource(r));
        }
        ArrayNode pending = pendingOperations(snapshot);
        // After the resources: encrypting them may have created the salt.
        ObjectNode secretsProviders = secretsProviders();
        if (secretsProviders != null) {
            deployment.set("secrets_providers", secretsProviders);
        }
        deployment.set("resources", resources);
        if (!pending.isEmpty()) {
            deployment.set("pending_operations", pending);
        }
        return deployment;
    }

    /**
     * Writes a checkpoint file, {@code {"version":3,"checkpoint":{"stack":..,"latest":<deployment>}}}, exactly as
     * the pretty-printed tree of {@link #deployment} would read. A resource entry is immutable, so one written before
     * is copied from {@code written} (the encodings of the previous write, by identity) instead of being encoded
     * again with its secrets encrypted anew: a write during a deployment encodes only the entries its step changed.
     *
     * @return the encodings of this snapshot's resources, for the next write
     */
    public Map<ResourceState, String> writeCheckpoint(OutputStream out, String stack, Snapshot snapshot,
                                                      Map<ResourceState, String> written) throws IOException {
        List<ResourceState> ordered = Snapshot.dependencyOrdered(snapshot.resources());
        Map<ResourceState, String> encodings = new IdentityHashMap<>(ordered.size() * 2);
        for (ResourceState r : ordered) {
            String encoded = written.get(r);
            encodings.put(r, encoded != null ? encoded : encodedResource(r));
        }
        ArrayNode pending = pendingOperations(snapshot);
        try (JsonGenerator json = JSON.writer().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("version", 3);
            json.writeObjectFieldStart("checkpoint");
            json.writeStringField("stack", stack);
            json.writeFieldName("latest");
            json.writeStartObject();
            json.writeFieldName("manifest");
            json.writeTree(manifest());
            // After the resources were encoded: encrypting them may have created the salt.
            ObjectNode secretsProviders = secretsProviders();
            if (secretsProviders != null) {
                json.writeFieldName("secrets_providers");
                json.writeTree(secretsProviders);
            }
            json.writeArrayFieldStart("resources");
            for (ResourceState r : ordered) {
                json.writeRawValue(encodings.get(r));
            }
            json.writeEndArray();
            if (!pending.isEmpty()) {
                json.writeFieldName("pending_operations");
                json.writeTree(pending);
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        }
        return encodings;
    }

    /** One resource entry as the pretty printer writes it at its depth in a checkpoint file. */
    private String encodedResource(ResourceState r) {
        try {
            return JSON.writeValueAsString(resource(r)).replace(System.lineSeparator(), System.lineSeparator() + RESOURCE_INDENT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the state of " + r.urn() + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode manifest() {
        ObjectNode manifest = NODES.objectNode();
        manifest.put("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        manifest.put("magic", magic(MANIFEST_VERSION));
        manifest.put("version", MANIFEST_VERSION);
        return manifest;
    }

    private ArrayNode pendingOperations(Snapshot snapshot) {
        ArrayNode pending = NODES.arrayNode();
        for (PendingOperation op : snapshot.pendingOperations()) {
            ObjectNode node = pending.addObject();
            node.set("resource", resource(op.resource()));
            node.put("type", op.type());
        }
        return pending;
    }

    /** The passphrase provider and its salt, or null while no secret was ever encrypted. */
    private ObjectNode secretsProviders() {
        String salt = secrets.encryptionSalt();
        if (salt == null) {
            return null;
        }
        ObjectNode provider = NODES.objectNode();
        provider.put("type", "passphrase");
        provider.putObject("state").put("salt", salt);
        return provider;
    }

    private ObjectNode resource(ResourceState r) {
        ObjectNode n = NODES.objectNode();
        n.put("urn", r.urn());
        n.put("custom", r.custom());
        if (r.delete()) {
            n.put("delete", true);
        }
        putIfPresent(n, "id", r.id());
        n.put("type", r.type());
        if (!r.inputs().isEmpty()) {
            n.set("inputs", properties(r.inputs()));
        }
        if (!r.outputs().isEmpty()) {
            n.set("outputs", properties(r.outputs()));
        }
        putIfPresent(n, "parent", r.parent());
        if (r.protect()) {
            n.put("protect", true);
        }
        if (r.external()) {
            n.put("external", true);
        }
        if (!r.dependencies().isEmpty()) {
            ArrayNode deps = n.putArray("dependencies");
            r.dependencies().forEach(deps::add);
        }
        if (!r.initErrors().isEmpty()) {
            ArrayNode errors = n.putArray("initErrors");
            r.initErrors().forEach(errors::add);
        }
        putIfPresent(n, "provider", r.provider());
        if (!r.propertyDependencies().isEmpty()) {
            ObjectNode pd = n.putObject("propertyDependencies");
            r.propertyDependencies().forEach((k, v) -> {
                ArrayNode urns = pd.putArray(k);
                v.forEach(urns::add);
            });
        }
        if (r.pendingReplacement()) {
            n.put("pendingReplacement", true);
        }
        if (!r.additionalSecretOutputs().isEmpty()) {
            ArrayNode a = n.putArray("additionalSecretOutputs");
            r.additionalSecretOutputs().forEach(a::add);
        }
        if (!r.customTimeouts().isEmpty()) {
            ObjectNode t = n.putObject("customTimeouts");
            r.customTimeouts().forEach(t::put);
        }
        putIfPresent(n, "importID", r.importId());
        if (r.retainOnDelete()) {
            n.put("retainOnDelete", true);
        }
        putIfPresent(n, "created", r.created());
        putIfPresent(n, "modified", r.modified());
        if (!r.ignoreChanges().isEmpty()) {
            ArrayNode a = n.putArray("ignoreChanges");
            r.ignoreChanges().forEach(a::add);
        }
        return n;
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null && !value.isEmpty()) {
            n.put(field, value);
        }
    }

    ObjectNode properties(Map<String, Object> props) {
        ObjectNode n = NODES.objectNode();
        props.forEach((k, v) -> n.set(k, property(v)));
        return n;
    }

    private JsonNode property(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Number num) {
            double d = num.doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
                return NODES.numberNode((long) d);
            }
            return NODES.numberNode(d);
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Secret secret) {
            ObjectNode n = NODES.objectNode();
            n.put(WireSignatures.SIGNATURE_KEY, WireSignatures.SECRET);
            try {
                n.put("ciphertext", secrets.encrypt(JSON.writeValueAsString(property(secret.value()))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return n;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode n = NODES.objectNode();
            m.forEach((k, value) -> n.set((String) k, property(value)));
            return n;
        }
        if (v instanceof List<?> l) {
            ArrayNode a = NODES.arrayNode();
            l.forEach(value -> a.add(property(value)));
            return a;
        }
        throw new IllegalArgumentException("cannot store a " + v.getClass().getName() + " in a checkpoint");
    }

    // ---------------------------------------------------------------- reading

    public Snapshot snapshot(JsonNode deployment) {
        JsonNode sp = deployment.path("secrets_providers");
        if (!sp.isMissingNode() && !sp.isNull()) {
            String type = sp.path("type").asText();
            if (!type.equals("passphrase")) {
                throw new IllegalArgumentException("this stack uses the '" + type + "' secrets provider; the embedded "
                        + "engine supports the passphrase provider only (pulumi stack change-secrets-provider passphrase)");
            }
            secrets.adoptSalt(sp.path("state").path("salt").asText(null));
        }
        List<ResourceState> resources = new ArrayList<>();
        for (JsonNode r : deployment.path("resources")) {
            resources.add(resource(r));
        }
        List<PendingOperation> pending = new ArrayList<>();
        for (JsonNode op : deployment.path("pending_operations")) {
            pending.add(new PendingOperation(resource(op.path("resource")), op.path("type").asText()));
        }
        return new Snapshot(resources, pending);
    }

    private ResourceState resource(JsonNode n) {
        Map<String, List<String>> propertyDependencies = new LinkedHashMap<>();
        n.path("propertyDependencies").properties().forEach(e -> propertyDependencies.put(e.getKey(), strings(e.getValue())));
        Map<String, Double> timeouts = new LinkedHashMap<>();
        n.path("customTimeouts").properties().forEach(e -> timeouts.put(e.getKey(), e.getValue().asDouble()));
        return ResourceState.builder(n.path("urn").asText(), n.path("type").asText(), n.path("custom").asBoolean())
                .delete(n.path("delete").asBoolean())
                .id(n.path("id").asText(null))
                .inputs(properties(n.path("inputs")))
                .outputs(properties(n.path("outputs")))
                .parent(n.path("parent").asText(null))
                .protect(n.path("protect").asBoolean())
                .external(n.path("external").asBoolean())
                .dependencies(strings(n.path("dependencies")))
                .initErrors(strings(n.path("initErrors")))
                .provider(n.path("provider").asText(null))
                .propertyDependencies(propertyDependencies)
                .pendingReplacement(n.path("pendingReplacement").asBoolean())
                .additionalSecretOutputs(strings(n.path("additionalSecretOutputs")))
                .customTimeouts(timeouts)
                .importId(n.path("importID").asText(null))
                .retainOnDelete(n.path("retainOnDelete").asBoolean())
                .created(n.path("created").asText(null))
                .modified(n.path("modified").asText(null))
                .ignoreChanges(strings(n.path("ignoreChanges")))
                .build();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }

    public Map<String, Object> properties(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), value(e.getValue())));
        return out;
    }

    private Object value(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            n.forEach(e -> list.add(value(e)));
            return list;
        }
        JsonNode sig = n.get(WireSignatures.SIGNATURE_KEY);
        if (sig != null) {
            if (!sig.asText().equals(WireSignatures.SECRET)) {
                throw new IllegalArgumentException("unsupported special value in state (signature " + sig.asText() + ")");
            }
            try {
                String json = n.has("ciphertext") ? secrets.decrypt(n.get("ciphertext").asText()) : n.path("plaintext").asText();
                return new Secret(value(JSON.readTree(json)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("a secret in the state is not valid JSON once decrypted", e);
            }
        }
        return properties(n);
    }
}
