package com.ivsstack.sdkgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.sdkgen.java.Names;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    @ParameterizedTest
    @CsvSource({
            "LOW, Low",
            "FULL_HD, FullHd",
            "ADVANCED_SD, AdvancedSd",
            "HIGHER_BANDWIDTH_DELIVERY, HigherBandwidthDelivery",
            "Normal, Normal",
            "fragmentedMp4, FragmentedMp4",
            "1080p, _1080p",
    })
    void enumCase_schemaValue_becomesPascalCaseIdentifier(String value, String expected) {
        assertThat(Names.enumCase(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"name, name", "class, class_", "default, default_", "s3, s3", "record, record_"})
    void identifier_propertyName_avoidsJavaKeywords(String name, String expected) {
        assertThat(Names.identifier(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "plain | \"plain\"",
            "say \"hi\" | \"say \\\"hi\\\"\"",
            "back\\slash | \"back\\\\slash\"",
    })
    void literal_anyText_isAValidJavaStringLiteral(String text, String expected) {
        assertThat(Names.literal(text)).isEqualTo(expected);
    }
}
