package com.ivsstack.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The import rules of the engine module ({@code engine/}, package {@code com.ivsstack.engine}). Rules of the other
 * modules belong beside this class, one class per module.
 */
@AnalyzeClasses(packages = "com.ivsstack.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {
    /** The one class that names the IVS provider and the local IVS endpoint, to hand them to the engine. */
    private static final String COMPOSITION_ROOT = "com.ivsstack.engine.cli.IvsProviderSetup";

    @ArchTest
    static final ArchRule engine_outsideItsCompositionRoot_usesNoIvsCode = noClasses()
            .that().resideInAPackage("com.ivsstack.engine..").and().doNotHaveFullyQualifiedName(COMPOSITION_ROOT)
            .should().dependOnClassesThat().resideInAnyPackage("com.ivsstack.provider..", "com.ivsstack.emulator..")
            .because("the engine knows nothing of IVS: it runs any Pulumi provider a connector supplies");

    @ArchTest
    static final ArchRule engine_outsideTheS3Store_usesNoAwsSdk = noClasses()
            .that().resideInAPackage("com.ivsstack.engine..")
            .and().resideOutsideOfPackage("com.ivsstack.engine.state.backend.s3..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon..")
            .because("only the provider builds IVS clients, and only the S3 state store builds its S3 client");

    @ArchTest
    static final ArchRule engine_anywhere_usesNoIvsSdk = noClasses()
            .that().resideInAPackage("com.ivsstack.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.services.ivs..",
                    "software.amazon.awssdk.services.ivsrealtime..")
            .because("the engine knows nothing of IVS");

    /** Each package a slice, the engine's root package ({@code Engine}, {@code ProgramRun}) too. */
    @ArchTest
    static final ArchRule enginePackages_amongThemselves_formNoCycle = slices()
            .matching("com.ivsstack.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule picocli_outsideTheCli_isUsedNowhere = noClasses()
            .that().resideOutsideOfPackage("com.ivsstack.engine.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("the CLI is the only user of picocli");

    @ArchTest
    static final ArchRule deploymentStatePlansAndViews_anywhere_useNoGrpc = noClasses()
            .that().resideInAnyPackage("com.ivsstack.engine.exec..", "com.ivsstack.engine.state..",
                    "com.ivsstack.engine.plan..", "com.ivsstack.engine.graph..", "com.ivsstack.engine.render..",
                    "com.ivsstack.engine.secrets..",
                    "com.ivsstack.engine.program..", "com.ivsstack.engine.events..", "com.ivsstack.engine.timing..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "pulumirpc..", "com.google.protobuf..")
            .because("providers are reached through provider.ProviderClient and the program through the monitor: "
                    + "the wire stays in provider, monitor and the run's server (its codec is pulumi-model's)");

    @ArchTest
    static final ArchRule layers_eachUsesOnlyTheLayersBelow = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("CLI").definedBy("com.ivsstack.engine.cli..")
            .layer("Run").definedBy("com.ivsstack.engine", "com.ivsstack.engine.monitor..",
                    "com.ivsstack.engine.program..")
            .layer("Views").definedBy("com.ivsstack.engine.render..")
            .layer("Deployment").definedBy("com.ivsstack.engine.exec..")
            .layer("Foundations").definedBy("com.ivsstack.engine.state..", "com.ivsstack.engine.plan..",
                    "com.ivsstack.engine.graph..",
                    "com.ivsstack.engine.provider..", "com.ivsstack.engine.secrets..",
                    "com.ivsstack.engine.events..", "com.ivsstack.engine.timing..")
            .whereLayer("CLI").mayNotBeAccessedByAnyLayer()
            .whereLayer("Run").mayOnlyBeAccessedByLayers("CLI", "Views")
            .whereLayer("Views").mayOnlyBeAccessedByLayers("CLI")
            .whereLayer("Deployment").mayOnlyBeAccessedByLayers("CLI", "Run")
            .whereLayer("Foundations").mayOnlyBeAccessedByLayers("CLI", "Run", "Views", "Deployment");
}
