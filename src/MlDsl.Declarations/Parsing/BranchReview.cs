using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Declarations.Models;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

/// <summary>
/// Checks how a model's members are wired into branches: a model with [Input] members starts with one
/// (MLDSL0038), and every feature and every branch's output is read by something (MLDSL0040, a
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

    /// <summary>The warnings: features no branch reads, and branch outputs nothing reads.</summary>
    public static IEnumerable<DiagnosticInfo> Unused(IReadOnlyList<GraphNode> nodes, IReadOnlyDictionary<string, Location?> members, DatasetSpec dataset, string model, Location? modelLocation)
    {
        if (!nodes.OfType<InputNode>().Any()) yield break;
        var read = new HashSet<string>(nodes.OfType<InputNode>().SelectMany(input => input.Features).Select(feature => feature.Name));
        string[] unread = dataset.Features.Where(feature => !read.Contains(feature.Name)).Select(feature => feature.Name).ToArray();
        if (unread.Length > 0)
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.UnusedInput, modelLocation,
                $"No branch of {model} reads {string.Join(", ", unread)} of {dataset.Type.Name}; read {(unread.Length == 1 ? "it" : "them")} with [Input(nameof({dataset.Type.Name}.{unread[0]}))] " +
                "on a branch joined before the head, or leave it out of the dataset (suppress this warning to leave it out on purpose)");

        // Members in order, each with whether it reads the member before it (it has neither [Input] nor a join).
        var order = new List<(string Member, bool Chained)>();
        var joined = new HashSet<string>(nodes.OfType<JoinNode>().SelectMany(join => join.Sources));
        foreach (GraphNode node in nodes)
        {
            if (order.Count > 0 && order[order.Count - 1].Member == node.Path) continue;
            order.Add((node.Path, node is not (InputNode or JoinNode)));
        }
        for (int i = 0; i < order.Count - 1; i++)
        {
            if (order[i + 1].Chained || joined.Contains(order[i].Member)) continue;
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.UnusedInput, members.TryGetValue(order[i].Member, out Location? location) ? location : null,
                $"Branch output '{order[i].Member}' of {model} is read by nothing: the next member starts another branch or joins others; " +
                $"name it in the [Concatenate] or [Add] before the head, or remove the branch");
        }
    }
}
