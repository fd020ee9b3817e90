package com.ivsstack.provider.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.ivsstack.provider.ProviderConfig;
import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.api.CheckRequest;
import com.ivsstack.provider.api.CheckResult;
import com.ivsstack.provider.api.ProviderLog;
import com.ivsstack.provider.api.ResourceHandler;
import com.ivsstack.pulumi.value.Secret;
import com.ivsstack.pulumi.value.Unknown;
import com.ivsstack.provider.aws.IvsApi;
import com.ivsstack.provider.schema.BundledSchema;
import com.ivsstack.pulumi.schema.PackageSchema;
import com.ivsstack.pulumi.schema.PropertySpec;
import com.ivsstack.pulumi.schema.TypeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Hostile input on every resource's check, generated: arbitrary property names, types, nesting, sizes, unknowns and
 * secrets. No exception escapes check, every failure names a property the input or the schema has, a property given
 * a value of the wrong kind always gets a failure naming it, and no AWS call is ever made (the API is a mock that
 * must see no interaction). Tries per property: {@code jqwik.tries.default} (junit-platform.properties; the full run
 * sets it higher, see docs/reliability.md).
 */
class CheckPropertiesTest {
    private static final PackageSchema SCHEMA = BundledSchema.load();
    private static final IvsApi API = mock(IvsApi.class);
    private static final List<ResourceHandler> TYPES = types();
    private static final AtomicLong TRIES = new AtomicLong();

