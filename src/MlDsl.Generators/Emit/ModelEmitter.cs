using System.Collections.Generic;
using System.Linq;
using MlDsl.Declarations.Models;
using MlDsl.Shapes;

namespace MlDsl.Generators.Emit;

/// <summary>
/// Emits a [Model] as a TorchSharp module in the style of TorchSharp's own examples: one field per
/// layer, registered under the member's name, and a forward pass that reads top to bottom.
/// </summary>
internal static class ModelEmitter
{
    internal static readonly string[] Usings =
        { "System.Collections.Generic", "MlDsl.Persistence", "MlDsl.Training", "TorchSharp", "static TorchSharp.torch", "static TorchSharp.torch.nn" };

    public static string Emit(ModelSpec model)
    {
        var writer = new CodeWriter();
        string name = model.Type.Name;
        string row = model.Dataset.FullyQualifiedName;
        using (FileHeader.Write(writer, $"the layer attributes on {name}", model.Type, Usings))
        {
            writer.Line($"/// <summary>{name}: {model.InputDescription} to {model.Nodes[model.Nodes.Count - 1].Output}.</summary>");
            // Partial types merge their doc comments, so hovering the model in the IDE shows every inferred shape.
            writer.Line("/// <remarks>");
            writer.Line("/// <list type=\"table\">");
            foreach (ModelRows.Row layer in ModelRows.Of(model.Nodes))
                writer.Line($"/// <item><term>{layer.Name}</term><description>{layer.Type}: {layer.Input} -&gt; {layer.Output}, {layer.Parameters} parameters</description></item>");
            writer.Line("/// </list>");
            writer.Line("/// </remarks>");
            using (writer.Block($"partial {model.Type.Keyword} {name} : Module<Tensor, Tensor>, {ModelApiEmitter.Interface(model.LabelKind, row)}, global::MlDsl.Deployment.Onnx.IOnnxExportable"))
            {
                WriteFields(writer, model);
                WriteConstructor(writer, model);
                WriteForward(writer, model);
                WriteOnnx(writer, model);
                PyTorchEmitter.Write(writer, model);
                WriteSummary(writer, model);
                ModelApiEmitter.Write(writer, name, row, model.LabelKind);
            }
        }
        return writer.ToString();
    }

    private static void WriteFields(CodeWriter writer, ModelSpec model)
    {
        // The first layer of each member is the user's own field; the layers stacked after it get fields here.
        foreach (ResolvedLayerNode node in model.Nodes.OfType<ResolvedLayerNode>().Where(node => node.Layer.Spec.Position > 0))
            writer.Line($"private readonly Module<Tensor, Tensor> {node.Layer.Spec.FieldName};");
        if (model.LabelKind == LabelKind.Regression)
            writer.Line("private readonly TargetScaling targetScaling = new();");
        writer.Line();
        writer.Line($"public const string ModelName = \"{model.Type.Name}\";");
        writer.Line();
    }

    private static void WriteConstructor(CodeWriter writer, ModelSpec model)
    {
        writer.Line("/// <summary>Builds the layers. A seed makes the initial weights reproducible (it seeds libtorch's global generator).</summary>");
        using (writer.Block($"public {model.Type.Name}(long? seed = null) : base(ModelName)"))
        {
            using (writer.Block("if (seed is { } value)"))
                writer.Line("torch.manual_seed(value);");
            writer.Line();
            for (int i = 0; i < model.Nodes.Count; i++)
            {
                ResolvedNode node = model.Nodes[i];
                // A path's start is only which output its layers read: nothing to build.
                if (node is ResolvedFrom) continue;
                // Slices and joins are written in the forward. A member that only reads features or joins
                // branches still names a module, the identity, so its field is never null.
                if (node is ResolvedInput or ResolvedJoin)
                {
                    if (!HasLayers(model.Nodes, i))
                        writer.Line($"{Member(node)} = Identity(); // {Describe(node)}: no weights");
                    continue;
                }
                if (node is ResolvedLayerNode { Layer: var layer })
                    writer.Line($"{layer.Spec.FieldName} = {layer.Factory}; // {layer.Input} -> {layer.Output}");
                else if (node is ResolvedBlock block)
                    BlockConstruction.Write(writer, block.Block.Field + " = ", block, ";");
            }
            writer.Line();
            writer.Line("RegisterComponents();");
        }
        writer.Line();
    }

