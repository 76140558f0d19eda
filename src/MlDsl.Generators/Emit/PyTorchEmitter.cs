using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using MlDsl.Declarations.Models;
using MlDsl.Shapes;

namespace MlDsl.Generators.Emit;

/// <summary>
/// Emits the model as PyTorch <c>nn.Module</c> source, so a Python colleague loads the weights without guessing
/// the architecture: the same members under the same names (so the state_dict keys agree), built by the same
/// factories — TorchSharp's mirror PyTorch's, so each layer's TorchSharp call is translated, not re-derived —
/// and MlDsl's own modules written out in Python; a model of several inputs slices its branches out of the collated
/// rows and joins them as the TorchSharp forward does. Layers with no Python twin (the audio front end, user modules)
/// make <c>PyTorchSource</c> throw, naming them, rather than emit a different network.
/// </summary>
internal static class PyTorchEmitter
{
    private static readonly Regex NamedArgument = new(@"(?<![\w.])([A-Za-z_]\w*): ", RegexOptions.Compiled);
    private static readonly Regex ArrayLiteral = new(@"new (?:long|double|int)\[\] \{ ([^}]*) \}", RegexOptions.Compiled);
    private static readonly Regex UpsampleMode = new(@"mode: global::TorchSharp\.torch\.UpsampleMode\.(\w+)", RegexOptions.Compiled);
    private static readonly Regex HeldScalarFactory = new(@"^global::MlDsl\.Layers\.(?:BatchNorm|LeakyRelu|Elu|Softplus)Module\.(\w+)\((.*)\)$", RegexOptions.Compiled);
    private static readonly Regex MlDslModule = new(@"^new global::MlDsl\.Layers\.(\w+)\((.*)\)$", RegexOptions.Compiled);

    public static void Write(CodeWriter writer, ModelSpec model)
    {
        var missing = new List<string>();
        string? source = Source(model, missing);
        if (source is null)
        {
            writer.Line("/// <summary>Not available for this model: some layers have no PyTorch equivalent emitted.</summary>");
            writer.Line($"public static string PyTorchSource => throw new global::System.NotSupportedException(\"{model.Type.Name} has no PyTorch source: no PyTorch equivalent is emitted for {string.Join(", ", missing)}\");");
        }
        else
        {
            writer.Line("/// <summary>The model as PyTorch <c>nn.Module</c> source (Python): same member names, so <see cref=\"ExportPyTorch\"/>'s state_dict loads into it strictly.</summary>");
            writer.Line("public const string PyTorchSource =");
            string[] lines = source.TrimEnd('\n').Split('\n');
            for (int i = 0; i < lines.Length; i++)
                writer.Line($"    \"{Escape(lines[i])}\\n\"" + (i == lines.Length - 1 ? ";" : " +"));
        }
        writer.Line();
        writer.Line("/// <summary>Writes <c>" + model.Type.Name + ".py</c> (<see cref=\"PyTorchSource\"/>) and <c>" + model.Type.Name + ".pt</c> (the state_dict in torch.save's format) into <paramref name=\"directory\"/>.</summary>");
        writer.Line("/// <exception cref=\"global::System.NotSupportedException\">A layer has no PyTorch equivalent (see <see cref=\"PyTorchSource\"/>).</exception>");
        writer.Line("public void ExportPyTorch(string directory) => global::MlDsl.Deployment.PyTorch.PyTorchExport.Write(this, ModelName, PyTorchSource, directory);");
        writer.Line();
        writer.Line("/// <summary>Loads a PyTorch state_dict (torch.save's zip format) with this model's keys and shapes, e.g. one trained from <see cref=\"PyTorchSource\"/> in Python.</summary>");
        writer.Line("/// <exception cref=\"global::MlDsl.Persistence.ModelFileException\">The file is missing, unreadable, or its keys or shapes differ from this model's.</exception>");
        writer.Line("public void LoadPyTorchWeights(string path) => global::MlDsl.Deployment.PyTorch.PyTorchExport.LoadWeights(this, path);");
        writer.Line();
    }

