using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// The lowest or highest of several scores printed beside their mean (<c>$"{scores.Average():P2} (min {scores.Min():P2})"</c>,
/// seeds or folds summarised) describes how the scores spread: it keeps no candidate and changes nothing, so it is no choice.
/// An extreme that is the only figure reported (the best seed's score as the result), that picks an element
/// (<c>IndexOf(scores.Max())</c>) or is compared stays a choice.
/// </summary>
internal static class ScoreSpread
{
    private static readonly HashSet<string> Extremes = new(System.StringComparer.Ordinal) { "Max", "Min", "Maximum", "Minimum" };

    /// <summary>Calls that average (or otherwise summarise) every score alike.</summary>
    private static readonly HashSet<string> Averages = new(System.StringComparer.Ordinal)
    {
        "Average", "Mean", "Median", "StandardDeviation", "Variance", "Sum", "PopulationStandardDeviation", "MeanStandardDeviation",
    };

    /// <summary>Whether <paramref name="call"/> takes an extreme of a local's scores that is only printed, while the same scores are averaged.</summary>
    public static bool BesideTheirAverage(IInvocationOperation call)
    {
        if (!Extremes.Contains(call.TargetMethod.Name) || OrderingUse.MayPick(call)) return false;
        IOperation? scores = call.Instance ?? (call.TargetMethod.IsExtensionMethod ? call.Arguments.FirstOrDefault()?.Value : null);
        while (scores is IConversionOperation conversion) scores = conversion.Operand;
        if (scores is not ILocalReferenceOperation { Local: var local }) return false;
        // The body's index of references (built once per body) instead of a walk of the whole body at every extreme in every pass.
        foreach (ILocalReferenceOperation reference in LocalReferences.Of(call).ReferencesTo(local))
            if (Consumer(reference) is { } consumer && Averages.Contains(consumer.TargetMethod.Name)) return true;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="call"/> only summarises the scores it is given: an average, a sum, a deviation, or an extreme
    /// printed beside their average (<see cref="BesideTheirAverage"/>). What it returns may still decide something: the caller
    /// follows it.
    /// </summary>
    public static bool Summarises(IInvocationOperation call) => Averages.Contains(call.TargetMethod.Name) || call.TargetMethod.Name is "Count" or "LongCount"
        || BesideTheirAverage(call);

    /// <summary>The call a value is the receiver of (also as an extension method's first argument).</summary>
    private static IInvocationOperation? Consumer(IOperation value)
    {
        IOperation? parent = value.Parent;
        while (parent is IConversionOperation) parent = parent.Parent;
        return parent switch
        {
            IInvocationOperation call when call.Instance is { } instance && Stripped(instance) == value => call,
            IArgumentOperation { Parent: IInvocationOperation call } argument when call.Instance is null && call.Arguments.FirstOrDefault() == argument => call,
            _ => null,
        };
    }

    private static IOperation Stripped(IOperation value)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        return value;
    }
}