    private static void WriteForward(CodeWriter writer, ModelSpec model)
    {
        using (writer.Block("public override Tensor forward(Tensor input)"))
        {
            // Each member's output by member name, for the joins and paths that name it.
            var outputs = new Dictionary<string, string>();
            string previous = "input";
            for (int i = 0; i < model.Nodes.Count; i++)
            {
                ResolvedNode node = model.Nodes[i];
                bool last = i == model.Nodes.Count - 1;
                string member = Member(node);
                if (node is ResolvedFrom from)
                {
                    // A parallel path: its layers read an earlier member's output, not the one before them.
                    writer.Line($"// '{member}' reads '{from.Node.Source}': {from.Shape}");
                    previous = outputs[from.Node.Source];
                    continue;
                }
                string? expression = node switch
                {
                    ResolvedInput branch => BranchInput(writer, branch, model.FeatureLength),
                    ResolvedJoin join => Join(writer, join, outputs),
                    ResolvedBlock block => $"{block.Block.Field}.forward({previous})",
                    _ => LayerForward(writer, ((ResolvedLayerNode)node).Layer.Spec, previous, outputs),
                };
                string local = node switch
                {
                    ResolvedInput => member + "Input",
                    ResolvedJoin => member + "Joined",
                    ResolvedBlock block => block.Block.Field + "Output",
                    _ => ((ResolvedLayerNode)node).Layer.Spec.FieldName + "Output",
                };
                if (node is ResolvedInput or ResolvedJoin && !HasLayers(model.Nodes, i))
                {
                    string read = expression is null ? "input" : local;
                    if (expression is not null) writer.Line($"using var {local} = {expression};");
                    expression = $"{member}.forward({read})";
                    local = member + "Output";
                }
                if (last)
                {
                    writer.Line($"return {expression ?? previous};");
                    break;
                }
                // A branch that reads the whole row as it is takes the input tensor itself, which the caller owns.
                if (expression is null) local = "input";
                else writer.Line($"using var {local} = {expression};");
                previous = local;
                outputs[member] = local;
            }
        }
        writer.Line();
    }

    /// <summary>
    /// A layer's forward call; a layer that also reads an earlier member's output (cross-attention's keys and values) is
    /// given that member's local, with a comment naming both.
    /// </summary>
    internal static string LayerForward(CodeWriter writer, LayerSpec spec, string previous, IReadOnlyDictionary<string, string> outputs)
    {
        LayerDefinition definition = LayerCatalogue.Find(spec.Kind);
        if (definition.ReadsMember(spec) is not { } source) return $"{spec.FieldName}.forward({previous})";
        writer.Line($"// '{spec.FieldName}' ({spec.Kind}) reads '{source}' beside its input");
        return definition.Forward(spec.FieldName, previous, outputs[source])!;
    }

    /// <summary>Whether the member of the slice or join at <paramref name="index"/> has layers after it (else its field holds the identity).</summary>
    private static bool HasLayers(EquatableArray<ResolvedNode> nodes, int index) =>
        index + 1 < nodes.Count && Member(nodes[index + 1]) == Member(nodes[index]);

    private static string Describe(ResolvedNode node) => node switch
    {
        ResolvedInput input => "reads " + string.Join(", ", input.Node.Features.Select(feature => feature.Name)),
        ResolvedJoin join => $"{join.Node.Kind.ToString().ToLowerInvariant()}({string.Join(", ", join.Node.Sources)})",
        _ => "",
    };

    private static string Member(ResolvedNode node) => node switch
    {
        ResolvedInput input => input.Node.Member,
        ResolvedJoin join => join.Node.Member,
        ResolvedFrom from => from.Node.Member,
        ResolvedBlock block => block.Block.Member,
        _ => ((ResolvedLayerNode)node).Layer.Spec.Member,
    };