    private static string? Source(ModelSpec model, List<string> missing)
    {
        var helpers = new SortedSet<string>(System.StringComparer.Ordinal);
        var constructor = new List<string>();
        var forward = new List<string>();
        bool branches = model.Nodes.Any(node => node is ResolvedInput);
        // A model of several inputs takes the collated row and slices each branch's features out of it, as the TorchSharp forward does.
        string rows = branches ? "rows" : "x";
        var joined = new HashSet<string>(model.Nodes.OfType<ResolvedJoin>().SelectMany(join => join.Node.Sources)
            .Concat(model.Nodes.OfType<ResolvedFrom>().Select(from => from.Node.Source))
            .Concat(model.Nodes.OfType<ResolvedLayerNode>().Select(node => ReadsMember(node.Layer)).OfType<string>()));
        for (int i = 0; i < model.Nodes.Count; i++)
        {
            ResolvedNode node = model.Nodes[i];
            if (node is ResolvedInput branch)
                forward.AddRange(Branch(BranchRead.Of(branch, model.FeatureLength), rows));
            else if (node is ResolvedJoin join)
                forward.Add(Join(join));
            else if (node is ResolvedFrom from)
                forward.Add($"x = {Local(from.Node.Source)}  # '{from.Node.Member}' reads '{from.Node.Source}': {from.Shape}");
            else
            {
                string field = FieldOf(node)!;
                string? built = Build(node, helpers, missing);
                if (built is not null) constructor.Add($"        self.{field} = {built}  # {node.Input} -> {node.Output}");
                // A layer that also reads an earlier member (cross-attention's keys and values) is given its kept output.
                forward.Add(node is ResolvedLayerNode { Layer: var read } && ReadsMember(read) is { } source
                    ? $"x = self.{field}(x, {Local(source)})  # keys and values from '{source}'"
                    : $"x = self.{field}(x)");
            }
            // A member's output that a later join or path reads is kept under its name.
            string member = MemberOf(node);
            if (joined.Contains(member) && (i + 1 == model.Nodes.Count || MemberOf(model.Nodes[i + 1]) != member))
                forward.Add($"{Local(member)} = x");
        }
        if (model.LabelKind == LabelKind.Regression)
        {
            helpers.Add("TargetScaling");
            constructor.Add("        self.targetScaling = TargetScaling()  # outputs are standardized: output * scale + shift is in the label's units");
        }
        if (missing.Count > 0) return null;

        TensorShape input = branches ? BranchRead.RowShape(model.Nodes, model.FeatureLength) : model.Layers[0].Input;
        var text = new StringBuilder();
        text.Append($"# Generated by MlDsl from {model.Type.Name}: input (N, {string.Join(", ", input.Dimensions)}) {(branches ? "collated from " + model.InputDescription : Describe(model))}, output (N, {string.Join(", ", model.Nodes[model.Nodes.Count - 1].Output.Dimensions)}).\n");
        text.Append($"# model = {model.Type.Name}(); model.load_state_dict(torch.load(\"{model.Type.Name}.pt\")); model.eval()\n");
        text.Append("import math\n\nimport torch\nfrom torch import nn\n");
        foreach (string helper in helpers) text.Append("\n\n").Append(PyTorchModules.Source(helper));
        text.Append($"\n\nclass {model.Type.Name}(nn.Module):\n    def __init__(self):\n        super().__init__()\n");
        foreach (string line in constructor) text.Append(line).Append('\n');
        text.Append($"\n    def forward(self, {rows}):\n");
        foreach (string line in forward)
            text.Append("        ").Append(line).Append('\n');
        text.Append("        return x\n");
        return text.ToString();
    }

    /// <summary>The branch's features out of the collated rows, the elements the TorchSharp forward narrows.</summary>
    private static IEnumerable<string> Branch(BranchRead read, string rows)
    {
        if (read.WholeRow)
        {
            yield return $"x = {rows}  # '{read.Branch.Node.Member}' reads the row as it is";
            yield break;
        }
        yield return "# " + read.Describe();
        List<string> slices = read.Runs.Select(run => $"{rows}.narrow(1, {run.Offset}, {run.Length})").ToList();
        string sliced = slices.Count == 1 ? slices[0] : $"torch.cat([{string.Join(", ", slices)}], 1)";
        yield return read.Reshape is { } shape ? $"x = {sliced}.reshape(-1, {string.Join(", ", shape.Dimensions)})" : $"x = {sliced}";
    }

