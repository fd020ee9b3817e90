package com.ivsstack.emulator.validation;

import static com.ivsstack.emulator.validation.Shapes.bool;
import static com.ivsstack.emulator.validation.Shapes.enumOf;
import static com.ivsstack.emulator.validation.Shapes.floating;
import static com.ivsstack.emulator.validation.Shapes.integer;
import static com.ivsstack.emulator.validation.Shapes.list;
import static com.ivsstack.emulator.validation.Shapes.map;
import static com.ivsstack.emulator.validation.Shapes.string;
import static com.ivsstack.emulator.validation.Shapes.structure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.emulator.service.ApiException;
import com.ivsstack.emulator.service.ErrorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final StructureShape SHAPE = structure()
            .required("name", string().length(1, 5).pattern("^[a-z]*$"))
            .optional("kind", enumOf("A", "B"))
            .optional("count", integer(1, 10))
            .optional("ratio", floating(0.5, 2))
            .optional("flag", bool())
            .optional("items", list(string().length(0, 2)).size(0, 2))
            .optional("labels", map(string().length(1, 3), string().length(0, 3)).size(0, 2))
            .optional("secret", string().length(0, 3).sensitive())
            .optional("nested", structure().required("inner", integer(0, 1)));

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{}                                       | 'name' failed to satisfy constraint: Member must not be null",
        "{'name':''}                              | greater than or equal to 1",
        "{'name':'abcdef'}                        | less than or equal to 5",
        "{'name':'ABC'}                           | regular expression pattern: ^[a-z]*$",
        "{'name':7}                               | Member must be a string",
        "{'name':'a','kind':'C'}                  | enum value set: [A, B]",
        "{'name':'a','count':0}                   | 'count' failed to satisfy constraint: Member must have value greater than or equal to 1",
        "{'name':'a','count':11}                  | less than or equal to 10",
        "{'name':'a','count':1.5}                 | Member must be an integer",
        "{'name':'a','ratio':2.5}                 | less than or equal to 2",
        "{'name':'a','flag':'true'}               | Member must be a boolean",
        "{'name':'a','items':['a','b','c']}       | 'items' failed to satisfy constraint: Member must have length less than or equal to 2",
        "{'name':'a','items':['abc']}             | 'items[0]'",
        "{'name':'a','items':'abc'}               | Member must be a list",
        "{'name':'a','labels':{'k':'vvvv'}}       | 'labels.k'",
        "{'name':'a','labels':{'kkkk':'v'}}       | 'labels.key'",
        "{'name':'a','labels':{'a':'','b':'','c':''}} | (it has 3 entries)",
        "{'name':'a','nested':{}}                 | 'nested.inner' failed to satisfy constraint: Member must not be null",
        "{'name':'a','nested':{'inner':2}}        | 'nested.inner'",
    })
    void validate_violation_messageNamesFieldAndRule(String request, String expected) throws Exception {
        assertThatThrownBy(() -> RequestValidator.validate(SHAPE, json(request)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.VALIDATION);
                    assertThat(e.getMessage()).startsWith("1 validation error detected: ").contains(expected);
                });
    }

    @Test
    void validate_severalViolations_reportsAllInOneError() throws Exception {
        assertThatThrownBy(() -> RequestValidator.validate(SHAPE, json("{'name':'ABCDEF','count':99}")))
                .hasMessageStartingWith("3 validation errors detected: ")
                .hasMessageContaining("less than or equal to 5")
                .hasMessageContaining("regular expression")
                .hasMessageContaining("less than or equal to 10");
    }

    @Test
    void validate_sensitiveValue_neverEchoed() throws Exception {
        assertThatThrownBy(() -> RequestValidator.validate(SHAPE, json("{'name':'a','secret':'hunter2'}")))
                .hasMessageContaining("'secret'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void validate_validRequestWithUnknownMembers_passes() throws Exception {
        assertThatCode(() -> RequestValidator.validate(SHAPE, json(
                "{'name':'ok','kind':'A','count':10,'ratio':0.5,'flag':true,'items':['ab'],'labels':{'k':'v'},"
                        + "'nested':{'inner':0},'somethingNew':1}"))).doesNotThrowAnyException();
    }
}