    /// <summary>
    /// The features a branch reads, sliced out of the collated row as <see cref="BranchRead"/> plans it.
    /// Null when the branch reads the whole row as collated (the dataset's only feature).
    /// </summary>
    private static string? BranchInput(CodeWriter writer, ResolvedInput branch, int rowLength)
    {
        BranchRead read = BranchRead.Of(branch, rowLength);
        if (read.WholeRow) return null;
        string member = branch.Node.Member;
        writer.Line("// " + read.Describe());
        if (read.Runs.Count > 1)
        {
            var parts = new List<string>();
            for (int i = 0; i < read.Runs.Count; i++)
            {
                writer.Line($"using var {member}Part{i} = input.narrow(1, {read.Runs[i].Offset}, {read.Runs[i].Length});");
                parts.Add($"{member}Part{i}");
            }
            return $"torch.cat(new[] {{ {string.Join(", ", parts)} }}, 1)";
        }
        string slice = $"input.narrow(1, {read.Runs[0].Offset}, {read.Runs[0].Length})";
        if (read.Reshape is not { } shape) return slice;
        writer.Line($"using var {member}Slice = {slice};");
        return $"{member}Slice.reshape(-1, {string.Join(", ", shape.Dimensions)})";
    }

    /// <summary>torch.cat along the join's axis (after the batch dimension), or the element-wise sum.</summary>
    private static string Join(CodeWriter writer, ResolvedJoin join, Dictionary<string, string> outputs)
    {
        List<string> sources = join.Node.Sources.Select(source => outputs[source]).ToList();
        if (join.Node.Kind == JoinKind.Concatenate)
            return $"torch.cat(new[] {{ {string.Join(", ", sources)} }}, {join.Axis + 1})";
        string sum = sources[0];
        for (int i = 1; i < sources.Count - 1; i++)
        {
            string partial = $"{join.Node.Member}Sum{i}";
            writer.Line($"using var {partial} = {TensorSum.Of(sum, sources[i])};");
            sum = partial;
        }
        return TensorSum.Of(sum, sources[sources.Count - 1]);
    }

    /// <summary>
    /// One graph call per layer in forward order, from each layer's catalogue definition (train-only layers
    /// are left out); a block's layers in place, and a residual block's sum with its input or projection;
    /// a branch's slices of the collated row and a join's concatenation or sum, as the forward computes them.
    /// </summary>
    private static void WriteOnnx(CodeWriter writer, ModelSpec model)
    {
        writer.Line("/// <inheritdoc cref=\"global::MlDsl.Deployment.Onnx.IOnnxExportable.ExportOnnx\"/>");
        using (writer.Block("public void ExportOnnx(global::System.IO.Stream destination)"))
        {
            // Say which layers cannot be lowered (a [UserModule]) rather than export a different network.
            string[] refused = model.Layers
                .Where(layer => !LayerCatalogue.Find(layer.Spec.Kind).TrainOnly && LayerCatalogue.Find(layer.Spec.Kind).Onnx(layer) is null)
                .Select(layer => $"\"'{layer.Spec.FieldName}' ({layer.Spec.Kind} {layer.TorchSharpType})\"")
                .ToArray();
            if (refused.Length > 0)
                writer.Line($"throw new global::MlDsl.Deployment.Onnx.OnnxExportException(ModelName, new[] {{ {string.Join(", ", refused)} }});");
            else
                WriteOnnxGraph(writer, model);
        }
        writer.Line();
    }

    private static void WriteOnnxGraph(CodeWriter writer, ModelSpec model)
    {
        bool branches = model.Nodes.Any(node => node is ResolvedInput);
        // Branches slice one collated row, so the graph takes the row as collation builds it: (N, row length),
        // or the only feature's shape; a single line takes its first layer's input.
        TensorShape input = branches ? BranchRead.RowShape(model.Nodes, model.FeatureLength) : model.Layers[0].Input;
        TensorShape output = model.Nodes[model.Nodes.Count - 1].Output;
        writer.Line($"var graph = new global::MlDsl.Deployment.Onnx.OnnxGraph(ModelName, {string.Join(", ", input.Dimensions)});");
        writer.Line("string x = graph.Input;");
        var joined = new HashSet<string>(AllReads(model.Nodes));
        int blocks = 0;
        for (int i = 0; i < model.Nodes.Count; i++)
        {
            ResolvedNode node = model.Nodes[i];
            if (node is ResolvedInput branch)
                WriteOnnxBranch(writer, BranchRead.Of(branch, model.FeatureLength));
            else if (node is ResolvedJoin join)
                WriteOnnxJoin(writer, join);
            else if (node is ResolvedFrom from)
                WriteOnnxFrom(writer, from);
            else
                WriteOnnxNodes(writer, new[] { node }, joined, ref blocks);
            // A member's output that a later join reads is kept under its name.
            string member = Member(node);
            bool lastOfMember = i + 1 == model.Nodes.Count || Member(model.Nodes[i + 1]) != member;
            if (lastOfMember && joined.Contains(member))
                writer.Line($"string {OnnxOutput(member)} = x; // '{member}': {node.Output}");
        }
        if (model.LabelKind == LabelKind.Regression)
            writer.Line("x = graph.Unscale(x, targetScaling); // standardized outputs back to the label's units");
        writer.Line($"graph.Save(destination, x, {string.Join(", ", output.Dimensions)});");
    }