    /** Every resource type of the schema, as the provider registers it. */
    private static List<ResourceHandler> types() {
        var context = new ResourceContext(SCHEMA, ProviderLog.NONE);
        context.configure(ProviderConfig.from(Map.of("defaultTags", Map.of("team", "video"))), API);
        var registered = ResourceTypes.of(context);
        return SCHEMA.resourceTokens().stream().<ResourceHandler>map(token -> registered.stream()
                .filter(type -> type.token().equals(token)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource type registered for " + token))).toList();
    }

    @AfterContainer
    static void report() {
        System.out.printf("PROPERTIES %d generated inputs checked across %d resource types; no AWS call%n",
                TRIES.get(), TYPES.size());
    }

    @Property
    void check_arbitraryInputs_neverThrowsNamesPropertiesAndCallsNoAws(@ForAll("typeAndInputs") Tuple.Tuple2<ResourceHandler, Map<String, Object>> input) {
        ResourceHandler type = input.get1();
        CheckResult result = check(type, Map.of(), input.get2());
        assertFailuresNameProperties(type, input.get2(), result);
    }

    @Property
    void check_arbitraryOldsAndNews_neverThrowsNamesPropertiesAndCallsNoAws(
            @ForAll("typeAndInputs") Tuple.Tuple2<ResourceHandler, Map<String, Object>> olds,
            @ForAll("typeAndInputs") Tuple.Tuple2<ResourceHandler, Map<String, Object>> news) {
        ResourceHandler type = news.get1();
        CheckResult result = check(type, olds.get2(), news.get2());
        assertFailuresNameProperties(type, news.get2(), result);
    }

    @Property
    void check_onePropertyOfTheWrongKind_failsNamingThatProperty(@ForAll("typeAndWrongProperty") Tuple.Tuple3<ResourceHandler, String, Object> wrong,
                                                                  @ForAll("typeAndInputs") Tuple.Tuple2<ResourceHandler, Map<String, Object>> others) {
        ResourceHandler type = wrong.get1();
        Map<String, Object> inputs = new LinkedHashMap<>(others.get2());
        inputs.put(wrong.get2(), wrong.get3());
        CheckResult result = check(type, Map.of(), inputs);
        assertThat(result.failures()).as("%s %s = %s", type.token(), wrong.get2(), wrong.get3())
                .anySatisfy(f -> assertThat(root(f.property())).isEqualTo(wrong.get2()));
        assertFailuresNameProperties(type, inputs, result);
    }

    /** Found by the properties above: a name with a backslash came back as a path that read as another name. */
    @net.jqwik.api.Example
    void check_unknownPropertyNamedWithQuoteAndBackslash_failureNamesItUnambiguously() {
        String name = "we\\ird\"name";
        CheckResult result = check(TYPES.get(0), Map.of(), Map.of(name, "x"));
        assertThat(result.failures()).singleElement()
                .satisfies(f -> assertThat(root(f.property())).isEqualTo(name));
    }

    private static CheckResult check(ResourceHandler type, Map<String, Object> olds, Map<String, Object> news) {
        TRIES.incrementAndGet();
        CheckResult result = type.check(new CheckRequest("urn:pulumi:dev::p::" + type.token() + "::r", olds, news));
        verifyNoInteractions(API);
        return result;
    }

    private static void assertFailuresNameProperties(ResourceHandler type, Map<String, Object> inputs, CheckResult result) {
        Set<String> known = new HashSet<>(inputs.keySet());
        known.addAll(SCHEMA.resource(type.token()).inputs().declared().keySet());
        for (CheckFailure failure : result.failures()) {
            assertThat(failure.property()).as("failure without a property: %s", failure).isNotBlank();
            assertThat(failure.reason()).as("failure without a reason: %s", failure).isNotBlank();
            assertThat(known).as("%s names a property of the input or schema", failure).contains(root(failure.property()));
        }
    }

    /** The first element of a property path: {@code a.b}, {@code a[0]}, or a quoted {@code ["a.b"]}. */
    private static String root(String path) {
        if (path.startsWith("[\"")) {
            StringBuilder name = new StringBuilder();
            for (int i = 2; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c == '\\' && i + 1 < path.length()) {
                    name.append(path.charAt(++i));
                } else if (c == '"') {
                    return name.toString();
                } else {
                    name.append(c);
                }
            }
            return name.toString();
        }
        return path.split("[.\\[]", 2)[0];
    }

    // ------------------------------------------------------------------------------------------ generators

    @Provide
    Arbitrary<Tuple.Tuple2<ResourceHandler, Map<String, Object>>> typeAndInputs() {
        return Arbitraries.of(TYPES).flatMap(type -> inputs(type).map(inputs -> Tuple.of(type, inputs)));
    }

    /** Maps whose keys are mostly the type's own properties (so deep validation runs), some of them junk. */
    private static Arbitrary<Map<String, Object>> inputs(ResourceHandler type) {
        List<String> names = new ArrayList<>(SCHEMA.resource(type.token()).inputs().declared().keySet());
        Arbitrary<String> keys = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(names)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(20)),
                Tuple.of(1, Arbitraries.of("", "tags.k", "__proto__", "ivsstack:urn", "name\u0000", "x".repeat(300))));
        return Arbitraries.maps(keys, value(names)).ofMaxSize(6).map(m -> (Map<String, Object>) new LinkedHashMap<>(m));
    }

    /** Any value: scalars of every kind and size, unknowns, secrets, lists and maps nested up to 3 deep. */
    private static Arbitrary<Object> value(List<String> propertyNames) {
        Arbitrary<Object> scalar = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s)),
                Tuple.of(1, Arbitraries.strings().ofMinLength(129).ofMaxLength(2_000).map(s -> (Object) s)),
                Tuple.of(1, Arbitraries.of("x".repeat(70_000), "\u00e9".repeat(5_000), "a-b_".repeat(10_000)).map(s -> (Object) s)),
                Tuple.of(2, Arbitraries.of("LOW", "NORMAL", "STANDARD", "BASIC", "ADVANCED_HD", "HD", "SD", "ALLOW",
                        "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCD1234", "arn:aws:ivs:us-west-2:1:channel/",
                        "arn:aws:ivs:us-west-2:123456789012:recording-configuration/abcdABCD1234", "my-bucket",
                        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "US", "usa", "https://example.com",
                        "2026-11-21", "{\"k\":\"v\"}", "[1,2]", "true", "1e309", "NaN").map(s -> (Object) s)),
                Tuple.of(2, Arbitraries.integers().map(i -> (Object) i)),
                Tuple.of(1, Arbitraries.longs().map(l -> (Object) l)),
                Tuple.of(1, Arbitraries.doubles().map(d -> (Object) d)),
                Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e300, Long.MIN_VALUE).map(d -> (Object) d)),
                Tuple.of(2, Arbitraries.of(true, false).map(b -> (Object) b)),
                Tuple.of(1, Arbitraries.just((Object) Unknown.VALUE)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(20).map(s -> (Object) new Secret(s))));
        Arbitrary<Object> withNull = scalar.injectNull(0.05);
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(propertyNames.isEmpty() ? List.of("k") : propertyNames),
                Arbitraries.of("s3", "bucketName", "width", "height", "framerate", "bitrate", "enabled", "policy",
                        "maximumResolution", "renditions", "renditionSelection", "recordingMode", "targetIntervalSeconds",
                        "storage", "thumbnailConfiguration", "recordingReconnectWindowSeconds"),
                Arbitraries.strings().ofMaxLength(12));
        return Arbitraries.recursive(() -> withNull,
                inner -> Arbitraries.frequencyOf(
                        Tuple.of(3, withNull),
                        Tuple.of(1, inner.list().ofMaxSize(4).map(l -> (Object) l)),
                        Tuple.of(2, Arbitraries.maps(keys, inner).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m))),
                        Tuple.of(1, inner.filter(v -> v != null && !(v instanceof Secret)).map(v -> (Object) new Secret(v)))),
                0, 3);
    }

    @Provide
    Arbitrary<Tuple.Tuple3<ResourceHandler, String, Object>> typeAndWrongProperty() {
        return Arbitraries.of(TYPES).flatMap(type -> {
            List<PropertySpec> properties = SCHEMA.resource(type.token()).inputs().declared().values().stream()
                    .filter(p -> !(p.type() instanceof TypeSpec.Primitive prim && prim.kind() == TypeSpec.PrimitiveKind.ANY))
                    .toList();
            return Arbitraries.of(properties).flatMap(p -> wrongKind(p.type()).map(v -> Tuple.of(type, p.name(), v)));
        });
    }

    /** A value no property of this type accepts: a map for a scalar, text for a boolean, a number for a collection. */
    private static Arbitrary<Object> wrongKind(TypeSpec type) {
        if (type instanceof TypeSpec.Primitive p && p.kind() == TypeSpec.PrimitiveKind.BOOLEAN) {
            return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10)
                    .filter(s -> !s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")).map(s -> (Object) s);
        }
        if (type instanceof TypeSpec.Primitive || SCHEMA.enumOf(type) != null) {
            return Arbitraries.oneOf(
                    Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5), Arbitraries.integers())
                            .ofMinSize(1).ofMaxSize(2).map(m -> (Object) m),
                    Arbitraries.integers().list().ofMinSize(1).ofMaxSize(3).map(l -> (Object) l));
        }
        return Arbitraries.oneOf(Arbitraries.integers().map(i -> (Object) i), Arbitraries.of(true, false).map(b -> (Object) b));
    }
}
