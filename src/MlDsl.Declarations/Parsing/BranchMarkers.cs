using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Declarations.Models;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

/// <summary>
/// Reads <c>[Input]</c>, <c>[Concatenate]</c>, <c>[Add]</c> and <c>[From]</c> on a model member into the graph node that
/// precedes the member's layers: where a branch starts (which features, where they lie in a collated
/// row), which earlier members it joins, or which earlier member a parallel path reads. Names that are no
/// feature or no earlier member are MLDSL0038.
/// Inside a [Block] a join names earlier members of the same block, or the block's own input
/// (<see cref="BlockInput"/>, as a DenseNet layer concatenates its input with its convolution's output);
/// [Input] has no meaning there (a block never sees the dataset, only the tensor it is given).
/// </summary>
internal static class BranchMarkers
{
    public const string InputAttribute = "MlDsl.InputAttribute";
    private const string ConcatenateAttribute = "MlDsl.ConcatenateAttribute";
    private const string AddAttribute = "MlDsl.AddAttribute";
    private const string FromAttribute = "MlDsl.FromAttribute";

    /// <summary>The name a join inside a block uses for the block's input (<c>BlockAttribute.Input</c>).</summary>
    public const string BlockInput = "input";

    public static bool HasMarker(ISymbol member) =>
        TypeIdentities.HasAttribute(member, InputAttribute) || TypeIdentities.HasAttribute(member, ConcatenateAttribute) || TypeIdentities.HasAttribute(member, AddAttribute)
        || TypeIdentities.HasAttribute(member, FromAttribute);