    /// <summary>The graph value a joined member's output is kept in: its path with '_' for '.' (<c>stage2_convOnnx</c>).</summary>
    private static string OnnxOutput(string member) => LayerDefinition.KeptOnnxOutput(member);

    /// <summary>The paths every join, every parallel path and every layer that reads another member (cross-attention) reads, inside blocks too.</summary>
    private static IEnumerable<string> AllReads(IEnumerable<ResolvedNode> nodes) =>
        nodes.SelectMany(node => node switch
        {
            ResolvedJoin join => join.Node.Sources,
            ResolvedFrom from => new[] { from.Node.Source },
            ResolvedBlock block => AllReads(block.Children),
            ResolvedLayerNode { Layer: var layer } when LayerCatalogue.Find(layer.Spec.Kind).ReadsMember(layer.Spec) is { } source => new[] { source },
            _ => Enumerable.Empty<string>(),
        });

    /// <summary>A parallel path's layers read the kept output of the member it names.</summary>
    private static void WriteOnnxFrom(CodeWriter writer, ResolvedFrom from) =>
        writer.Line($"x = {OnnxOutput(from.Node.Source)}; // '{from.Node.Member}' reads '{from.Node.Source}': {from.Shape}");

    /// <summary>The branch's features out of the graph's input, the same elements the forward narrows.</summary>
    private static void WriteOnnxBranch(CodeWriter writer, BranchRead read)
    {
        if (read.WholeRow)
        {
            writer.Line($"x = graph.Input; // '{read.Branch.Node.Member}' reads the row as it is: {read.Branch.Shape}");
            return;
        }
        writer.Line("// " + read.Describe());
        IEnumerable<string> slices = read.Runs.Select(run => $"graph.Narrow(graph.Input, {run.Offset}, {run.Length})");
        writer.Line(read.Runs.Count == 1 ? $"x = {slices.First()};" : $"x = graph.Concat(1, {string.Join(", ", slices)});");
        if (read.Reshape is { } shape)
            writer.Line($"x = graph.Reshape(x, {string.Join(", ", shape.Dimensions)});");
    }

    /// <summary>The join of the named members' outputs: Concat along the join's axis (after the batch axis), or their sum in order.</summary>
    private static void WriteOnnxJoin(CodeWriter writer, ResolvedJoin join)
    {
        string sources = string.Join(", ", join.Node.Sources.Select(OnnxOutput));
        string call = join.Node.Kind == JoinKind.Concatenate ? $"graph.Concat({join.Axis + 1}, {sources})" : $"graph.Sum({sources})";
        writer.Line($"x = {call}; // '{join.Node.Member}': {Describe(join)} -> {join.Shape}");
    }

    /// <param name="joined">The paths of the members (and blocks' inputs, <c>stage2.input</c>) a join or a path reads, kept under their names.</param>
    private static void WriteOnnxNodes(CodeWriter writer, IReadOnlyList<ResolvedNode> nodes, HashSet<string> joined, ref int blocks)
    {
        for (int i = 0; i < nodes.Count; i++)
        {
            ResolvedNode node = nodes[i];
            if (node is ResolvedLayerNode { Layer: var layer })
                WriteOnnxLayer(writer, layer);
            else if (node is ResolvedJoin join)
                WriteOnnxJoin(writer, join);
            else if (node is ResolvedFrom from)
                WriteOnnxFrom(writer, from);
            else
                WriteOnnxBlock(writer, (ResolvedBlock)node, joined, ref blocks);
            // Inside a block, a member's output that a later join of the block reads is kept under its path (the model's own are kept by the caller).
            string member = Member(node);
            if (member.Contains(".") && joined.Contains(member) && (i + 1 == nodes.Count || Member(nodes[i + 1]) != member))
                writer.Line($"string {OnnxOutput(member)} = x; // '{member}': {node.Output}");
        }
    }

