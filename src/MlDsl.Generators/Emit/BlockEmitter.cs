using System.Collections.Generic;
using System.Linq;
using MlDsl.Declarations.Models;
using MlDsl.Shapes;

namespace MlDsl.Generators.Emit;

/// <summary>
/// Emits a [Block] as a TorchSharp module, as one would write a reusable block by hand: its layers are
/// constructor arguments (their sizes depend on where it is used, so the model's generated constructor
/// builds them), registered under the members' names, and a forward that reads top to bottom and, for a
/// residual block, adds the shortcut.
/// </summary>
internal static class BlockEmitter
{
    private const string Module = "Module<Tensor, Tensor>";

    public static string Emit(BlockSpec block)
    {
        var writer = new CodeWriter();
        string name = block.Type.Name;
        bool residual = block.Shortcut != ShortcutMode.None;
        EquatableArray<GraphNode> nodes = block.Members;
        List<(string Type, string Name)> members = nodes.Where(node => node is LayerNode or BlockNode).Select(Member).ToList();
        // A concatenation's axis depends on the shape the block receives (a map's channels, a sequence's last axis), so each use passes it.
        List<string> dims = nodes.OfType<JoinNode>().Where(join => join.Kind == JoinKind.Concatenate).Select(join => Dim(join.Member)).ToList();
        using (FileHeader.Write(writer, $"the layer attributes on {name}", block.Type, ModelEmitter.Usings))
        {
            writer.Line($"/// <summary>{name}: {(residual ? "a residual block, body(x) + shortcut(x)" : "a block of layers")}; the model that uses it builds its layers for the shape it receives.</summary>");
            using (writer.Block($"partial class {name} : {Module}"))
            {
                // The first layer of each member is the user's own field; the layers stacked after it get fields here.
                var stacked = nodes.OfType<LayerNode>().Where(node => node.Layer.Position > 0).ToList();
                foreach (LayerNode node in stacked)
                    writer.Line($"private readonly {Module} {node.Layer.FieldName};");
                foreach (string dim in dims)
                    writer.Line($"private readonly long {dim};");
                if (residual)
                    writer.Line($"private readonly {Module}? shortcut;");
                if (stacked.Count > 0 || dims.Count > 0 || residual)
                    writer.Line();

                writer.Line("/// <summary>Takes the block's layers, each built for the shape it receives" + (dims.Count > 0 ? ", and the axis each concatenation joins" : "")
                    + (residual ? "; a null shortcut is the identity" : "") + ".</summary>");
                string parameters = string.Join(", ", members.Select(member => $"{member.Type} {member.Name}").Concat(dims.Select(dim => $"long {dim}")))
                    + (residual ? $", {Module}? shortcut = null" : "");
                using (writer.Block($"public {name}({parameters}) : base(nameof({name}))"))
                {
                    foreach ((string Type, string Name) member in members)
                        writer.Line($"this.{member.Name} = {member.Name};");
                    foreach (string dim in dims)
                        writer.Line($"this.{dim} = {dim};");
                    // A join without layers still names a module, the identity, so its field is never null (as in a model).
                    for (int i = 0; i < nodes.Count; i++)
                        if (nodes[i] is JoinNode join && !HasLayers(nodes, i))
                            writer.Line($"this.{join.Member} = Identity(); // {Describe(join)}: no weights");
                    if (residual)
                        writer.Line("this.shortcut = shortcut;");
                    writer.Line("RegisterComponents();");
                }
                writer.Line();
                WriteForward(writer, nodes, residual);
            }
        }
        return writer.ToString();
    }

    /// <summary>The constructor parameter and field holding a concatenation's axis (<c>mergeDim</c>).</summary>
    internal static string Dim(string member) => member.Substring(member.LastIndexOf('.') + 1) + "Dim";

    private static (string Type, string Name) Member(GraphNode node) => node switch
    {
        LayerNode { Layer: var layer } => (Module, layer.FieldName),
        BlockNode block => (block.BlockType, block.Field),
        _ => throw new System.InvalidOperationException(node.GetType().Name),
    };

    /// <summary>Whether the join at <paramref name="index"/> has layers (or a block) after it in the same member.</summary>
    private static bool HasLayers(EquatableArray<GraphNode> nodes, int index) =>
        index + 1 < nodes.Count && nodes[index + 1].Path == nodes[index].Path;

    private static string Describe(JoinNode join) => $"{join.Kind.ToString().ToLowerInvariant()}({string.Join(", ", join.Sources)})";

    private static void WriteForward(CodeWriter writer, EquatableArray<GraphNode> nodes, bool residual)
    {
        using (writer.Block("public override Tensor forward(Tensor input)"))
        {
            // Each member's output by name, for the joins and paths that name it; the block's input is "input" (BlockAttribute.Input).
            var outputs = new Dictionary<string, string> { ["input"] = "input" };
            string previous = "input";
            for (int i = 0; i < nodes.Count; i++)
            {
                GraphNode node = nodes[i];
                if (node is FromNode from)
                {
                    // A parallel path: its layers read an earlier member's output (or the block's input), not the one before them.
                    writer.Line($"// '{from.Member}' reads '{from.Source}'");
                    previous = outputs[from.Source];
                    continue;
                }
                string expression, local;
                switch (node)
                {
                    case JoinNode join:
                        expression = Join(writer, join, outputs);
                        local = join.Member + "Joined";
                        if (!HasLayers(nodes, i))
                        {
                            writer.Line($"using var {local} = {expression};");
                            expression = $"{join.Member}.forward({local})";
                            local = join.Member + "Output";
                        }
                        break;
                    case BlockNode block:
                        expression = $"{block.Field}.forward({previous})";
                        local = block.Field + "Output";
                        break;
                    default:
                        LayerSpec spec = ((LayerNode)node).Layer;
                        expression = ModelEmitter.LayerForward(writer, spec, previous, outputs);
                        local = spec.FieldName + "Output";
                        break;
                }
                if (i == nodes.Count - 1 && !residual)
                {
                    writer.Line($"return {expression};");
                    return;
                }
                writer.Line($"using var {local} = {expression};");
                previous = local;
                outputs[node.Path] = local;
            }
            using (writer.Block("if (shortcut is null)"))
                writer.Line($"return {TensorSum.Of(previous, "input")};");
            writer.Line("using var shortcutOutput = shortcut.forward(input);");
            writer.Line($"return {TensorSum.Of(previous, "shortcutOutput")};");
        }
    }

    /// <summary>torch.cat along the axis this use passed, or the element-wise sum in the order named.</summary>
    private static string Join(CodeWriter writer, JoinNode join, Dictionary<string, string> outputs)
    {
        List<string> sources = join.Sources.Select(source => outputs[source]).ToList();
        if (join.Kind == JoinKind.Concatenate)
            return $"torch.cat(new[] {{ {string.Join(", ", sources)} }}, {Dim(join.Member)})";
        string sum = sources[0];
        for (int i = 1; i < sources.Count - 1; i++)
        {
            string partial = $"{join.Member}Sum{i}";
            writer.Line($"using var {partial} = {TensorSum.Of(sum, sources[i])};");
            sum = partial;
        }
        return TensorSum.Of(sum, sources[sources.Count - 1]);
    }
}
