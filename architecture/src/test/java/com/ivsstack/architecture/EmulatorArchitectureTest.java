package com.ivsstack.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The import rules of the local IVS endpoint ({@code emulator/}, package {@code com.ivsstack.emulator}). */
@AnalyzeClasses(packages = "com.ivsstack.emulator", importOptions = ImportOption.DoNotIncludeTests.class)
class EmulatorArchitectureTest {
    @ArchTest
    static final ArchRule emulator_anywhere_usesNoOtherModuleOfOurs = noClasses()
            .that().resideInAPackage("com.ivsstack.emulator..")
            .should().dependOnClassesThat(resideInAPackage("com.ivsstack..")
                    .and(resideOutsideOfPackage("com.ivsstack.emulator..")))
            .because("the emulator stands alone: it answers as IVS does, whoever the client is");

    @ArchTest
    static final ArchRule emulatorServer_outsideItsTestKit_usesNoAwsSdk = noClasses()
            .that().resideInAPackage("com.ivsstack.emulator..").and().resideOutsideOfPackage("com.ivsstack.emulator.junit..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon..")
            .because("the endpoint speaks the IVS wire protocol itself, so the SDK clients of the tests check it; "
                    + "only the JUnit extension builds clients, for the tests that use it");
}