    private static void WriteOnnxBlock(CodeWriter writer, ResolvedBlock block, HashSet<string> joined, ref int blocks)
    {
        string input = block.Block.Member + ".input";
        if (joined.Contains(input))
            writer.Line($"string {OnnxOutput(input)} = x; // the input of block {block.Block.Describe()}, which a join or a path inside it reads");
        if (block.Block.Shortcut == ShortcutMode.None)
        {
            WriteOnnxNodes(writer, block.Children, joined, ref blocks);
            return;
        }
        string blockInput = $"blockInput{++blocks}", body = $"body{blocks}";
        writer.Line($"string {blockInput} = x; // residual block {block.Block.Describe()}: {block.Input} -> {block.Output}");
        WriteOnnxNodes(writer, block.Children, joined, ref blocks);
        if (block.Projection is { } projection)
        {
            writer.Line($"string {body} = x;");
            writer.Line($"x = {blockInput};");
            WriteOnnxLayer(writer, projection);
            writer.Line($"x = graph.Residual({body}, x); // {block.Block.Member}: body + projected input");
        }
        else
        {
            writer.Line($"x = graph.Residual(x, {blockInput}); // {block.Block.Member}: body + input");
        }
    }

    private static void WriteOnnxLayer(CodeWriter writer, ResolvedLayer layer)
    {
        LayerDefinition definition = LayerCatalogue.Find(layer.Spec.Kind);
        if (!definition.TrainOnly)
            writer.Line($"x = graph.{definition.Onnx(layer)}; // {layer.Spec.FieldName}: {layer.Input} -> {layer.Output}");
    }

    private static void WriteSummary(CodeWriter writer, ModelSpec model)
    {
        List<ModelRows.Row> rows = ModelRows.Of(model.Nodes);
        string table = SummaryTable.Format(model.Type.Name, model.InputDescription,
            rows.Select(row => new SummaryRow(row.Name, row.Type, row.Output, row.Parameters)).ToList(), model.Layers.Sum(layer => layer.Parameters));
        writer.Line("/// <summary>Keras-style table of layers, output shapes and parameter counts, computed at compile time.</summary>");
        writer.Line("public const string SummaryTable =");
        string[] lines = table.TrimEnd('\n').Split('\n');
        for (int i = 0; i < lines.Length; i++)
            writer.Line($"    \"{lines[i]}\\n\"" + (i == lines.Length - 1 ? ";" : " +"));
        writer.Line();
        writer.Line($"/// <summary>Total trainable parameters, computed at compile time.</summary>");
        writer.Line($"public const long ParameterCount = {model.Layers.Sum(layer => layer.Parameters)};");
        writer.Line();
        writer.Line("/// <summary>Every layer's registered name (a path inside blocks), inferred output shape (without the batch dimension) and parameter count; a block's row (kind \"Block\") precedes its layers'.</summary>");
        writer.Line("public static IReadOnlyList<global::MlDsl.LayerShape> LayerShapes { get; } = new global::MlDsl.LayerShape[]");
        writer.Line("{");
        foreach (ModelRows.Row row in rows)
            writer.Line($"    new(\"{row.Name}\", \"{row.Type}\", new[] {{ {string.Join(", ", row.Output.Dimensions)} }}, {row.Parameters}, \"{row.Kind}\"),");
        writer.Line("};");
        writer.Line();
        writer.Line("/// <summary>Writes <see cref=\"SummaryTable\"/> to <paramref name=\"writer\"/>, the console by default.</summary>");
        writer.Line("public void Summary(global::System.IO.TextWriter? writer = null) => (writer ?? global::System.Console.Out).Write(SummaryTable);");
        writer.Line();
    }
}
