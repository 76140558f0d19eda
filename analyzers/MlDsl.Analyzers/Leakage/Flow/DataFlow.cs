using System.Collections.Immutable;
using System.Linq;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// What one value may hold, as far as leakage is concerned: the rows it holds or was derived from,
/// the statistics learned from rows it carries, rows multiplied into it, the scores it was computed
/// from, the rows a model in it was trained on, and, for a split or a tuple, the flow of each part.
/// Values only grow, so the analysis reaches a fixed point.
/// </summary>
internal sealed class DataFlow
{
    public static readonly DataFlow Empty = new(ImmutableHashSet<Origin>.Empty, ImmutableHashSet<FlowEvent>.Empty, ImmutableHashSet<Origin>.Empty, default);

    public DataFlow(ImmutableHashSet<Origin> rows, ImmutableHashSet<FlowEvent> events, ImmutableHashSet<Origin> trainedOn, ImmutableArray<DataFlow> parts,
        ImmutableArray<string> partNames = default)
    {
        Rows = rows;
        Events = events;
        TrainedOn = trainedOn;
        Parts = parts;
        PartNames = parts.IsDefault || partNames.IsDefault || partNames.Length != parts.Length ? default : partNames;
    }

    public ImmutableHashSet<Origin> Rows { get; }

    /// <summary>Learned statistics, multiplied rows and scores this value carries.</summary>
    public ImmutableHashSet<FlowEvent> Events { get; }

    /// <summary>For a model: the rows it was trained or validated on.</summary>
    public ImmutableHashSet<Origin> TrainedOn { get; }

    /// <summary>For a split: train, validation, test; for a tuple: its elements; default otherwise.</summary>
    public ImmutableArray<DataFlow> Parts { get; }

    /// <summary>
    /// How each of <see cref="Parts"/> is picked out of a container of parts, when it is one: <c>[0]</c>, <c>[1]</c> for the
    /// elements of an array or list initializer, <c>[valid]</c> for a dictionary's constant key, <c>.Test</c> for a record's
    /// constructor argument. Default for a split or a tuple (their parts are positional).
    /// </summary>
    public ImmutableArray<string> PartNames { get; }

    /// <summary>The part picked by <paramref name="name"/> (see <see cref="PartNames"/>), or null when there is none of that name.</summary>
    public DataFlow? NamedPart(string name)
    {
        if (PartNames.IsDefault) return null;
        int index = PartNames.IndexOf(name);
        return index < 0 ? null : Parts[index];
    }

    /// <summary>A container of parts, each picked by its name (a parts array, a dictionary of parts, a record of parts).</summary>
    public static DataFlow Named(ImmutableArray<DataFlow> parts, ImmutableArray<string> names)
    {
        DataFlow whole = Join(parts);
        return new DataFlow(whole.Rows, whole.Events, whole.TrainedOn, parts, names);
    }

    public bool IsEmpty => Rows.IsEmpty && Events.IsEmpty && TrainedOn.IsEmpty && Parts.IsDefault;

    public static DataFlow Of(Origin origin) => new(ImmutableHashSet.Create(origin), ImmutableHashSet<FlowEvent>.Empty, ImmutableHashSet<Origin>.Empty, default);

    public static DataFlow Split(DataFlow whole) => new(whole.Rows, whole.Events, ImmutableHashSet<Origin>.Empty,
        ImmutableArray.Create(whole.Narrow("T"), whole.Narrow("V"), whole.Narrow("X")));

    public static DataFlow Tuple(ImmutableArray<DataFlow> elements) => Join(elements).WithParts(elements);

    // A value is immutable, so one that would come out the same is returned as it is: most calls drop parts that are not
    // there (every value passed on as "no parts"), and a new copy of each was a fair share of the analysis's garbage.
    public DataFlow WithParts(ImmutableArray<DataFlow> parts) =>
        parts.IsDefault && Parts.IsDefault ? this : new(Rows, Events, TrainedOn, parts);

    public DataFlow WithNames(ImmutableArray<string> names) => new(Rows, Events, TrainedOn, Parts, names);

    public DataFlow WithEvent(FlowEvent flowEvent) => new(Rows, Events.Add(flowEvent), TrainedOn, Parts, PartNames);

    public DataFlow WithTrainedOn(ImmutableHashSet<Origin> rows) => new(Rows, Events, Union(TrainedOn, rows), Parts, PartNames);

    /// <summary>The same rows narrowed to a subset named by <paramref name="segment"/>.</summary>
    public DataFlow Narrow(string segment) =>
        new(Rows.IsEmpty ? Rows : Rows.Select(origin => origin.Narrow(segment)).ToImmutableHashSet(), Events, TrainedOn, default);

    /// <summary>A statistic computed from this value: the rows become the learned-from set of a new event.</summary>
    public DataFlow WithoutRows() => new(ImmutableHashSet<Origin>.Empty, Events, ImmutableHashSet<Origin>.Empty, default);

