using System.Collections.Generic;
using System.Linq;
using MlDsl.Shapes;

namespace MlDsl.Generators.Emit;

/// <summary>
/// Writes the expression that builds one use of a block: <c>new ConvBlock(conv: Conv2d(1, 16, ...), ...)</c>,
/// one named argument a line with the shapes it maps as a comment, nested blocks indented inside.
/// </summary>
internal static class BlockConstruction
{
    /// <param name="prefix">What precedes the expression on its first line (<c>stage1 = </c>).</param>
    /// <param name="suffix">What follows it on its last line (<c>;</c>).</param>
    public static void Write(CodeWriter writer, string prefix, ResolvedBlock block, string suffix)
    {
        List<string> lines = Lines(block, suffix);
        lines[0] = prefix + lines[0];
        foreach (string line in lines) writer.Line(line);
    }

    private static string Local(string path) => path.Substring(path.LastIndexOf('.') + 1);

    /// <param name="closing">What follows the closing parenthesis, before the last line's comment (<c>;</c> or <c>,</c>).</param>
    private static List<string> Lines(ResolvedBlock block, string closing)
    {
        var arguments = new List<(List<string> Lines, string Comment)>();
        // Each layer, nested block and concatenation (its axis) is an argument; an Add or a join without layers is not.
        int count = block.Children.Count(child => child is ResolvedLayerNode or ResolvedBlock or ResolvedJoin { Node.Kind: JoinKind.Concatenate })
            + (block.Projection is null ? 0 : 1);
        foreach (ResolvedNode child in block.Children)
        {
            if (child is ResolvedJoin { Node.Kind: JoinKind.Concatenate } join)
                arguments.Add((new List<string> { $"{BlockEmitter.Dim(join.Node.Member)}: {join.Axis + 1}" },
                    $" // concatenate({string.Join(", ", join.Node.Sources.Select(Local))}) -> {join.Shape}, along axis {join.Axis + 1}"));
            if (child is ResolvedLayerNode { Layer: var layer })
                arguments.Add((new List<string> { $"{ModelRows.LocalName(layer)}: {layer.Factory}" }, $" // {layer.Input} -> {layer.Output}"));
            else if (child is ResolvedBlock inner)
            {
                List<string> nested = Lines(inner, arguments.Count == count - 1 ? ")" + closing : ",");
                nested[0] = inner.Block.Field + ": " + nested[0];
                arguments.Add((nested, ""));
            }
        }
        if (block.Projection is { } projection)
            arguments.Add((new List<string> { $"shortcut: {projection.Factory}" }, $" // {projection.Input} -> {projection.Output}, the residual projection"));

        var lines = new List<string> { $"new {block.Block.BlockType}( // {block.Input} -> {block.Output}" };
        for (int i = 0; i < arguments.Count; i++)
        {
            (List<string> argument, string comment) = arguments[i];
            for (int j = 0; j < argument.Count; j++)
            {
                // A nested block's lines end themselves; a layer's line ends with the separator, then its comment.
                bool last = j == argument.Count - 1 && comment.Length > 0;
                string end = last ? (i == arguments.Count - 1 ? ")" + closing : ",") + comment : "";
                lines.Add("    " + argument[j] + end);
            }
        }
        return lines;
    }
}
