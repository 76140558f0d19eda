using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Target encoding written by hand: a feature of a row set from a statistic of labels (the mean label per employer kept in a
/// table filled by a loop over groups, a <c>GroupBy(...).ToDictionary(g =&gt; g.Key, g =&gt; g.Average(...))</c>, a running total
/// of labels per key). Whether it leaks is a question of rows, not of shape: learned from rows that include the row it is
/// written into, each row's own answer is averaged into its feature (in-sample, MLDSL0017); learned from other rows (the other
/// folds' table for a fold's rows, the training rows' table for validation and test rows) it is what a TargetEncoder does.
/// Every write is kept with the statistic and the written row's rows, in this body's terms; a helper's summary hands its
/// writes to each call, where its parameters become the caller's rows.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>Label statistics written into features, by the feature assignment and the statistic, with the rows written into.</summary>
    private readonly Dictionary<(Location Assignment, LearnEvent Statistic), ImmutableHashSet<Origin>> labelFeatureWrites = new();

    /// <summary>Every label statistic written into a feature here (or in a helper called here), with the rows it was written into.</summary>
    public IEnumerable<LabelFeatureWrite> LabelFeatureWrites =>
        labelFeatureWrites.Select(pair => new LabelFeatureWrite(pair.Key.Statistic, pair.Value, pair.Key.Assignment));

    /// <summary>
    /// Records the label statistics a row built here writes into its features: <paramref name="rows"/> are the rows the new row
    /// is made from (a <c>with</c>'s receiver, the values its initializer reads).
    /// </summary>
    private void LabelStatisticsIntoFeatures(IObjectOrCollectionInitializerOperation initializer, ImmutableHashSet<Origin> rows)
    {
        if (rows.IsEmpty) return;
        foreach (ISimpleAssignmentOperation assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
        {
            if (assignment.Target is not IMemberReferenceOperation { Member: var member } || !HasAttribute(member, "MlDsl.FeatureAttribute")) continue;
            foreach (LearnEvent statistic in Eval(assignment.Value).EventsOf<LearnEvent>())
                if (statistic is { ReadsLabels: true, Kind: LearnKind.Aggregate or LearnKind.Accumulated } && !statistic.From.IsEmpty)
                    RecordLabelFeatureWrite(assignment.Syntax.GetLocation(), statistic, rows);
        }
    }

    private void RecordLabelFeatureWrite(Location assignment, LearnEvent statistic, ImmutableHashSet<Origin> rows)
    {
        var key = (assignment, statistic);
        labelFeatureWrites[key] = labelFeatureWrites.TryGetValue(key, out ImmutableHashSet<Origin>? known) ? DataFlow.Union(known, rows) : rows;
    }

    /// <summary>
    /// A helper's label statistics written into features of rows, in the caller's terms: its parameters' rows become the
    /// arguments'. A write already in-sample inside the helper (the table and the rows both its own) is the helper's to report.
    /// </summary>
    private void LabelFeatureWritesAtCall(MethodSummary summary, IReadOnlyList<DataFlow> arguments, DataFlow? self)
    {
        foreach (LabelFeatureWrite write in summary.LabelFeatureWrites)
        {
            if (write.InSample) continue;
            DataFlow statistic = summary.Substitute(new DataFlow(ImmutableHashSet<Origin>.Empty, ImmutableHashSet.Create<FlowEvent>(write.Statistic),
                ImmutableHashSet<Origin>.Empty, default), arguments, call: null, self);
            ImmutableHashSet<Origin> rows = summary.Substitute(new DataFlow(write.Rows, ImmutableHashSet<FlowEvent>.Empty, ImmutableHashSet<Origin>.Empty, default),
                arguments, call: null, self).Rows;
            foreach (LearnEvent moved in statistic.EventsOf<LearnEvent>())
                if (!moved.From.IsEmpty && !rows.IsEmpty) RecordLabelFeatureWrite(write.Assignment, moved, rows);
        }
    }

    /// <summary>
    /// Whether a lookup filled at <paramref name="site"/> (<c>table[key] = value</c>, <c>table[key] += value</c>, <c>table.Add(key, value)</c>)
    /// files values that read the rows' labels: a table of label statistics per key, however it is totalled.
    /// </summary>
    internal static bool FilesLabels(IOperation site) => site switch
    {
        IPropertyReferenceOperation { Parent: IAssignmentOperation { Value: var filed } assignment } indexer when assignment.Target == indexer => ReadsLabel(filed),
        IInvocationOperation add => add.Arguments.Skip(add.Instance is null ? 2 : 1).Any(argument => ReadsLabel(argument.Value)),
        _ => false,
    };

    private static bool HasAttribute(ISymbol member, string attribute) =>
        member.GetAttributes().Any(data => data.AttributeClass?.ToDisplayString() == attribute);
}

/// <summary>A statistic of labels written into a feature (at <see cref="Assignment"/>) of rows of <see cref="Rows"/>.</summary>
internal sealed record LabelFeatureWrite(LearnEvent Statistic, ImmutableHashSet<Origin> Rows, Location Assignment)
{
    /// <summary>The statistic was learned from rows that include the rows written into: each row's own label is in its feature.</summary>
    public bool InSample => DataFlow.Overlap(Statistic.From, Rows);
}
