using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>What learned a statistic: a fitted step, a hand-written aggregate, or a trained model's predictions.</summary>
internal enum LearnKind
{
    Fit,
    Aggregate,
    Model,

    /// <summary>A value accumulated over rows in a loop (<c>sum += r.Age</c>): reported where it changes a row.</summary>
    Accumulated,
}

/// <summary>
/// Something happened at <see cref="Location"/> to rows of <see cref="From"/>: statistics learned,
/// rows multiplied, or a score measured. Equal when the place, the kind and the rows are.
/// </summary>
internal abstract class FlowEvent : IEquatable<FlowEvent>
{
    protected FlowEvent(Location location, string what, ImmutableHashSet<Origin> from)
    {
        Location = location;
        What = what;
        From = from;
    }

    public Location Location { get; }

    /// <summary>How a message names what happened ("Standardizer", "Max", "Normalize").</summary>
    public string What { get; }

    public ImmutableHashSet<Origin> From { get; }

    /// <summary>The same event with its rows rewritten and, for an event inside a helper, moved to the call.</summary>
    public abstract FlowEvent With(ImmutableHashSet<Origin> from, Location location, string what);

    public bool Equals(FlowEvent? other) => other is not null && other.GetType() == GetType() && other.Location == Location
        && other.What == What && other.From.SetEquals(From) && EqualsCore(other);

    protected virtual bool EqualsCore(FlowEvent other) => true;

    public override bool Equals(object? obj) => Equals(obj as FlowEvent);
    public override int GetHashCode() => unchecked(Location.GetHashCode() * 31 + GetType().GetHashCode());

    public bool FromRole(Role role) => From.Any(origin => origin.Role == role);
}

/// <summary>Statistics learned from rows: what a fitted step, an aggregate or a model's predictions carry.</summary>
internal sealed class LearnEvent : FlowEvent
{
    public LearnEvent(Location location, string what, LearnKind kind, ImmutableHashSet<Origin> from, bool reportedInHelper = false, bool withinGroups = false)
        : base(location, what, from)
    {
        Kind = kind;
        ReportedInHelper = reportedInHelper;
        WithinGroups = withinGroups;
    }

    /// <summary>
    /// A statistic of features computed per group of the row's [GroupKey] (<c>GroupBy(v =&gt; v.Patient)</c>, no label read):
    /// a grouped split keeps each group on one side, so it learns nothing across the parts.
    /// </summary>
    public bool WithinGroups { get; }

    public LearnKind Kind { get; }

    /// <summary>
    /// Learned inside a helper from the test or validation member of what it was given (<c>parts.Test</c>): the helper's own
    /// analysis reports it where it happens, so a caller does not report it again at the call.
    /// </summary>
    public bool ReportedInHelper { get; }

    /// <summary>
    /// Predictions of a model a helper makes or keeps itself (a local, a field): they stay at their call inside the
    /// helper when the helper's summary is applied, where the caller can match them with <see cref="MethodSummary.Predictions"/>.
    /// </summary>
    public bool Pinned { get; init; }

    public override FlowEvent With(ImmutableHashSet<Origin> from, Location location, string what) =>
        new LearnEvent(location, what, Kind, from, ReportedInHelper, WithinGroups) { Pinned = Pinned, OfLabels = OfLabels, LearnedAt = Site, ReadsLabels = ReadsLabels };

    /// <summary>A statistic that reads the rows' labels (a churn rate per customer): target encoding when written into features.</summary>
    public bool OfLabels { get; init; }

    /// <summary>An aggregate whose selector reads the rows' labels (a class rate, a mean target), grouped or not.</summary>
    public bool ReadsLabels { get; init; }

    /// <summary>Where the statistic was computed, also after a helper's summary moved the event to its call.</summary>
    public Location? LearnedAt { get; init; }

    /// <summary><see cref="LearnedAt"/>, or the event's place when it never moved.</summary>
    public Location Site => LearnedAt ?? Location;
    protected override bool EqualsCore(FlowEvent other) =>
        ((LearnEvent)other).Kind == Kind && ((LearnEvent)other).ReportedInHelper == ReportedInHelper
        && ((LearnEvent)other).WithinGroups == WithinGroups && ((LearnEvent)other).Pinned == Pinned;
}

/// <summary>Rows copied or synthesised from rows (oversampling, augmentation, a concatenation of overlapping rows).</summary>
internal sealed class MultiplyEvent : FlowEvent
{
    public MultiplyEvent(Location location, string what, ImmutableHashSet<Origin> from) : base(location, what, from) { }

    /// <summary>
    /// The copies reweight the rows: the step declares it rebalances the classes (<c>[MultipliesRows(..., BalancesClasses = true)]</c>),
    /// or the copies are of a subset chosen from the rows (a filter, a cut) appended again by hand.
    /// </summary>
    public bool BalancesClasses { get; init; }

    public override FlowEvent With(ImmutableHashSet<Origin> from, Location location, string what) =>
        new MultiplyEvent(location, what, from) { BalancesClasses = BalancesClasses };
}

/// <summary>A model evaluated (or predicting) on rows: its score carries where it was measured.</summary>
internal sealed class ScoreEvent : FlowEvent
{
    public ScoreEvent(Location location, string what, ImmutableHashSet<Origin> from) : base(location, what, from) { }

    public override FlowEvent With(ImmutableHashSet<Origin> from, Location location, string what) => new ScoreEvent(location, what, from);
}
