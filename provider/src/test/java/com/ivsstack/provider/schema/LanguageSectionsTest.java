package com.ivsstack.provider.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * schema.json's package metadata and language sections, with which {@code pulumi package add} generates an SDK in every
 * Pulumi language under names of our own: each section is there, names every module of the schema where that
 * language needs it, and names the package as that language's tooling requires. The modules are read from the
 * schema's own tokens, so a new module is checked without a change here.
 */
class LanguageSectionsTest {

    /** Every key the Pulumi package metaschema allows at the top level of a schema (it allows no others). */
    private static final Set<String> METASCHEMA_TOP_LEVEL_KEYS = Set.of("name", "displayName", "version", "description",
            "keywords", "homepage", "license", "attribution", "repository", "logoUrl", "pluginDownloadURL", "publisher",
            "namespace", "meta", "config", "types", "dependencies", "provider", "resources", "functions", "language",
            "parameterization", "allowedPackageNames");
    private static final Pattern JAVA_SEGMENT = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern CSHARP_SEGMENT = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern PYTHON_MODULE = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern GO_PACKAGE = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern NODE_DIRECTORY = Pattern.compile("[a-z][a-z0-9-]*");

    private static JsonNode schema;
    private static String packageName;
    private static Set<String> modules;

    @BeforeAll
    static void readSchema() throws Exception {
        try (InputStream in = LanguageSectionsTest.class.getResourceAsStream("/schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        packageName = schema.path("name").asText();
        modules = modulesOfTheSchema();
    }

    /** The module of every resource, function and type token (through meta.moduleFormat), but the package's index. */
    private static Set<String> modulesOfTheSchema() {
        Pattern moduleFormat = Pattern.compile(schema.path("meta").path("moduleFormat").asText("(.*)"));
        var found = new TreeSet<String>();
        for (String section : List.of("resources", "functions", "types")) {
            schema.path(section).fieldNames().forEachRemaining(token -> {
                Matcher module = moduleFormat.matcher(token.split(":")[1]);
                assertThat(module.matches()).as("module of %s against meta.moduleFormat", token).isTrue();
                String name = module.groupCount() > 0 ? module.group(1) : module.group();
                if (!name.isEmpty() && !name.equals("index")) {
                    found.add(name);
                }
            });
        }
        return found;
    }

    private static JsonNode language(String name) {
        return schema.path("language").path(name);
    }

    /** The names a language section must map: the package itself and every module. */
    private static Set<String> packageAndModules() {
        var names = new TreeSet<>(modules);
        names.add(packageName);
        return names;
    }

    @Test
    void schema_modules_areFoundInTheTokens() {
        assertThat(modules).as("modules besides index").isNotEmpty();
    }

    @Test
    void topLevel_keys_areOnlyThoseOfPulumisPackageMetaschema() {
        var keys = new ArrayList<String>();
        schema.fieldNames().forEachRemaining(keys::add);

        assertThat(keys).isSubsetOf(METASCHEMA_TOP_LEVEL_KEYS).contains("homepage", "repository", "language");
    }

    @Test
    void homepageAndRepository_areHttpsUrlsOfOurOwn() {
        for (String key : List.of("homepage", "repository")) {
            URI url = URI.create(schema.path(key).asText());
            assertThat(url.getScheme()).as(key).isEqualTo("https");
            assertThat(url.getHost()).as(key).isNotBlank();
            assertThat(url.getPath()).as(key).doesNotStartWith("/pulumi/");
        }
    }

    @Test
    void language_everyPulumiLanguage_hasASection() {
        assertThat(schema.path("language").isObject()).isTrue();
        for (String name : List.of("nodejs", "python", "go", "csharp", "java")) {
            assertThat(language(name).isObject()).as("language.%s", name).isTrue();
        }
    }

    @Test
    void java_packages_mapThePackageAndEveryModuleToAPackageSegment() {
        JsonNode java = language("java");

        assertThat(java.path("basePackage").asText()).matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
        assertMapsEveryName("language.java.packages", java.path("packages"), packageAndModules(), JAVA_SEGMENT);
    }

    @Test
    void csharp_namespaces_mapThePackageAndEveryModuleUnderOurRootNamespace() {
        JsonNode csharp = language("csharp");

        assertThat(csharp.path("rootNamespace").asText()).as("our own root namespace, not Pulumi's default")
                .matches("[A-Z][A-Za-z0-9]*(\\.[A-Z][A-Za-z0-9]*)*").isNotEqualTo("Pulumi");
        assertMapsEveryName("language.csharp.namespaces", csharp.path("namespaces"), packageAndModules(), CSHARP_SEGMENT);
        assertThat(csharp.path("packageReferences").has("Pulumi")).as("the Pulumi .NET SDK referenced").isTrue();
    }

    @Test
    void nodejs_packageName_isScopedToUsAndEveryModuleIsADirectoryName() {
        JsonNode nodejs = language("nodejs");

        assertThat(nodejs.path("packageName").asText()).matches("@[a-z0-9-]+/[a-z0-9-]+").doesNotStartWith("@pulumi/");
        assertThat(nodejs.path("dependencies").has("@pulumi/pulumi")).as("the Pulumi Node.js SDK a dependency").isTrue();
        assertEveryModuleValidOrMapped("language.nodejs.moduleToPackage", nodejs.path("moduleToPackage"), NODE_DIRECTORY);
    }

    @Test
    void python_packageName_isAnImportableNameOfOursAndEveryModuleAnIdentifier() {
        JsonNode python = language("python");

        assertThat(python.path("packageName").asText()).matches(PYTHON_MODULE).isNotEqualTo("pulumi_" + packageName);
        assertThat(python.path("requires").has("pulumi")).as("the Pulumi Python SDK required").isTrue();
        assertEveryModuleValidOrMapped("language.python.moduleNameOverrides", python.path("moduleNameOverrides"),
                PYTHON_MODULE);
    }

    @Test
    void go_importBasePath_isUnderOurRepositoryEndsInThePackageAndEveryModuleIsAGoPackage() {
        JsonNode go = language("go");
        String importBasePath = go.path("importBasePath").asText();
        URI repository = URI.create(schema.path("repository").asText());

        assertThat(importBasePath).startsWith(repository.getHost() + repository.getPath() + "/")
                .endsWith("/" + packageName);
        assertEveryModuleValidOrMapped("language.go.moduleToPackage", go.path("moduleToPackage"), GO_PACKAGE);
    }

    private static void assertMapsEveryName(String where, JsonNode map, Set<String> names, Pattern valueRule) {
        var missing = new TreeSet<String>();
        for (String name : names) {
            if (!map.hasNonNull(name)) {
                missing.add(name);
            } else {
                assertThat(map.get(name).asText()).as("%s.%s", where, name).matches(valueRule);
            }
        }
        assertThat(missing).as("names %s does not map", where).isEmpty();
    }

    private static void assertEveryModuleValidOrMapped(String where, JsonNode overrides, Pattern rule) {
        for (String module : modules) {
            String name = overrides.hasNonNull(module) ? overrides.get(module).asText() : module;
            assertThat(name).as("module %s (or its entry in %s)", module, where).matches(rule);
        }
    }
}
