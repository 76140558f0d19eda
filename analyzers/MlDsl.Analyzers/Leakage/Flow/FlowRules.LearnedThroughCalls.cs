using Microsoft.CodeAnalysis;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Where a statistic a helper or local function learns is reported. A running total written inline (<c>sum += w.Sulphates</c>
/// in a loop) is reported where it enters a row, the line that uses it; one accumulated inside a helper
/// (<c>var (mean, sd) = Moments(wines)</c>) was learned by the call that chose the rows, as a fitted step's statistics are:
/// the call is the line to change (give it the training rows), so it is reported there.
/// </summary>
internal sealed partial class FlowRules
{
    /// <summary>Whether a helper's summary moved <paramref name="learned"/> from its place inside the helper to the call that learns it.</summary>
    private static bool LearnedThroughCall(LearnEvent learned) => learned.LearnedAt is { } inside && inside != learned.Location;
}
