using System.Collections.Generic;
using System.Linq;
using MlDsl.Shapes;

namespace MlDsl.Generators.Emit;

/// <summary>
/// How an <c>[Input]</c> branch reads its features out of the collated row: a row of several features is one
/// flat (N, length) buffer, so each run of adjacent features is one narrow (several runs are concatenated), and
/// one shaped feature is reshaped to its dimensions. The TorchSharp forward, the ONNX graph and the PyTorch
/// source all follow this one plan, so the three read exactly the same elements.
/// </summary>
internal sealed class BranchRead
{
    private BranchRead(ResolvedInput branch, List<(int Offset, int Length)> runs, TensorShape? reshape)
    {
        Branch = branch;
        Runs = runs;
        Reshape = reshape;
    }

    public ResolvedInput Branch { get; }

    /// <summary>The element ranges read, in the order the branch names its features; empty when it reads the whole row as collated.</summary>
    public IReadOnlyList<(int Offset, int Length)> Runs { get; }

    /// <summary>One example's shape after the narrow, for one feature of rank above 1; else null.</summary>
    public TensorShape? Reshape { get; }

    /// <summary>The branch reads the dataset's only feature, so the collated batch is its input as it is.</summary>
    public bool WholeRow => Runs.Count == 0;

    public static BranchRead Of(ResolvedInput branch, int rowLength)
    {
        EquatableArray<FeatureSlice> features = branch.Node.Features;
        var runs = new List<(int Offset, int Length)>();
        if (features.Count == 1 && features[0].Offset == 0 && features[0].Length == rowLength)
            return new BranchRead(branch, runs, null);
        foreach (FeatureSlice feature in features)
        {
            if (runs.Count > 0 && runs[runs.Count - 1].Offset + runs[runs.Count - 1].Length == feature.Offset)
                runs[runs.Count - 1] = (runs[runs.Count - 1].Offset, runs[runs.Count - 1].Length + feature.Length);
            else
                runs.Add((feature.Offset, feature.Length));
        }
        TensorShape? reshape = runs.Count == 1 && features.Count == 1 && features[0].Shape.Rank > 1 ? features[0].Shape : null;
        return new BranchRead(branch, runs, reshape);
    }

    /// <summary>What the branch reads and where, for a comment beside the slicing code.</summary>
    public string Describe() =>
        $"'{Branch.Node.Member}' reads {string.Join(", ", Branch.Node.Features.Select(feature => $"{feature.Name} {feature.Shape}"))}: elements " +
        string.Join(", ", Runs.Select(run => $"[{run.Offset}, {run.Offset + run.Length})")) + " of each collated row";

    /// <summary>
    /// The collated batch's shape for one example, which the ONNX graph takes as its input: the only feature's
    /// shape when a branch reads the whole row, else the flat row.
    /// </summary>
    public static TensorShape RowShape(IEnumerable<ResolvedNode> nodes, int rowLength)
    {
        foreach (ResolvedInput branch in nodes.OfType<ResolvedInput>())
            if (Of(branch, rowLength).WholeRow) return branch.Shape;
        return TensorShape.Of(rowLength);
    }
}
