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
        List<(string Type, string Name)> members = block.Members.Select(Member).ToList();
        using (FileHeader.Write(writer, $"the layer attributes on {name}", block.Type, ModelEmitter.Usings))
        {
            writer.Line($"/// <summary>{name}: {(residual ? "a residual block, body(x) + shortcut(x)" : "a block of layers")}; the model that uses it builds its layers for the shape it receives.</summary>");
            using (writer.Block($"partial class {name} : {Module}"))
            {
                // The first layer of each member is the user's own field; the layers stacked after it get fields here.
                var stacked = block.Members.OfType<LayerNode>().Where(node => node.Layer.Position > 0).ToList();
                foreach (LayerNode node in stacked)
                    writer.Line($"private readonly {Module} {node.Layer.FieldName};");
                if (residual)
                    writer.Line($"private readonly {Module}? shortcut;");
                if (stacked.Count > 0 || residual)
                    writer.Line();

                writer.Line("/// <summary>Takes the block's layers, each built for the shape it receives" + (residual ? "; a null shortcut is the identity" : "") + ".</summary>");
                string parameters = string.Join(", ", members.Select(member => $"{member.Type} {member.Name}"))
                    + (residual ? $", {Module}? shortcut = null" : "");
                using (writer.Block($"public {name}({parameters}) : base(nameof({name}))"))
                {
                    foreach ((string Type, string Name) member in members)
                        writer.Line($"this.{member.Name} = {member.Name};");
                    if (residual)
                        writer.Line("this.shortcut = shortcut;");
                    writer.Line("RegisterComponents();");
                }
                writer.Line();
                WriteForward(writer, members.Select(member => member.Name).ToList(), residual);
            }
        }
        return writer.ToString();
    }

    private static (string Type, string Name) Member(GraphNode node) => node switch
    {
        LayerNode { Layer: var layer } => (Module, layer.FieldName),
        BlockNode block => (block.BlockType, block.Field),
        _ => throw new System.InvalidOperationException(node.GetType().Name),
    };

    private static void WriteForward(CodeWriter writer, List<string> members, bool residual)
    {
        using (writer.Block("public override Tensor forward(Tensor input)"))
        {
            string previous = "input";
            for (int i = 0; i < members.Count; i++)
            {
                if (i == members.Count - 1 && !residual)
                {
                    writer.Line($"return {members[i]}.forward({previous});");
                    return;
                }
                string output = members[i] + "Output";
                writer.Line($"using var {output} = {members[i]}.forward({previous});");
                previous = output;
            }
            using (writer.Block("if (shortcut is null)"))
                writer.Line($"return {previous}.add(input);");
            writer.Line("using var shortcutOutput = shortcut.forward(input);");
            writer.Line($"return {previous}.add(shortcutOutput);");
        }
    }
}