    /// <summary>torch.cat along the join's axis (after the batch axis), or the sum in the order named.</summary>
    private static string Join(ResolvedJoin join)
    {
        List<string> sources = join.Node.Sources.Select(Local).ToList();
        string kind = join.Node.Kind.ToString().ToLowerInvariant();
        return join.Node.Kind == JoinKind.Concatenate
            ? $"x = torch.cat([{string.Join(", ", sources)}], {join.Axis + 1})  # '{join.Node.Member}': {kind}({string.Join(", ", join.Node.Sources)}) -> {join.Shape}"
            : $"x = {string.Join(" + ", sources)}  # '{join.Node.Member}': {kind}({string.Join(", ", join.Node.Sources)}) -> {join.Shape}";
    }

    /// <summary>A Python local for a member's output: the member's name, unless Python or the forward already uses it.</summary>
    private static string Local(string member) => PythonNames.Contains(member) ? member + "_" : member;

    private static readonly HashSet<string> PythonNames = new()
    {
        "x", "rows", "self", "torch", "nn", "math",
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield",
    };

    private static string? ReadsMember(ResolvedLayer layer) => LayerCatalogue.Find(layer.Spec.Kind).ReadsMember(layer.Spec);

    private static string MemberOf(ResolvedNode node) => node switch
    {
        ResolvedInput input => input.Node.Member,
        ResolvedJoin join => join.Node.Member,
        ResolvedFrom from => from.Node.Member,
        ResolvedBlock block => block.Block.Member,
        _ => ((ResolvedLayerNode)node).Layer.Spec.Member,
    };

    private static string? FieldOf(ResolvedNode node) => node switch
    {
        ResolvedBlock block => block.Block.Field,
        ResolvedLayerNode layer => layer.Layer.Spec.FieldName,
        _ => null,
    };

    private static string Describe(ModelSpec model) => model.InputDescription.StartsWith("(") && model.InputDescription.Contains(" from ")
        ? model.InputDescription.Substring(model.InputDescription.IndexOf(" from ") + 1)
        : "";

    private static string? Build(ResolvedNode node, SortedSet<string> helpers, List<string> missing)
    {
        if (node is ResolvedLayerNode { Layer: var layer })
        {
            string? python = Layer(layer, helpers);
            if (python is null) missing.Add($"'{layer.Spec.FieldName}' ({layer.TorchSharpType})");
            return python;
        }
        var block = (ResolvedBlock)node;
        // A block whose members join earlier ones needs the forward that keeps their outputs; a plain one keeps the simple Block.
        bool joining = block.Children.Any(child => child is ResolvedJoin or ResolvedFrom);
        helpers.Add(joining ? "JoinBlock" : "Block");
        var parts = new List<string>();
        var joins = new List<string>();
        // The module whose output stands for each member (its last layer, its block, or a join's identity), by path.
        var outputs = new Dictionary<string, string> { [block.Block.Member + ".input"] = "input" };
        for (int i = 0; i < block.Children.Count; i++)
        {
            ResolvedNode child = block.Children[i];
            string name;
            if (child is ResolvedFrom from)
            {
                // The member's first layer (or block) reads the named output instead of the one before it.
                joins.Add($"\"{from.Node.Member.Substring(from.Node.Member.LastIndexOf('.') + 1)}\": (\"from\", 0, [\"{outputs[from.Node.Source]}\"])");
                continue;
            }
            if (child is ResolvedJoin join)
            {
                name = join.Node.Member.Substring(join.Node.Member.LastIndexOf('.') + 1);
                string sources = string.Join(", ", join.Node.Sources.Select(source => $"\"{outputs[source]}\""));
                joins.Add($"\"{name}\": (\"{(join.Node.Kind == JoinKind.Concatenate ? "cat" : "add")}\", {(join.Node.Kind == JoinKind.Concatenate ? join.Axis + 1 : 0)}, [{sources}])");
                // A join without layers is the identity module the TorchSharp block registers under the member's name.
                if (i + 1 == block.Children.Count || MemberOf(block.Children[i + 1]) != join.Node.Member)
                    parts.Add($"(\"{name}\", nn.Identity())");
            }
            else
            {
                // A block's Python forward passes one tensor from layer to layer; a layer reading a second member is not written there.
                if (child is ResolvedLayerNode { Layer: var reading } && ReadsMember(reading) is not null)
                    missing.Add($"'{reading.Spec.FieldName}' ({reading.TorchSharpType} over another member, inside block {block.Block.Describe()})");
                string? built = Build(child, helpers, missing);
                name = child is ResolvedBlock inner ? inner.Block.Field : ModelRows.LocalName(((ResolvedLayerNode)child).Layer);
                parts.Add($"(\"{name}\", {built})");
            }
            outputs[MemberOf(child)] = name;
        }
        string? shortcut = null;
        if (block.Projection is { } projection)
        {
            shortcut = Layer(projection, helpers);
            if (shortcut is null) missing.Add($"the shortcut of block {block.Block.Describe()}");
        }
        bool residual = block.Block.Shortcut != ShortcutMode.None;
        return (joining ? "JoinBlock" : "Block") + $"([{string.Join(", ", parts)}]" + (joining ? $", {{{string.Join(", ", joins)}}}" : "")
            + (residual ? ", residual=True" : "") + (shortcut is null ? "" : $", shortcut={shortcut}") + ")";
    }

