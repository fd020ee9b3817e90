package com.ivsstack.engine.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import java.util.function.UnaryOperator;

/**
 * Reads and writes Pulumi's DeploymentV3 JSON (the body of checkpoints and of {@code stack export} files), bound by
 * Jackson to records shaped as Pulumi's apitype (DeploymentV3, ManifestV1, ResourceV3, OperationV2). The one thing
 * written by hand is the form of property values in the state ({@link #stored}, {@link #restored}): secrets encrypted
 * with the stack's passphrase, integral numbers as integers, as the Pulumi CLI writes them.
 */
public final class CheckpointCodec {
    public static final String MANIFEST_VERSION = "v3.0.0+ivsstack.0.1.0";
    /** The checkpoint format version written and read (Pulumi writes 4 only with features ivsstack lacks). */
    public static final int CHECKPOINT_VERSION = 3;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
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

    // ---------------------------------------------------------------- Pulumi's apitype

    /** The body of a checkpoint's {@code latest} and of an export's {@code deployment}. */
    @JsonPropertyOrder({"manifest", "secrets_providers", "resources", "pending_operations"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DeploymentV3(
            ManifestV1 manifest,
            @JsonProperty("secrets_providers") @JsonInclude(Include.NON_NULL) SecretsProvidersV1 secretsProviders,
            List<ResourceV3> resources,
            @JsonProperty("pending_operations") @JsonInclude(Include.NON_EMPTY) List<OperationV2> pendingOperations) {
    }

    @JsonPropertyOrder({"time", "magic", "version"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ManifestV1(String time, String magic, String version) {
        static ManifestV1 now() {
            return new ManifestV1(Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), CheckpointCodec.magic(MANIFEST_VERSION),
                    MANIFEST_VERSION);
        }
    }

    /** The passphrase provider and its salt. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SecretsProvidersV1(String type, Salt state) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Salt(String salt) {
        }
    }

    @JsonPropertyOrder({"resource", "type"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OperationV2(ResourceV3 resource, String type) {
    }

    /** A resource entry; property values in their stored form ({@link #stored}). */
    @JsonPropertyOrder({"urn", "custom", "delete", "id", "type", "inputs", "outputs", "parent", "protect", "external",
            "dependencies", "initErrors", "provider", "propertyDependencies", "pendingReplacement",
            "additionalSecretOutputs", "customTimeouts", "importID", "retainOnDelete", "created", "modified",
            "ignoreChanges"})
    @JsonInclude(Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResourceV3(
            @JsonInclude(Include.ALWAYS) String urn,
            @JsonInclude(Include.ALWAYS) boolean custom,
            @JsonInclude(Include.NON_DEFAULT) boolean delete,
            String id,
            @JsonInclude(Include.ALWAYS) String type,
            Map<String, Object> inputs,
            Map<String, Object> outputs,
            String parent,
            @JsonInclude(Include.NON_DEFAULT) boolean protect,
            @JsonInclude(Include.NON_DEFAULT) boolean external,
            List<String> dependencies,
            List<String> initErrors,
            String provider,
            Map<String, List<String>> propertyDependencies,
            @JsonInclude(Include.NON_DEFAULT) boolean pendingReplacement,
            List<String> additionalSecretOutputs,
            Map<String, Double> customTimeouts,
            @JsonProperty("importID") String importId,
            @JsonInclude(Include.NON_DEFAULT) boolean retainOnDelete,
            String created,
            String modified,
            List<String> ignoreChanges) {

        static ResourceV3 of(ResourceState r, UnaryOperator<Map<String, Object>> values) {
            return new ResourceV3(r.urn(), r.custom(), r.delete(), r.id(), r.type(), values.apply(r.inputs()),
                    values.apply(r.outputs()), r.parent(), r.protect(), r.external(), r.dependencies(), r.initErrors(),
                    r.provider(), r.propertyDependencies(), r.pendingReplacement(), r.additionalSecretOutputs(),
                    r.customTimeouts(), r.importId(), r.retainOnDelete(), r.created(), r.modified(), r.ignoreChanges());
        }

        ResourceState state(UnaryOperator<Map<String, Object>> values) {
            return new ResourceState(urn, custom, delete, id, type, values.apply(inputs), values.apply(outputs), parent,
                    protect, external, dependencies, initErrors, provider, propertyDependencies, pendingReplacement,
                    additionalSecretOutputs, customTimeouts, importId, retainOnDelete, created, modified, ignoreChanges);
        }
    }

    // ---------------------------------------------------------------- writing

    public ObjectNode deployment(Snapshot snapshot) {
        List<ResourceV3> resources = Snapshot.dependencyOrdered(snapshot.resources()).stream().map(this::stored).toList();
        List<OperationV2> pending = pendingOperations(snapshot);
        // Built after the resources: encrypting them may have created the salt.
        return JSON.valueToTree(new DeploymentV3(ManifestV1.now(), secretsProviders(), resources, pending));
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
        List<OperationV2> pending = pendingOperations(snapshot);
        try (JsonGenerator json = JSON.writer().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("version", CHECKPOINT_VERSION);
            json.writeObjectFieldStart("checkpoint");
            json.writeStringField("stack", stack);
            json.writeObjectFieldStart("latest");
            json.writeObjectField("manifest", ManifestV1.now());
            // After the resources were encoded: encrypting them may have created the salt.
            SecretsProvidersV1 secretsProviders = secretsProviders();
            if (secretsProviders != null) {
                json.writeObjectField("secrets_providers", secretsProviders);
            }
            json.writeArrayFieldStart("resources");
            for (ResourceState r : ordered) {
                json.writeRawValue(encodings.get(r));
            }
            json.writeEndArray();
            if (!pending.isEmpty()) {
                json.writeObjectField("pending_operations", pending);
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
            return JSON.writeValueAsString(stored(r)).replace(System.lineSeparator(), System.lineSeparator() + RESOURCE_INDENT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the state of " + r.urn() + ": " + e.getMessage(), e);
        }
    }

    private List<OperationV2> pendingOperations(Snapshot snapshot) {
        return snapshot.pendingOperations().stream().map(op -> new OperationV2(stored(op.resource()), op.type())).toList();
    }

    /** The passphrase provider and its salt, or null while no secret was ever encrypted. */
    private SecretsProvidersV1 secretsProviders() {
        String salt = secrets.encryptionSalt();
        return salt == null ? null : new SecretsProvidersV1("passphrase", new SecretsProvidersV1.Salt(salt));
    }

    private ResourceV3 stored(ResourceState r) {
        return ResourceV3.of(r, this::storedProperties);
    }

    private Map<String, Object> storedProperties(Map<String, Object> properties) {
        Map<String, Object> out = new LinkedHashMap<>();
        properties.forEach((k, v) -> out.put(k, stored(v)));
        return out;
    }

    /**
     * A property value as the state stores it: a secret as Pulumi's secret object with its value encrypted, a number
     * that is integral as an integer (values arrive as doubles).
     */
    private Object stored(Object value) {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        }
        if (value instanceof Secret secret) {
            Map<String, Object> sealed = new LinkedHashMap<>();
            sealed.put(WireSignatures.SIGNATURE_KEY, WireSignatures.SECRET);
            try {
                sealed.put("ciphertext", secrets.encrypt(JSON.writeValueAsString(stored(secret.value()))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return sealed;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, stored(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(stored(v)));
            return out;
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("cannot store a " + value.getClass().getName() + " in a checkpoint");
    }

    // ---------------------------------------------------------------- reading

    public Snapshot snapshot(JsonNode deployment) {
        DeploymentV3 read;
        try {
            read = JSON.treeToValue(deployment, DeploymentV3.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the deployment cannot be read: " + e.getOriginalMessage(), e);
        }
        if (read.secretsProviders() != null) {
            String type = read.secretsProviders().type();
            if (!"passphrase".equals(type)) {
                throw new IllegalArgumentException("this stack uses the '" + type + "' secrets provider; the embedded "
                        + "engine supports the passphrase provider only (pulumi stack change-secrets-provider passphrase)");
            }
            secrets.adoptSalt(read.secretsProviders().state() == null ? null : read.secretsProviders().state().salt());
        }
        List<ResourceState> resources = new ArrayList<>();
        for (ResourceV3 r : read.resources() == null ? List.<ResourceV3>of() : read.resources()) {
            resources.add(r.state(this::restoredProperties));
        }
        List<PendingOperation> pending = new ArrayList<>();
        for (OperationV2 op : read.pendingOperations() == null ? List.<OperationV2>of() : read.pendingOperations()) {
            pending.add(new PendingOperation(op.resource().state(this::restoredProperties), op.type()));
        }
        return new Snapshot(resources, pending);
    }

    private Map<String, Object> restoredProperties(Map<String, Object> properties) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (properties != null) {
            properties.forEach((k, v) -> out.put(k, restored(v)));
        }
        return out;
    }

    /** A stored property value as the engine holds it: secrets decrypted into {@link Secret}, numbers as doubles. */
    private Object restored(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(restored(v)));
            return out;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        Object signature = map.get(WireSignatures.SIGNATURE_KEY);
        if (signature == null) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, restored(v)));
            return out;
        }
        if (!WireSignatures.SECRET.equals(signature)) {
            throw new IllegalArgumentException("unsupported special value in state (signature " + signature + ")");
        }
        Object ciphertext = map.get("ciphertext");
        String json = ciphertext != null ? secrets.decrypt(String.valueOf(ciphertext)) : String.valueOf(map.get("plaintext"));
        try {
            return new Secret(restored(JSON.readValue(json, Object.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a secret in the state is not valid JSON once decrypted", e);
        }
    }
}
