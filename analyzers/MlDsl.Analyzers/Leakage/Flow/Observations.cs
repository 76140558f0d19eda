using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>A model's Fit call: what it trained and validated on, and what its options carry.</summary>
/// <remarks><see cref="Call"/> is the helper's call for a fit inside a helper; <see cref="ModelName"/> the model's type either way.</remarks>
internal sealed record ModelFit(ISymbol? Model, IInvocationOperation Call, DataFlow Train, DataFlow Validation, IArgumentOperation? ValidationArgument, DataFlow Steering,
    string ModelName, IArgumentOperation? TrainArgument);

/// <summary>A model's Evaluate or Predict call on rows.</summary>
/// <remarks>
/// <see cref="ModelTrainedOn"/> is what the model's value carries as its training rows where it is scored: a model fitted by
/// another method of the same object (a member), or handed back by a helper in a tuple, whose Fit this body does not show.
/// </remarks>
internal sealed record ModelUse(ISymbol? Model, IInvocationOperation Call, IArgumentOperation Rows, DataFlow RowsFlow, bool IsPredict)
{
    public ImmutableHashSet<Origin> ModelTrainedOn { get; init; } = ImmutableHashSet<Origin>.Empty;
}

/// <summary>
/// What a method does to a model it is given as parameter <see cref="Model"/>: Fit, Evaluate or Predict
/// on rows; <see cref="OwnModel"/> for a model the method makes and fits itself.
/// </summary>
/// <remarks><see cref="Score"/> is where a Predict's predictions are scored from (its rows argument), to tell a hand-written accuracy.
/// <see cref="CapturedModel"/> is the model a lambda or local function scores from the body around it (<see cref="Captured"/>).</remarks>
internal sealed record ModelEffect(string Method, int Model, DataFlow Rows, DataFlow Validation, string ModelName, Location? Score = null, ISymbol? CapturedModel = null)
{
    public const int OwnModel = -1;

    /// <summary>A model of the body around a lambda or local function (<c>rows =&gt; model.Evaluate(rows)</c>), scored where it is invoked.</summary>
    public const int Captured = -2;
}

/// <summary>A step's fit (a method with [LearnsFrom]) and the rows argument it learned from.</summary>
internal sealed record StepFit(IInvocationOperation Call, IArgumentOperation Data, LearnEvent Event);

/// <summary>
/// What the last pass of a <see cref="FlowAnalysis"/> saw, with every value at its fixed point: the
/// facts the leakage rules read. Keyed by syntax so an operation evaluated twice counts once.
/// </summary>
internal sealed class Observations
{
    private readonly HashSet<SyntaxNode> seen = new();

    public List<(IInvocationOperation Call, DataFlow Rows)> Splits { get; } = new();
    public List<ModelFit> Fits { get; } = new();
    public List<ModelUse> Uses { get; } = new();
    public List<StepFit> StepFits { get; } = new();

    /// <summary>
    /// Rows a search (GridSearch.OnValidation) is given to score its candidates on: what it chooses by; with the rows it trains
    /// every candidate on (its <c>train</c> argument).
    /// </summary>
    public List<(IArgumentOperation Argument, DataFlow Rows, DataFlow Train)> SearchValidations { get; } = new();

    /// <summary>Predictions made inside helpers by their own models, with the caller's rows (for MLDSL0028 only).</summary>
    public List<ModelUse> HelperPredictions { get; } = new();

    /// <summary>Rows a helper called here scores a model on (its own or one it is given), with what the caller's rows carry.</summary>
    public List<DataFlow> ScoredInHelpers { get; } = new();

    /// <summary>Duplicates dropped (<c>Distinct</c>, <c>DistinctBy</c>) from rows: after a split, the duplicates it already put on both sides.</summary>
    public List<(IInvocationOperation Call, DataFlow Rows)> Deduplications { get; } = new();

    /// <summary>Rows that are held out somewhere: split, cross-validated, or scored on.</summary>
    public List<DataFlow> HeldOut { get; } = new();

    /// <summary>Every flow of a row-typed value: statistics in one changed rows.</summary>
    public HashSet<FlowEvent> InRows { get; } = new();

    // The same event sets reach many row-typed expressions (every use of a variable): each set is merged once.
    // Immutable sets compare by reference, so this holds the sets already merged, not their contents.
    private readonly HashSet<ImmutableHashSet<FlowEvent>> mergedInRows = new();

    /// <summary>Adds a row-typed value's events to <see cref="InRows"/>.</summary>
    public void AddInRows(ImmutableHashSet<FlowEvent> events)
    {
        if (events.IsEmpty || !mergedInRows.Add(events)) return;
        foreach (FlowEvent flowEvent in events) InRows.Add(flowEvent);
    }
    /// <summary>
    /// Events in values written into a row (a member of <c>new Row { ... }</c> or <c>r with { ... }</c>, or
    /// rows a helper returns): where predictions become features. A row merely paired with predictions
    /// (<c>probabilities.Zip(rows)</c>) is not among them.
    /// </summary>
    public HashSet<FlowEvent> BuiltIntoRows { get; } = new();

    /// <summary>Score events whose values decided something: a comparison of two scores, a maximum, an ordering.</summary>
    public HashSet<FlowEvent> Choices { get; } = new();

    /// <summary>Where each test score in <see cref="Choices"/> was first chosen by: the MaxBy, the comparison, the Math.Max.</summary>
    public Dictionary<FlowEvent, Location> ChoiceSites { get; } = new();

    /// <summary>
    /// Helper calls that return a test score while given no test rows (<c>RunTrial(t, rows)</c> splits and scores inside): the
    /// test rows are out of sight there, so a choice by that score is reported where it is made, not at the call.
    /// </summary>
    public HashSet<Location> ScoredOutOfSight { get; } = new();

    /// <summary>Records test scores chosen by at <paramref name="site"/>: in <see cref="Choices"/>, with the first place each was chosen.</summary>
    public void Chose(IEnumerable<FlowEvent> scores, Location site)
    {
        foreach (FlowEvent score in scores)
        {
            Choices.Add(score);
            if (!ChoiceSites.ContainsKey(score)) ChoiceSites[score] = site;
        }
    }

    /// <summary>Every score event compared, maximised or ordered by (validation scores choosing a setting included).</summary>
    public HashSet<FlowEvent> Compared { get; } = new();

    /// <summary>Score events whose values reached a model's training (options, constructor arguments).</summary>
    public HashSet<FlowEvent> Steering { get; } = new();

    /// <summary>Statistics of rows (a label mean, a fitted step) that reached a model's training options or constructor.</summary>
    public HashSet<LearnEvent> SteeringStatistics { get; } = new();

    /// <summary>Statistics of the test labels used as the rank of a cut of an ordered sequence (the test's fraud rate as "the top k%").</summary>
    public HashSet<LearnEvent> CutsByTestLabels { get; } = new();

    /// <summary>Statistics of labels a helper wrote into features of the rows they were learned from (in-sample target encoding).</summary>
    public HashSet<LearnEvent> LabelStatisticsInOwnRows { get; } = new();

    /// <summary>Where a running total first enters a row: the member value that uses it.</summary>
    public Dictionary<Location, Location> Entries { get; } = new();

    /// <summary>Locals that some code reads (a fitted step nobody reads is still being written).</summary>
    public HashSet<ISymbol> ReadLocals { get; } = new(SymbolEqualityComparer.Default);

    public bool FirstTime(SyntaxNode node) => seen.Add(node);
}
