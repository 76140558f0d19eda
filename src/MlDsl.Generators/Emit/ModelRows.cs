using System.Collections.Generic;
using System.Linq;
using MlDsl.Shapes;

namespace MlDsl.Generators.Emit;

/// <summary>
/// A model's rows for its summary, its layer-shape list and its doc comment, in forward order: a
/// block's row (output, parameters in total) before its layers', a residual projection after them.
/// </summary>
internal static class ModelRows
{
    /// <param name="Kind">The layer attribute without "Attribute", or "Block" for a block's row.</param>
    public sealed record Row(string Name, string Type, TensorShape Input, TensorShape Output, long Parameters, string Kind);

    public const string BlockKind = "Block";

    /// <summary>The kind of a branch's input row (<c>input(Spectrogram)</c>) and of a join's row (<c>concatenate(audio, meta)</c>); neither is a module.</summary>
    public const string InputKind = "Input", JoinKind = "Join";

    /// <summary>The kind of the row where a parallel path starts (<c>from(stem)</c>): no module, it says which output the next layers read.</summary>
    public const string FromKind = "From";

    public static List<Row> Of(IEnumerable<ResolvedNode> nodes)
    {
        var rows = new List<Row>();
        Add(rows, nodes);
        return rows;
    }

    private static void Add(List<Row> rows, IEnumerable<ResolvedNode> nodes)
    {
        foreach (ResolvedNode node in nodes)
        {
            switch (node)
            {
                case ResolvedLayerNode { Layer: var layer }:
                    rows.Add(Of(layer));
                    break;
                case ResolvedBlock block:
                    rows.Add(new Row(block.Block.Member, block.Block.BlockName, block.Input, block.Output, block.Parameters, BlockKind));
                    Add(rows, block.Children);
                    if (block.Projection is { } projection) rows.Add(Of(projection));
                    break;
                case ResolvedInput input:
                    rows.Add(new Row($"input({string.Join(", ", input.Node.Features.Select(feature => feature.Name))})", "Input", input.Input, input.Output, 0, InputKind));
                    break;
                case ResolvedFrom from:
                    rows.Add(new Row($"from({from.Node.Source})", FromKind, from.Input, from.Output, 0, FromKind));
                    break;
                case ResolvedJoin join:
                    rows.Add(new Row($"{join.Node.Kind.ToString().ToLowerInvariant()}({string.Join(", ", join.Node.Sources)})", join.Node.Kind.ToString(), join.Input, join.Output, 0, JoinKind));
                    break;
            }
        }
    }

    private static Row Of(ResolvedLayer layer) =>
        new(layer.Spec.FieldName, layer.TorchSharpType, layer.Input, layer.Output, layer.Parameters, layer.Spec.Kind);

    /// <summary>The name a layer has inside its block (<c>convRelu</c> for <c>stage1.convRelu</c>).</summary>
    public static string LocalName(ResolvedLayer layer)
    {
        string name = layer.Spec.FieldName;
        return name.Substring(name.LastIndexOf('.') + 1);
    }
}
