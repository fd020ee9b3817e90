package com.ivsstack.provider.grpc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PluginArgumentsTest {

    static Stream<Arguments> commandLines() {
        return Stream.of(
                Arguments.of(List.of("127.0.0.1:5000"), "127.0.0.1:5000", 0, null, List.of()),
                Arguments.of(List.of("--logtostderr", "-v=9", "127.0.0.1:5000"), "127.0.0.1:5000", 9, null, List.of()),
                Arguments.of(List.of("--logtostderr", "--logflow", "-v=3", "--tracing", "http://127.0.0.1:9411", "localhost:1"),
                        "localhost:1", 3, "http://127.0.0.1:9411", List.of()),
                Arguments.of(List.of("--tracing=zipkin:9411", "--v=2", "127.0.0.1:7"), "127.0.0.1:7", 2, "zipkin:9411", List.of()),
                Arguments.of(List.of("-v", "5", "127.0.0.1:7"), "127.0.0.1:7", 5, null, List.of()),
                Arguments.of(List.of("--new-flag", "first", "127.0.0.1:8"), "127.0.0.1:8", 0, null, List.of("--new-flag")),
                Arguments.of(List.of("-v=loud", "127.0.0.1:8"), "127.0.0.1:8", 0, null, List.of("-v=loud")),
                Arguments.of(List.of("--logtostderr"), null, 0, null, List.of()),
                Arguments.of(List.of(), null, 0, null, List.of()));
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void parse_pulumiCommandLine_takesEngineAddressFromTheLastPositional(List<String> args, String engine, int verbosity,
                                                                        String tracing, List<String> ignored) {
        PluginArguments parsed = PluginArguments.parse(args.toArray(String[]::new));

        assertThat(parsed.engineAddress()).isEqualTo(engine);
        assertThat(parsed.verbosity()).isEqualTo(verbosity);
        assertThat(parsed.tracing()).isEqualTo(tracing);
        assertThat(parsed.ignoredFlags()).isEqualTo(ignored);
    }
}