    public DataFlow Join(DataFlow other)
    {
        if (other.IsEmpty || ReferenceEquals(other, this)) return this;
        if (IsEmpty) return other;
        ImmutableArray<DataFlow> parts = Parts.IsDefault ? other.Parts
            : other.Parts.IsDefault || other.Parts.Length != Parts.Length || Parts == other.Parts ? Parts
            : JoinParts(Parts, other.Parts);
        // Names survive only where both sides name their parts alike (or one side has none); otherwise the parts are positional.
        ImmutableArray<string> names = Parts.IsDefault ? other.PartNames
            : other.Parts.IsDefault || other.Parts.Length != Parts.Length ? PartNames
            : PartNames.IsDefault || other.PartNames.IsDefault || PartNames.SequenceEqual(other.PartNames) ? (PartNames.IsDefault ? other.PartNames : PartNames) : default;
        ImmutableHashSet<Origin> rows = Union(Rows, other.Rows), trainedOn = Union(TrainedOn, other.TrainedOn);
        ImmutableHashSet<FlowEvent> events = Union(Events, other.Events);
        // Joining what a value already holds (most joins of a pass at the fixed point) gives the value itself.
        if (ReferenceEquals(rows, Rows) && ReferenceEquals(events, Events) && ReferenceEquals(trainedOn, TrainedOn) && parts == Parts && names == PartNames) return this;
        return new DataFlow(rows, events, trainedOn, parts, names);
    }

    private static ImmutableArray<DataFlow> JoinParts(ImmutableArray<DataFlow> left, ImmutableArray<DataFlow> right)
    {
        DataFlow[]? joined = null;
        for (int i = 0; i < left.Length; i++)
        {
            DataFlow part = left[i].Join(right[i]);
            if (ReferenceEquals(part, left[i]) && joined is null) continue;
            if (joined is null)
            {
                joined = new DataFlow[left.Length];
                for (int j = 0; j < i; j++) joined[j] = left[j];
            }
            joined[i] = part;
        }
        return joined is null ? left : ImmutableArray.Create(joined);
    }

    /// <summary>
    /// The union, without enumerating an empty side: enumerating an immutable set through its interface
    /// allocates, and most joins are of an empty part with a full one (this was the analysis's main cost).
    /// </summary>
    public static ImmutableHashSet<T> Union<T>(ImmutableHashSet<T> left, ImmutableHashSet<T> right) =>
        right.IsEmpty || ReferenceEquals(left, right) ? left : left.IsEmpty ? right : left.Union(right);

    public static DataFlow Join(System.Collections.Generic.IEnumerable<DataFlow> flows)
    {
        DataFlow result = Empty;
        foreach (DataFlow flow in flows) result = result.Join(flow);
        return result;
    }

    public bool SameAs(DataFlow other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (!Rows.SetEquals(other.Rows) || !Events.SetEquals(other.Events) || !TrainedOn.SetEquals(other.TrainedOn)) return false;
        if (Parts.IsDefault != other.Parts.IsDefault) return false;
        if (Parts.IsDefault) return true;
        if (PartNames.IsDefault != other.PartNames.IsDefault) return false;
        if (Parts.Length != other.Parts.Length) return false;
        for (int i = 0; i < Parts.Length; i++)
            if (!Parts[i].SameAs(other.Parts[i])) return false;
        return true;
    }

    // These loops use the sets' own enumerators: LINQ over an immutable set boxes its enumerator (and a lambda its
    // closure) at every call, and they are asked of nearly every value in every pass.
    // Most values carry no event of the kind asked for: then no iterator is made (a scan with the set's own enumerator allocates nothing).
    public System.Collections.Generic.IEnumerable<T> EventsOf<T>() where T : FlowEvent => HasEventsOf<T>() ? EventsOfType<T>(Events) : System.Array.Empty<T>();

    private bool HasEventsOf<T>() where T : FlowEvent
    {
        if (Events.IsEmpty) return false;
        foreach (FlowEvent flowEvent in Events)
            if (flowEvent is T) return true;
        return false;
    }

    private static System.Collections.Generic.IEnumerable<T> EventsOfType<T>(ImmutableHashSet<FlowEvent> events) where T : FlowEvent
    {
        foreach (FlowEvent flowEvent in events)
            if (flowEvent is T found) yield return found;
    }

    public bool HasRole(Role role)
    {
        foreach (Origin origin in Rows)
            if (origin.Role == role) return true;
        return false;
    }

    public static bool Overlap(ImmutableHashSet<Origin> left, ImmutableHashSet<Origin> right)
    {
        foreach (Origin a in left)
            foreach (Origin b in right)
                if (a.Overlaps(b)) return true;
        return false;
    }

    public override string ToString() => $"rows [{string.Join(", ", Rows)}] events {Events.Count} trained [{string.Join(", ", TrainedOn)}]";
}