    /// <param name="features">The dataset's features; null when reading a block, where branches cannot start (joins can).</param>
    /// <param name="scope">The path of the block being read (empty for the model); a join's sources are paths from the model.</param>
    /// <param name="earlier">The names of the container's members declared before this one.</param>
    /// <param name="location">Where the marker is written (also for problems with it).</param>
    /// <returns>The node, or null when the member has no marker or it is wrong (then reported).</returns>
    public static GraphNode? Read(ISymbol member, string name, INamedTypeSymbol container, string dataset, IReadOnlyList<FeatureSpec>? features,
        string scope, IReadOnlyList<string> earlier, List<DiagnosticInfo> diagnostics, Location? useSite, out Location? location)
    {
        AttributeData? input = TypeIdentities.FindAttribute(member, InputAttribute);
        AttributeData? concatenate = TypeIdentities.FindAttribute(member, ConcatenateAttribute);
        AttributeData? add = TypeIdentities.FindAttribute(member, AddAttribute);
        AttributeData? from = TypeIdentities.FindAttribute(member, FromAttribute);
        AttributeData? first = input ?? concatenate ?? add ?? from;
        location = first is null ? null : useSite ?? TypeIdentities.LocationOf(first, member);
        if (first is null) return null;
        string[] names = Names(first);
        Location? at = location;
        void Report(string message) => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidBranch, at, message));

        if (features is null && input is not null)
        {
            Report($"Member '{name}' of block '{container.Name}' has [Input]; a block reads only the tensor it is given, never the dataset's features: " +
                "put [Input] on the model member that uses the block (a join inside the block may name BlockAttribute.Input, the block's input)");
            return null;
        }
        if ((input is null ? 0 : 1) + (concatenate is null ? 0 : 1) + (add is null ? 0 : 1) + (from is null ? 0 : 1) > 1)
        {
            Report($"Member '{name}' has more than one of [Input], [Concatenate], [Add] and [From]; a member either starts a branch, starts a path from an earlier member or joins branches");
            return null;
        }
        if (from is not null)
            return ReadFrom(name, container, names.FirstOrDefault() ?? "", scope, inBlock: features is null, earlier, Report);
        if (names.Distinct().Count() != names.Length)
        {
            Report($"[{Short(first)}] on '{name}' names '{names.GroupBy(n => n).First(group => group.Count() > 1).Key}' twice; name each once");
            return null;
        }
        return input is not null
            ? ReadInput(name, dataset, features!, names, Report)
            : ReadJoin(name, container, concatenate is not null ? JoinKind.Concatenate : JoinKind.Add, names, scope, inBlock: features is null, earlier, Report);
    }

    private static InputNode? ReadInput(string member, string dataset, IReadOnlyList<FeatureSpec> features, string[] names, System.Action<string> report)
    {
        string known = string.Join(", ", features.Select(feature => feature.Name));
        if (names.Length == 0)
        {
            report($"[Input] on '{member}' names no feature; name the features of {dataset} the branch reads, e.g. [Input(nameof({dataset}.{features.FirstOrDefault()?.Name ?? "Feature"}))]");
            return null;
        }
        var slices = new List<FeatureSlice>();
        foreach (string name in names)
        {
            FeatureSpec? feature = features.FirstOrDefault(candidate => candidate.Name == name);
            if (feature is null)
            {
                report($"Branch '{member}' reads '{name}', which is not a [Feature] of {dataset}; its features are {known}");
                return null;
            }
            slices.Add(new FeatureSlice(feature.Name, feature.Offset, feature.Length, feature.Shape));
        }
        if (slices.Count > 1 && slices.FirstOrDefault(slice => slice.Shape.Rank > 1 || slice.Shape.Layout == TensorLayout.Tokens) is { } shaped)
        {
            report($"Branch '{member}' reads {shaped.Name} {shaped.Shape.Describe()} together with other features; a branch reads one shaped feature (an image, a spectrogram, token ids) " +
                $"or several numbers and categories, which are concatenated: give {shaped.Name} a branch of its own");
            return null;
        }
        return new InputNode(member, slices.ToEquatableArray());
    }

    private static JoinNode? ReadJoin(string member, INamedTypeSymbol container, JoinKind kind, string[] names, string scope, bool inBlock,
        IReadOnlyList<string> earlier, System.Action<string> report)
    {
        if (names.Length < 2)
        {
            report($"{kind} '{member}' joins {(names.Length == 0 ? "nothing" : "only '" + names[0] + "'")}; name at least two earlier members, e.g. [{kind}(nameof(audio), nameof(meta))]");
            return null;
        }
        foreach (string name in names)
        {
            // A block's own input is no member; an earlier member of the same name would be ambiguous, so it wins (and is refused as a field name by C# anyway).
            if (earlier.Contains(name) || (inBlock && name == BlockInput)) continue;
            string which = name == member.Substring(member.LastIndexOf('.') + 1) ? "itself" : $"'{name}', which is no earlier member of {container.Name}";
            report($"{kind} '{member}' joins {which}; a join reads members declared before it" +
                (earlier.Count == 0 ? "" : $" ({string.Join(", ", earlier)})") +
                (inBlock ? " or the block's input (BlockAttribute.Input)" : ""));
            return null;
        }
        // Sources are paths from the model, as every node's Path is, so inference finds them however deep the block is used.
        return new JoinNode(member, kind, names.Select(name => scope.Length == 0 ? name : scope + "." + name).ToEquatableArray());
    }

    private static FromNode? ReadFrom(string member, INamedTypeSymbol container, string source, string scope, bool inBlock,
        IReadOnlyList<string> earlier, System.Action<string> report)
    {
        string own = member.Substring(member.LastIndexOf('.') + 1);
        if (earlier.Contains(source) || (inBlock && source == BlockInput))
            return new FromNode(member, scope.Length == 0 ? source : scope + "." + source);
        if (source == BlockInput && !inBlock)
        {
            report($"Path '{member}' reads 'input', a block's input (BlockAttribute.Input), but {container.Name} is a model: start a model's path from its features " +
                "with [Input(nameof(...))] or from a member declared before it" + (earlier.Count == 0 ? "" : $" ({string.Join(", ", earlier)})"));
            return null;
        }
        string which = source == own ? "itself" : $"'{source}', which is no earlier member of {container.Name}";
        report($"Path '{member}' reads {which}; [From] names a member declared before it" +
            (earlier.Count == 0 ? "" : $" ({string.Join(", ", earlier)})") +
            (inBlock ? " or the block's input (BlockAttribute.Input)" : ""));
        return null;
    }

    private static string[] Names(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length != 1) return new string[0];
        TypedConstant argument = attribute.ConstructorArguments[0];
        return argument.Kind == TypedConstantKind.Array
            ? argument.Values.Select(value => value.Value as string ?? "").ToArray()
            : new[] { argument.Value as string ?? "" };
    }

    private static string Short(AttributeData attribute)
    {
        string name = attribute.AttributeClass?.Name ?? "";
        return name.EndsWith("Attribute") ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }
}
