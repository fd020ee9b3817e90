package com.ivsstack.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The import rules of the provider module ({@code provider/}, package {@code com.ivsstack.provider}), the typed
 * models generated from schema.json included.
 */
@AnalyzeClasses(packages = "com.ivsstack.provider", importOptions = ImportOption.DoNotIncludeTests.class)
class ProviderArchitectureTest {
    /** Where the AWS SDK is set up and its failures are turned into the provider's own. */
    private static final String AWS_ACCESS = "com.ivsstack.provider.aws..";

    /** The plugin: the gRPC service and its main; the one part of the provider that speaks the wire. */
    private static final String PLUGIN = "com.ivsstack.provider.grpc..";
    private static final String PLUGIN_MAIN = "com.ivsstack.provider.ProviderMain";

    /**
     * Resource code, and all else of the provider outside the plugin: the resource types, the functions, their
     * generated models, the schema checks, the Java API, the AWS access.
     */
    @ArchTest
    static final ArchRule resourceCode_outsideThePlugin_usesNoGrpc = noClasses()
            .that().resideOutsideOfPackage(PLUGIN).and().doNotHaveFullyQualifiedName(PLUGIN_MAIN)
            .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "com.google.protobuf..", "pulumirpc..",
                    PLUGIN, "com.ivsstack.pulumi.wire..")
            .because("resources know nothing of gRPC: the plugin's grpc package translates the wire to the Provider API");

    @ArchTest
    static final ArchRule awsClients_outsideTheAwsPackage_areBuiltNowhere = noClasses()
            .that().resideOutsideOfPackage(AWS_ACCESS)
            .should().callMethodWhere(describe("a builder or factory of an AWS SDK client or HTTP client",
                    (JavaCall<?> call) -> call.getTarget().getName().matches("builder|create")
                            && isSdkClient(call.getTargetOwner())))
            .orShould().dependOnClassesThat(assignableTo("software.amazon.awssdk.core.client.builder.SdkClientBuilder"))
            .because("only provider/.../aws builds AWS clients (AwsClients), with the pacing, retries and error "
                    + "mapping every call needs");

    @ArchTest
    static final ArchRule awsExceptions_outsideTheAwsPackage_areHandledNowhere = noClasses()
            .that().resideOutsideOfPackage(AWS_ACCESS)
            .should().dependOnClassesThat(assignableTo("software.amazon.awssdk.core.exception.SdkException"))
            .because("only provider/.../aws maps the AWS SDK's exceptions (ErrorMapping, to IvsApiException)");

    @ArchTest
    static final ArchRule schemaChecks_anywhere_useNoAwsSdk = noClasses()
            .that().resideInAPackage("com.ivsstack.provider.schema..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon..")
            .because("check and diff are decided from schema.json and the inputs alone, without AWS");

    @ArchTest
    static final ArchRule provider_anywhere_usesNoOtherModuleButPulumiModel = noClasses()
            .that().resideInAPackage("com.ivsstack.provider..")
            .should().dependOnClassesThat(resideInAPackage("com.ivsstack..")
                    .and(resideOutsideOfPackages("com.ivsstack.provider..", "com.ivsstack.pulumi..")))
            .because("the provider stands on pulumi-model only; the engine and the emulator are its tests' business");

    @ArchTest
    static final ArchRule providerPackages_amongThemselves_formNoCycle = slices()
            .matching("com.ivsstack.provider.(*)..")
            .should().beFreeOfCycles();

    private static boolean isSdkClient(JavaClass owner) {
        return owner.isAssignableTo("software.amazon.awssdk.core.SdkClient")
                || owner.isAssignableTo("software.amazon.awssdk.http.SdkHttpClient");
    }
}