    /// <summary>The PyTorch expression that builds <paramref name="layer"/>, or null when none is emitted.</summary>
    internal static string? Layer(ResolvedLayer layer, SortedSet<string> helpers)
    {
        // TorchSharp's padding mode for PyTorch's padding='same' (asymmetric when the kernel's reach is even).
        string factory = layer.Factory.Replace("padding: global::TorchSharp.Padding.Same", "padding: \"same\"");
        // TorchSharp's UpsampleMode for PyTorch's mode word.
        factory = UpsampleMode.Replace(factory, match => $"mode: \"{match.Groups[1].Value.ToLowerInvariant()}\"");
        // Train-only augmentations are the identity at inference, which is what the Python module is for.
        if (factory.StartsWith("new global::MlDsl.Audio.SpecAugment") || factory.StartsWith("new global::MlDsl.Audio.WaveAugment"))
            return "nn.Identity()";
        // MlDsl's BatchNorm, LeakyReLU and ELU (TorchSharp's computation with held Scalars) are built by static
        // factories named after PyTorch's classes, with PyTorch's argument names.
        Match held = HeldScalarFactory.Match(factory);
        if (held.Success)
            return $"nn.{held.Groups[1].Value}({Arguments(held.Groups[2].Value)})";
        if (factory.StartsWith("global::MlDsl.Layers.GroupNorms.Create("))
            return "nn.GroupNorm(" + Arguments(factory.Substring("global::MlDsl.Layers.GroupNorms.Create(".Length));
        Match module = MlDslModule.Match(factory);
        if (module.Success)
        {
            string name = module.Groups[1].Value;
            if (!PyTorchModules.Has(name)) return null;
            helpers.Add(name);
            return $"{name}({Arguments(module.Groups[2].Value)})";
        }
        if (factory.StartsWith("new ") || factory.Contains("global::")) return null;
        return "nn." + Arguments(factory);
    }

    private static string Arguments(string csharp)
    {
        string python = ArrayLiteral.Replace(csharp, match => "(" + match.Groups[1].Value.Trim() + (match.Groups[1].Value.Contains(",") ? "" : ",") + ")");
        python = NamedArgument.Replace(python, "$1=");
        // TorchSharp names Linear's bias flag hasBias; PyTorch calls it bias, as for the convolutions.
        python = python.Replace("hasBias=", "bias=");
        return python.Replace("true", "True").Replace("false", "False");
    }

    private static string Escape(string line) => line.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
