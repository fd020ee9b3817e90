package com.ivsstack.engine.cli;

import com.ivsstack.engine.Engine;
import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.graph.ResourceGraph;
import com.ivsstack.engine.graph.ResourceGraph.EdgeKind;
import com.ivsstack.engine.render.DotGraph;
import com.ivsstack.engine.render.GraphStyle;
import com.ivsstack.engine.render.MermaidGraph;
import com.ivsstack.engine.state.ResourceState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ivsstack stack graph}: the stack's resources and what they depend on, from its state, as Graphviz DOT (what
 * {@code pulumi stack graph} writes, with the same options) or as a Mermaid flowchart.
 */
@Command(name = "graph", description = {
        "Write the stack's dependency graph, from its state, as Graphviz DOT or a Mermaid flowchart.",
        "Arrows go from what is needed to what needs it: dependency to dependent (solid; labelled with the properties "
                + "it feeds), parent to child and provider to resource (dashed)."})
final class StackGraph implements Callable<Integer> {
    /** The graph's language. */
    enum Format { dot, mermaid }

    @ParentCommand
    StackCommand stack;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Write the graph to this file (default, or -: stdout)")
    Path file;

    @Option(names = "--format", defaultValue = "dot",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--ignore-parent-edges", description = "Leave out the edges from parents to their children")
    boolean ignoreParentEdges;

    @Option(names = "--ignore-dependency-edges",
            description = "Leave out the edges of dependencies (dependsOn and the resources properties come from)")
    boolean ignoreDependencyEdges;

    @Option(names = "--ignore-provider-edges", description = "Leave out the edges from providers to their resources")
    boolean ignoreProviderEdges;

    @Option(names = "--short-node-name", description = "Label each resource with its name instead of its URN")
    boolean shortNodeName;

    @Option(names = "--dependency-edge-color", defaultValue = "#246C60", converter = ColorConverter.class,
            paramLabel = "COLOR", description = "The colour of dependency edges (default: ${DEFAULT-VALUE})")
    String dependencyEdgeColor;

    @Option(names = "--parent-edge-color", defaultValue = "#AA6639", converter = ColorConverter.class,
            paramLabel = "COLOR", description = "The colour of parent edges (default: ${DEFAULT-VALUE})")
    String parentEdgeColor;

    @Option(names = "--provider-edge-color", defaultValue = "#6A5ACD", converter = ColorConverter.class,
            paramLabel = "COLOR", description = "The colour of provider edges (default: ${DEFAULT-VALUE})")
    String providerEdgeColor;

    @Option(names = "--dot-fragment", paramLabel = "DOT",
            description = "DOT statements placed first in the graph (graph attributes, node defaults); --format dot only")
    String dotFragment;

    @Override
    public Integer call() throws IOException {
        if (dotFragment != null && format != Format.dot) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--dot-fragment is for --format dot; --format " + format + " takes no fragment");
        }
        IvsStackCli cli = stack.cli;
        List<ResourceState> resources = cli.withEngine(DeploymentEvents.NONE, Engine::stackResources);
        if (resources.isEmpty()) {
            cli.err.println("error: the stack '" + cli.global.stack + "' has no resources in its state, so there is "
                    + "no graph to write; run up first");
            return IvsStackCli.EXIT_FAILURE;
        }
        ResourceGraph graph = ResourceGraph.ofState(resources).withoutEdges(ignoredEdges());
        GraphStyle style = new GraphStyle(n -> List.of(shortNodeName ? n.name() : n.urn()), edgeColors(), true);
        String text = format == Format.dot
                ? DotGraph.write(graph, style, dotFragment == null ? "" : dotFragment)
                : MermaidGraph.write(graph, style, MermaidGraph.Classes.NONE, null);
        if (file == null || file.toString().equals("-")) {
            cli.out.print(text);
            cli.out.flush();
            return IvsStackCli.EXIT_OK;
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            cli.err.println("error: cannot write the graph to " + file.toAbsolutePath().normalize() + ": "
                    + (e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + " " + e.getMessage()));
            return IvsStackCli.EXIT_FAILURE;
        }
        cli.out.println("Wrote the stack's dependency graph (" + graph.size() + " resources, " + graph.edges().size()
                + " edges, " + format + ") to " + file);
        return IvsStackCli.EXIT_OK;
    }

    private Set<EdgeKind> ignoredEdges() {
        Set<EdgeKind> ignored = EnumSet.noneOf(EdgeKind.class);
        if (ignoreParentEdges) {
            ignored.add(EdgeKind.PARENT);
        }
        if (ignoreDependencyEdges) {
            ignored.add(EdgeKind.DEPENDENCY);
        }
        if (ignoreProviderEdges) {
            ignored.add(EdgeKind.PROVIDER);
        }
        return ignored;
    }

    private Map<EdgeKind, String> edgeColors() {
        Map<EdgeKind, String> colors = new EnumMap<>(EdgeKind.class);
        colors.put(EdgeKind.PARENT, parentEdgeColor);
        colors.put(EdgeKind.DEPENDENCY, dependencyEdgeColor);
        colors.put(EdgeKind.PROVIDER, providerEdgeColor);
        return colors;
    }

    /**
     * A colour both Graphviz and Mermaid (CSS) take, and nothing else: it is written into the graph as it is, so
     * that it must not be able to carry syntax of either.
     */
    static final class ColorConverter implements CommandLine.ITypeConverter<String> {
        private static final Pattern COLOR = Pattern.compile("#(\\p{XDigit}{6}|\\p{XDigit}{8})|[a-zA-Z]{3,20}");

        @Override
        public String convert(String value) {
            if (!COLOR.matcher(value).matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a colour: use #RRGGBB, #RRGGBBAA "
                        + "or a colour name such as orange");
            }
            return value;
        }
    }
}
