using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Declarations.Models;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

/// <summary>
/// Checks how a model's members are wired into branches: a model with [Input] members starts with one
/// (MLDSL0038), and every feature and every branch's or path's output (in a model or a block) is read by something (MLDSL0040, a
/// warning: leaving a feature out on purpose, say for an ablation, is legitimate, but usually it is a
/// forgotten branch).
/// </summary>
internal static class BranchReview
{
    /// <summary>The errors that keep the model from being built.</summary>
    public static IEnumerable<DiagnosticInfo> Wiring(IReadOnlyList<GraphNode> nodes, IReadOnlyDictionary<string, Location?> members, string model)
    {
        if (nodes.Count == 0 || !nodes.OfType<InputNode>().Any() || nodes[0] is InputNode) yield break;
        string first = nodes[0].Path;
        yield return DiagnosticInfo.Create(DiagnosticDescriptors.InvalidBranch, members.TryGetValue(first, out Location? location) ? location : null,
            $"Member '{first}' is the first member of {model}, which reads its features through [Input] branches, but it has no [Input]; " +
            "start it with [Input(nameof(...))] to say which features it reads");
    }

    /// <summary>The warnings: features no branch reads, and branch or path outputs nothing reads.</summary>
    public static IEnumerable<DiagnosticInfo> Unused(IReadOnlyList<GraphNode> nodes, IReadOnlyDictionary<string, Location?> members, DatasetSpec dataset, string model, Location? modelLocation)
    {
        if (!nodes.OfType<InputNode>().Any())
        {
            foreach (DiagnosticInfo output in UnreadOutputs(nodes, members, model, branches: false)) yield return output;
            yield break;
        }
        var read = new HashSet<string>(nodes.OfType<InputNode>().SelectMany(input => input.Features).Select(feature => feature.Name));
        string[] unread = dataset.Features.Where(feature => !read.Contains(feature.Name)).Select(feature => feature.Name).ToArray();
        if (unread.Length > 0)
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.UnusedInput, modelLocation,
                $"No branch of {model} reads {string.Join(", ", unread)} of {dataset.Type.Name}; read {(unread.Length == 1 ? "it" : "them")} with [Input(nameof({dataset.Type.Name}.{unread[0]}))] " +
                "on a branch joined before the head, or leave it out of the dataset (suppress this warning to leave it out on purpose)");

        foreach (DiagnosticInfo output in UnreadOutputs(nodes, members, model, branches: true)) yield return output;
    }

    /// <summary>
    /// Members whose output nothing reads: the next member starts a branch or a path ([Input], [From]) or joins others without
    /// naming it, and no join, path or layer (cross-attention's KeyValue) names it. The last member is the output; with no branch, path or join every member is read by the next.
    /// </summary>
    /// <param name="branches">Whether the container reads the dataset through [Input] branches (the model's message names branches).</param>
    public static IEnumerable<DiagnosticInfo> UnreadOutputs(IReadOnlyList<GraphNode> nodes, IReadOnlyDictionary<string, Location?> members, string container, bool branches)
    {
        // Members in order, each with the node that starts it (a marker, or its first layer or block).
        var order = new List<GraphNode>();
        var read = new HashSet<string>(nodes.OfType<JoinNode>().SelectMany(join => join.Sources).Concat(nodes.OfType<FromNode>().Select(from => from.Source))
            .Concat(nodes.OfType<LayerNode>().Select(node => LayerCatalogue.Find(node.Layer.Kind).ReadsMember(node.Layer)).OfType<string>()));
        foreach (GraphNode node in nodes)
            if (order.Count == 0 || order[order.Count - 1].Path != node.Path) order.Add(node);
        for (int i = 0; i < order.Count - 1; i++)
        {
            GraphNode next = order[i + 1];
            string member = order[i].Path;
            if (next is not (InputNode or JoinNode or FromNode) || read.Contains(member)) continue;
            Location? location = members.TryGetValue(member, out Location? at) ? at : null;
            string message = next is FromNode from
                ? $"Path output '{member}' of {container} is read by nothing: the next member '{from.Member}' starts a path from '{from.Source}' ([From]); " +
                  $"name '{member}' in the [Concatenate] or [Add] that joins the paths, or remove it"
                : branches
                ? $"Branch output '{member}' of {container} is read by nothing: the next member starts another branch or joins others; " +
                  "name it in the [Concatenate] or [Add] before the head, or remove the branch"
                : $"Output of '{member}' of {container} is read by nothing: the next member '{next.Path}' joins others without it; " +
                  "name it in that [Concatenate] or [Add], or remove it";
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.UnusedInput, location, message);
        }
    }
}
