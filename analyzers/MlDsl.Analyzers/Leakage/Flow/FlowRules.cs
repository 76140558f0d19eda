using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// The leakage rules over one analysed body: each reads the <see cref="Observations"/> at the fixed
/// point and reports on the line of the call that leaks. One diagnostic per place.
/// </summary>
internal sealed partial class FlowRules
{
    private readonly Observations observed;
    private readonly DataFlow? ingested;
    private readonly IOperation root;
    private readonly LeakageSymbols symbols;
    private readonly Action<Diagnostic> report;
    private readonly HashSet<Location> reported = new();

    /// <summary>Whether the predictions made at a rows argument are counted against the labels (a hand-written accuracy).</summary>
    private readonly Func<Location, bool> countedAgainstLabels;

    /// <summary>Helpers called here that train and score a model of their own, with the caller's rows.</summary>
    private readonly IReadOnlyCollection<HelperOwnScore> ownScores;

    /// <summary>Whether the score measured at a rows argument was compared with another score of the same rows (a gap, a diagnosis).</summary>
    private readonly Func<Location, bool> comparedAsGap;

    /// <summary>The report a score measured at a rows argument is taken in (<c>ClassificationReport.Compute</c>), or null.</summary>
    private readonly Func<Location, Location?> reportedAt;

    private FlowRules(FlowAnalysis analysis, bool ingest, IOperation root, LeakageSymbols symbols, Action<Diagnostic> report)
    {
        observed = analysis.Observed!;
        countedAgainstLabels = analysis.CountsAgainstLabels;
        ownScores = analysis.HelperOwnScores;
        comparedAsGap = analysis.ComparedAsGap;
        reportedAt = analysis.ReportedAt;
        ingested = ingest ? analysis.Returned : null;
        this.root = root;
        this.symbols = symbols;
        this.report = report;
    }

    /// <summary>Reports every leak the analysis of <paramref name="root"/> shows. An [Ingest] method's rows are split by its pipeline.</summary>
    public static void Report(FlowAnalysis analysis, bool ingest, IOperation root, LeakageSymbols symbols, Action<Diagnostic> report)
    {
        var rules = new FlowRules(analysis, ingest, root, symbols, report);
        rules.OnePerLeak(rules.TestSelection);
        rules.LearnedFromHeldOutRows();
        rules.MultipliedBeforeSplit();
        rules.DeduplicatedAfterSplit();
        rules.ScoresOnTrainingRows();
        rules.InSamplePredictionsAsFeatures();
        rules.LabelStatisticsInOwnRows();
        rules.LabelStatisticsInFeatures(analysis);
        rules.SameRowsForTrainingAndValidation();
        rules.SearchValidatedOnItsTrainingRows();
        rules.HelperScoresAmongItsTrainingRows();
        rules.ChosenOnTheRowsScored();
    }

    // ---- MLDSL0016: statistics learned from rows that reach validation or test ----

    private void LearnedFromHeldOutRows()
    {
        foreach (LearnEvent reaching in ReachingEvents().OfType<LearnEvent>().Where(e => e.Kind != LearnKind.Model).OrderBy(e => e.Location.SourceSpan.Start))
        {
            LearnEvent learned = reaching;
            // An event kept at its place inside a helper is the helper's own to report (its analysis sees it there).
            if (learned.ReportedInHelper) continue;
            // The inner g.Average of a query whose dictionary of means is reported is part of that statistic.
            if (InsideReportedStatistic(learned)) continue;
            if (learned.Kind == LearnKind.Accumulated)
            {
                if (!observed.Entries.TryGetValue(learned.Location, out Location? entry)) continue;
                if (!LearnedThroughCall(learned)) learned = (LearnEvent)learned.With(learned.From, entry, learned.What);
            }
            StepFit? fit = observed.StepFits.FirstOrDefault(step => step.Event.Location == learned.Location);
            Role heldOutRole = learned.FromRole(Role.Test) ? Role.Test : learned.FromRole(Role.Validation) ? Role.Validation : Role.All;
            // Statistics of the training and validation rows together that no validation score sees are the refit to ship after
            // the choice (the test split still scores it honestly); before or during the choice they change what it is made on.
            if (heldOutRole == Role.Validation && learned.FromRole(Role.Train) && !ReachesValidationScore(learned)) continue;
            // A statistic of a fold's validation rows computed inside the cross-validation's own scorer is that fold's score.
            if (heldOutRole == Role.Validation && learned.Kind != LearnKind.Fit && observed.Splits.Any(split => PerFold(split.Call, learned))) continue;
            if (heldOutRole != Role.All)
            {
                string part = heldOutRole == Role.Test ? "test" : "validation";
                ImmutableDictionary<string, string?>? replace = fit?.Data.Value is IPropertyReferenceOperation { Property.Name: "Test" or "Validation" } access && symbols.IsDataSplit(access.Instance?.Type)
                    ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.ReplaceWithTrain, "true") : null;
                Report(DiagnosticDescriptors.PreprocessingLeakage, learned.Location, replace, learned.Kind == LearnKind.Fit
                    ? $"{learned.What} is fitted on the {part} split: its statistics must come from the training split only, or the {part} score is no longer honest"
                    : $"{learned.What} is computed from the {part} rows and the result changes rows the model sees: compute it from the training rows only, or the {part} score is no longer honest");
                continue;
            }
            if (HeldOutSource(learned) is not { } held) continue;
            ImmutableDictionary<string, string?>? move = null;
            string where = held.Split is { } split ? $"which is split on line {Line(split.Syntax)}" : held.Ingest ? "which its pipeline splits" : $"whose rows are scored on line {Line(held.Use!.Syntax)}";
            if (fit is not null && held.Split is { } onlySplit && SplitsOf(held.Origin).Count == 1)
                move = FitAfterSplit.Plan(fit.Call, fit.Data, onlySplit, root, symbols);
            string name = held.Origin.Display;
            Report(DiagnosticDescriptors.PreprocessingLeakage, learned.Location, move, learned.Kind == LearnKind.Fit
                ? $"{learned.What} is fitted on {name}, {where}: its statistics include the validation and test rows; fit it on the split's training rows ({StepName(learned.What)}.Fit(split))"
                : $"{learned.What} over {name} learns from every row, {where}, and the result changes the rows the model sees: the validation and test rows leak into training; compute it from the training rows only");
        }
    }

    private static string StepName(string what) => what.Split(' ')[0];

    /// <summary>
    /// Whether rows changed with <paramref name="learned"/> are validation rows something is scored or chosen on: a fit's
    /// validation rows (early stopping, the best epoch), a score on validation rows (here or in a helper), a search's rows.
    /// </summary>
    private bool ReachesValidationScore(LearnEvent learned)
    {
        bool Carries(DataFlow rows) => rows.HasRole(Role.Validation) && rows.Events.Contains(learned);
        return observed.Fits.Any(fit => Carries(fit.Validation)) || observed.Uses.Any(use => Carries(use.RowsFlow))
            || observed.SearchValidations.Any(search => Carries(search.Rows)) || observed.ScoredInHelpers.Any(Carries);
    }

    /// <summary>Events carried into something that is split, scored, or trains a scored model; everything in rows when nothing is scored yet.</summary>
    private HashSet<FlowEvent> ReachingEvents()
    {
        var events = new HashSet<FlowEvent>();
        foreach (DataFlow rows in observed.HeldOut) events.UnionWith(rows.Events);
        if (ingested is not null) events.UnionWith(ingested.Events);
        var scored = new HashSet<ISymbol>(observed.Uses.Where(use => use.Model is not null).Select(use => use.Model!), SymbolEqualityComparer.Default);
        foreach (ModelFit fit in observed.Fits.Where(fit => fit.Model is null || scored.Contains(fit.Model)))
            events.UnionWith(fit.Train.Join(fit.Validation).Events);
        // While a script is being written nothing may be scored yet: rows changed with the statistics count.
        if (observed.Uses.Count == 0) events.UnionWith(observed.InRows);
        // A fitted step kept in a local that nothing reads yet is still being written: it will be used.
        foreach (StepFit fit in observed.StepFits)
            if (fit.Call.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } && !observed.ReadLocals.Contains(declarator.Symbol))
                events.Add(fit.Event);
        return events;
    }

    private sealed record Held(Origin Origin, IInvocationOperation? Split, IInvocationOperation? Use, bool Ingest);

    /// <summary>The first whole-source origin <paramref name="learned"/> learned from whose rows are also held out, and how.</summary>
    private Held? HeldOutSource(LearnEvent learned)
    {
        foreach (Origin origin in learned.From.Where(origin => origin.Role == Role.All).OrderBy(origin => origin.Source, StringComparer.Ordinal))
        {
            bool Overlaps(DataFlow flow) => flow.Rows.Any(row => row.Overlaps(origin));
            // A per-group statistic of features before a grouped split (or grouped folds) stays within one part.
            if (learned.WithinGroups && observed.Splits.Any(split => Overlaps(split.Rows) && GroupedCut(split.Call))) continue;
            if (observed.Splits.FirstOrDefault(split => Overlaps(split.Rows) && !PerFold(split.Call, learned) && !FoldOfThisCut(origin, split.Rows)) is { Call: { } split })
                return new Held(origin, split, null, false);
            if (ingested is not null && Overlaps(ingested)) return new Held(origin, null, null, true);
            if (observed.Uses.FirstOrDefault(use => Overlaps(use.RowsFlow) && !ScoresTrainingRows(use)) is { } scored)
                return new Held(origin, null, scored.Call, false);
        }
        // A part (the training rows) learned from as a whole and then cut into folds whose rows carry what was learned:
        // each fold's validation rows were in the statistics its training rows were changed with.
        foreach (Origin origin in learned.From.Where(origin => origin.Role != Role.All).OrderBy(origin => origin.Source, StringComparer.Ordinal))
        {
            // A hand-written fold loop holds out only what it scores (out-of-fold predictions made into features score nothing).
            if (observed.Splits.FirstOrDefault(split => !symbols.IsSplit(split.Call.TargetMethod) && !PerFold(split.Call, learned)
                    && split.Rows.EventsOf<LearnEvent>().Any(carried => carried.What == learned.What && carried.From.SetEquals(learned.From))
                    && split.Rows.Rows.Any(row => origin.Overlaps(row) && origin.Path.Length <= row.Path.Length)
                    && (!HandWrittenFolds(split.Call) || ScoredWithinPart(origin, learned, carrying: true) is not null)) is { Call: { } folds })
                return new Held(origin, folds, null, false);
            // Learned from the rows as a whole, then applied to the training rows of each of their folds (fold.Train.Select(i => rows[i])).
            if (observed.Splits.FirstOrDefault(split => !symbols.IsSplit(split.Call.TargetMethod) && !PerFold(split.Call, learned)
                    && split.Rows.Rows.Any(row => origin.Overlaps(row) && origin.Path.Length <= row.Path.Length)) is { Call: { } cut }
                && observed.Fits.Any(fit => symbols.IsModelType(fit.Call.TargetMethod.ContainingType) && FoldRowsCarrying(fit.Train, learned, origin))
                && (!HandWrittenFolds(cut) || ScoredWithinPart(origin, learned, carrying: false) is not null))
                return new Held(origin, cut, null, false);
            // Learned from a part as a whole, then a strict part of it scored by a model trained on other rows (a backtest window).
            if (LearnedFromScoredPart(origin, learned) is { } scoredPart) return scoredPart;
        }
        return null;
    }

    /// <summary>Whether <paramref name="rows"/> are a fold's rows of <paramref name="origin"/> changed with what <paramref name="learned"/> learned.</summary>
    private static bool FoldRowsCarrying(DataFlow rows, LearnEvent learned, Origin origin) =>
        rows.EventsOf<LearnEvent>().Any(carried => carried.Location == learned.Location && carried.From.SetEquals(learned.From))
        && rows.Rows.Any(row => origin.Overlaps(row) && row.Path.Split('/').Any(segment => segment.StartsWith("fold.", StringComparison.Ordinal)));

    /// <summary>Whether a split or a cross-validation keeps groups apart (its options say Kind = Grouped).</summary>
    private static bool GroupedCut(IInvocationOperation call) =>
        call.Arguments.Any(argument => argument.Parameter?.Type.Name is "SplitOptions" or "FoldOptions"
            && OptionsKind.Of(argument.Value, out bool known) == "Grouped" && known);

    /// <summary>What happens inside a lambda given to a cross-validation (its scorer, its prepare) happens per fold.</summary>
    /// A step fitted there on rows the lambda captures (not its fold parameters) is one fit for every fold, not per fold.
    private bool PerFold(IInvocationOperation split, FlowEvent flowEvent) =>
        !symbols.IsSplit(split.TargetMethod) && flowEvent.Location.SourceTree == split.Syntax.SyntaxTree
        && split.Arguments.Any(argument => argument.Value.DescendantsAndSelf().Any(node => node is IAnonymousFunctionOperation lambda
            && node.Syntax.Span.Contains(flowEvent.Location.SourceSpan) && !FittedOnCaptured(lambda, flowEvent)));

    private bool FittedOnCaptured(IAnonymousFunctionOperation lambda, FlowEvent flowEvent) =>
        flowEvent is LearnEvent { Kind: LearnKind.Fit } && lambda.Body.Descendants().OfType<IInvocationOperation>().Any(fit =>
            symbols.LearnsFrom(fit.TargetMethod) is { } parameter && fit.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == parameter) is { } data
            && data.Syntax.Span == flowEvent.Location.SourceSpan && !FlowAnalysis.PerFoldRows(lambda, data.Value));

    /// <summary>Whether a use scores rows its model trained or validated on (then it holds nothing out).</summary>
    private bool ScoresTrainingRows(ModelUse use) => use.Model is not null && observed.Fits
        .Where(fit => SymbolEqualityComparer.Default.Equals(fit.Model, use.Model))
        .Any(fit => DataFlow.Overlap(use.RowsFlow.Rows, fit.Train.Rows.Union(fit.Validation.Rows)));

    private List<IInvocationOperation> SplitsOf(Origin origin) =>
        observed.Splits.Where(split => split.Rows.Rows.Any(row => row.Overlaps(origin))).Select(split => split.Call).ToList();

    // ---- MLDSL0026: rows multiplied before the split ----

    private void MultipliedBeforeSplit()
    {
        // Copies of rows whose source is not followed (From is empty) name no rows: nothing says they were not copied per group.
        // A split by group keeps a row's copies (which keep its group key) on its side: none lands on both, so augmented copies
        // of every row are excused there. Class balancing is not: random oversampling fills the validation and test parts with
        // repeated minority rows (their scores no longer measure the real class balance) and SMOTE interpolates between rows of
        // different groups; nor are copies of a chosen subset appended by hand (rows.Concat(rows.Where(...))), which reweight the
        // validation and test parts the same way. Grouped folds still score each fold on its copies, so they are not excused.
        IEnumerable<MultiplyEvent> events = observed.Splits.SelectMany(s => s.Rows.EventsOf<MultiplyEvent>().Where(e =>
            !e.From.IsEmpty && !PerFold(s.Call, e) && !(symbols.IsSplit(s.Call.TargetMethod) && GroupedCut(s.Call) && !e.BalancesClasses)));
        if (ingested is not null) events = events.Concat(ingested.EventsOf<MultiplyEvent>());
        foreach (MultiplyEvent multiplied in events.Distinct())
        {
            string rows = string.Join(", ", multiplied.From.Select(origin => origin.Display).Distinct().Take(2));
            Report(DiagnosticDescriptors.RowsMultipliedBeforeSplit, multiplied.Location, null,
                $"{multiplied.What} copies or synthesises rows of {rows} before they are split: copies of one row land on both sides, so the model is tested on rows it trained on; split first, then oversample or augment the training rows only");
        }
    }

    // ---- MLDSL0018: the test split steering a choice ----

    /// <summary>MLDSL0018, run through <see cref="OnePerLeak"/>: a choice reported on a helper call (ValidationMae(model, train, test)) and
    /// on the test rows given inside it is one leak, reported at the rows.</summary>
    private void TestSelection() => TestSelectionReports();

    private void TestSelectionReports()
    {
        foreach (ModelFit fit in observed.Fits)
        {
            if (fit.ValidationArgument is null || !ValidatesOnTest(fit)) continue;
            Report(DiagnosticDescriptors.TestSetSelection, fit.ValidationArgument.Syntax.GetLocation(), ValidationReplacement(fit.ValidationArgument),
                $"The test split is passed as validation to {fit.ModelName}.Fit: whatever is chosen by watching it (epochs, early stopping, the best model) is selected on the test set, which then no longer measures anything; pass the validation split");
        }
        foreach ((IArgumentOperation argument, DataFlow rows, _) in observed.SearchValidations)
        {
            if (!rows.Rows.Any(origin => origin.Role == Role.Test && !NamedHoldout(origin))) continue;
            Report(DiagnosticDescriptors.TestSetSelection, argument.Value.Syntax.GetLocation(), ValidationReplacement(argument),
                $"The test split is the validation rows of {((IInvocationOperation)argument.Parent!).TargetMethod.ContainingType.Name}.{((IInvocationOperation)argument.Parent!).TargetMethod.Name}: the candidate it keeps is chosen on the test set, which then no longer measures anything; search on the validation split");
        }
        foreach (ModelFit fit in observed.Fits)
        {
            if (fit.TrainArgument is null || !TrainsOnUnscoredTest(fit)) continue;
            Report(DiagnosticDescriptors.TestSetSelection, fit.TrainArgument.Syntax.GetLocation(), null,
                $"The test rows are among the training rows of {fit.ModelName}.Fit ('{fit.TrainArgument.Value.Syntax}'): the model learns the rows that were set aside to measure it, and no honest test remains; train on the training split (and validation), and score the test split once");
        }
        foreach (LearnEvent statistic in observed.SteeringStatistics.Where(statistic => statistic.FromRole(Role.Test) && !statistic.From.All(NamedHoldout)).OrderBy(e => e.Location.SourceSpan.Start))
            Report(DiagnosticDescriptors.TestSetSelection, statistic.Location, null,
                $"{statistic.What} of the test rows feeds a model's training options (class weights, a setting, a constructor argument): the test set steers the model and no longer measures it; compute it from the training rows");
        foreach (LearnEvent statistic in observed.CutsByTestLabels.OrderBy(e => e.Location.SourceSpan.Start))
            Report(DiagnosticDescriptors.TestSetSelection, statistic.Site, null,
                $"{statistic.What} of the test labels sets the rank of a cutoff (how many to flag, which value to cut at): the threshold is tuned to the test set's answers, and the test score no longer measures anything; take the rate from the training or validation labels");
        foreach (ModelUse use in observed.Uses.Where(use => use.RowsFlow.HasRole(Role.Test)))
        {
            // Only a choice driven by a test score is selection: scores of several seeds averaged and printed choose nothing.
            if (!InsideLoopThatTrains(use.Call) || OnlySummarised(use.Call, SummaryDepth)) continue;
            Report(DiagnosticDescriptors.TestSetSelection, use.Rows.Syntax.GetLocation(), null,
                "The test split is evaluated inside a loop that trains models: choosing among them by this score selects on the test set; compare candidates on the validation split and evaluate the chosen one on test once, after the loop");
        }
        foreach (ScoreEvent score in observed.Choices.OfType<ScoreEvent>().Where(score => score.FromRole(Role.Test)).OrderBy(score => score.Location.SourceSpan.Start))
            Report(DiagnosticDescriptors.TestSetSelection, ChoiceLocation(score), null,
                $"This test score ({score.What}) decides between candidates (a comparison with another score, a maximum, an ordering): a model, threshold or setting chosen on the test set is tuned to it, and the test score no longer measures anything; choose on the validation split or by cross-validation, then evaluate the choice on test once");
        foreach (ScoreEvent score in observed.Steering.OfType<ScoreEvent>().Where(score => score.FromRole(Role.Test)))
            Report(DiagnosticDescriptors.TestSetSelection, score.Location, null,
                $"This test score ({score.What}) feeds a model's training (its options, arguments or rows): the test set steers the model and no longer measures it; tune on the validation split");
    }

    /// <summary>
    /// Where a choice by a test score is reported: at the score, where the test rows show (<c>Evaluate(test)</c>, a helper given
    /// them); at the choice (the MaxBy, the comparison) when the score comes from a helper that splits its test rows off
    /// itself, whose call looks the same in a program that only prints the scores.
    /// </summary>
    private Location ChoiceLocation(ScoreEvent score) =>
        observed.ScoredOutOfSight.Contains(score.Location) && observed.ChoiceSites.TryGetValue(score, out Location? site) ? site : score.Location;

    /// <summary>
    /// Whether a fit watches test rows: a split's test part or rows named test; rows merely named a
    /// holdout count only where some model is also scored on them (otherwise they are the validation rows).
    /// </summary>
    private bool ValidatesOnTest(ModelFit fit)
    {
        Origin[] test = fit.Validation.Rows.Where(origin => origin.Role == Role.Test).ToArray();
        if (test.Length == 0) return false;
        // One of several parts (parts[1] of a list that holds train, validation and test) is test only if every part is.
        if (fit.ValidationArgument is { } argument && OneOfSeveralParts(argument.Value) && test.Length < fit.Validation.Rows.Count) return false;
        if (!test.All(NamedHoldout)) return true;
        return observed.Uses.Any(use => use.RowsFlow.Rows.Any(row => test.Any(origin => origin.Overlaps(row))));
    }

    private static bool NamedHoldout(Origin origin) => origin.Path.Split('/').Contains("H") && !origin.Path.Split('/').Contains("X");

    /// <summary>
    /// Whether a fit trains on test rows that nothing else is scored on: a model scored on them before
    /// the refit (training on everything to ship) used them for what they were for, and a score of this
    /// model on them is MLDSL0027's.
    /// </summary>
    private bool TrainsOnUnscoredTest(ModelFit fit)
    {
        Origin[] test = fit.Train.Rows.Where(origin => origin.Role == Role.Test && !NamedHoldout(origin)).ToArray();
        if (test.Length == 0) return false;
        if (fit.TrainArgument is { } argument && OneOfSeveralParts(argument.Value) && test.Length < fit.Train.Rows.Count) return false;
        return !observed.Uses.Any(use => use.RowsFlow.Rows.Any(row => test.Any(origin => origin.Overlaps(row))));
    }

    private const int SummaryDepth = 4;

    private static readonly HashSet<string> Summaries = new(StringComparer.Ordinal) { "Average", "Sum", "Count", "StandardDeviation", "Variance", "Mean", "Median" };

    /// <summary>
    /// Whether a score only ends up printed or summarised: read into an interpolated string or a Write, through arithmetic
    /// and locals, or added to a local list that is only averaged (summed, counted) into such values. Anything else
    /// (a comparison, Max, MaxBy, an index, a helper) may choose, and is not followed.
    /// </summary>
    private static bool OnlySummarised(IOperation value, int depth)
    {
        if (depth < 0) return false;
        IOperation? parent = value.Parent;
        while (parent is IConversionOperation) parent = parent.Parent;
        switch (parent)
        {
            case IInterpolationOperation or IInterpolatedStringOperation:
                return true;
            case IPropertyReferenceOperation or IFieldReferenceOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract
                or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide } or IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus }:
                return OnlySummarised(parent, depth);
            case IArgumentOperation { Parent: IInvocationOperation call }:
                if (call.TargetMethod.ContainingType?.Name == "Console" && call.TargetMethod.Name is "WriteLine" or "Write") return true;
                if (call.TargetMethod.ContainingType?.Name == "Math" && call.TargetMethod.Name is "Sqrt" or "Abs" or "Round" or "Pow") return OnlySummarised(call, depth);
                if (call.TargetMethod.Name == "Add" && call.Instance is ILocalReferenceOperation list)
                    return References(list.Local, call).All(reference => reference.Parent is IInvocationOperation { TargetMethod.Name: "Add" } add && add.Instance == reference
                        || reference.Parent is IPropertyReferenceOperation { Property.Name: "Count" }
                        || ConsumerCall(reference) is { } summary && (Summaries.Contains(summary.TargetMethod.Name) || ScoreSpread.Summarises(summary)) && OnlySummarised(summary, depth - 1)
                        || SummarisedByLocalFunction(reference, depth - 1));
                return false;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return References(declarator.Symbol, parent).All(reference => OnlySummarised(reference, depth - 1)
                    || InSummaryLambda(reference) is { } summary && OnlySummarised(summary, depth - 1));
            default:
                return InSummaryLambda(value) is { } inLambda && OnlySummarised(inLambda, depth - 1);
        }
    }

    /// <summary>
    /// Whether a list of scores is given to a local function that only summarises it (<c>double Mean(List&lt;double&gt; xs) =&gt; xs.Average();</c>),
    /// and what the function returns is itself only printed or summarised at the call.
    /// </summary>
    private static bool SummarisedByLocalFunction(IOperation reference, int depth)
    {
        if (depth < 0) return false;
        IOperation? parent = reference.Parent;
        while (parent is IConversionOperation) parent = parent.Parent;
        if (parent is not IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } call }) return false;
        IOperation root = call;
        while (root.Parent is not null) root = root.Parent;
        ILocalFunctionOperation? function = root.Descendants().OfType<ILocalFunctionOperation>()
            .FirstOrDefault(candidate => SymbolEqualityComparer.Default.Equals(candidate.Symbol, call.TargetMethod.OriginalDefinition));
        if (function?.Body is not { } body) return false;
        foreach (IParameterReferenceOperation use in body.Descendants().OfType<IParameterReferenceOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(use.Parameter, parameter.OriginalDefinition) && !SymbolEqualityComparer.Default.Equals(use.Parameter, parameter)) continue;
            IInvocationOperation? summary = ConsumerCall(use);
            if (summary is null || !Summaries.Contains(summary.TargetMethod.Name)) summary = InSummaryLambda(use);
            if (summary is null || !ReturnedOrSummarised(summary, function, call, depth)) return false;
        }
        return true;
    }

    /// <summary>Whether a summary inside a local function reaches only its return (then: the call is only summarised) or a print.</summary>
    private static bool ReturnedOrSummarised(IOperation value, ILocalFunctionOperation function, IInvocationOperation call, int depth)
    {
        IOperation current = value;
        while (current.Parent is IConversionOperation or IParenthesizedOperation or IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus }
               or IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide }
               or IArgumentOperation { Parent: IInvocationOperation { TargetMethod: { ContainingType.Name: "Math", Name: "Sqrt" or "Abs" or "Round" or "Pow" } } }
               or IInvocationOperation { TargetMethod: { ContainingType.Name: "Math", Name: "Sqrt" or "Abs" or "Round" or "Pow" } })
            current = current.Parent;
        if (current.Parent is IReturnOperation returned && Enclosing(returned) == function) return OnlySummarised(call, depth);
        // The summary is read inside another summary's selector (xs.Average(x => x - xs.Average())): that one decides.
        if (InSummaryLambda(current) is { } outer && outer != value) return ReturnedOrSummarised(outer, function, call, depth);
        return OnlySummarised(value, depth);
    }

    private static IOperation? Enclosing(IOperation operation)
    {
        for (IOperation? parent = operation.Parent; parent is not null; parent = parent.Parent)
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation) return parent;
        return null;
    }

    /// <summary>The call a value is the receiver of (as an instance or an extension's first argument).</summary>
    private static IInvocationOperation? ConsumerCall(IOperation value)
    {
        IOperation? parent = value.Parent;
        while (parent is IConversionOperation) parent = parent.Parent;
        return parent switch
        {
            IArgumentOperation { Parent: IInvocationOperation { Instance: null } call } argument when call.Arguments.FirstOrDefault() == argument => call,
            IInvocationOperation { Instance: not null } call when call.Instance == value || call.Instance is IConversionOperation => call,
            _ => null,
        };
    }

    /// <summary>The summary (Average, Sum) whose selector lambda a value is read in: <c>accuracies.Average(a =&gt; (a - mean) * (a - mean))</c>.</summary>
    private static IInvocationOperation? InSummaryLambda(IOperation value)
    {
        for (IOperation? parent = value.Parent; parent is not null; parent = parent.Parent)
            if (parent is IAnonymousFunctionOperation)
            {
                IOperation? owner = parent.Parent;
                while (owner is IDelegateCreationOperation or IConversionOperation or IArgumentOperation) owner = owner.Parent;
                return owner is IInvocationOperation call && Summaries.Contains(call.TargetMethod.Name) ? call : null;
            }
        return null;
    }

    private static IEnumerable<ILocalReferenceOperation> References(ILocalSymbol local, IOperation near) => LocalReferences.Of(near).UsesOf(local);

    private bool InsideLoopThatTrains(IOperation operation)
    {
        for (IOperation? parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is not ILoopOperation loop) continue;
            if (observed.Fits.Any(fit => loop.Body.Syntax.Span.Contains(fit.Call.Syntax.Span))) return true;
        }
        return false;
    }

    /// <summary>What to pass instead of the test rows: <c>split.Validation</c>, or the validation local of the same deconstruction.</summary>
    private ImmutableDictionary<string, string?>? ValidationReplacement(IArgumentOperation argument)
    {
        IOperation value = argument.Value;
        while (value is IConversionOperation conversion) value = conversion.Operand;
        string? replacement = null;
        if (value is IPropertyReferenceOperation { Property.Name: "Test", Instance: { } instance } && symbols.IsDataSplit(instance.Type))
            replacement = instance.Syntax + ".Validation";
        else if (value is ILocalReferenceOperation local && local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is SingleVariableDesignationSyntax
                 { Parent: ParenthesizedVariableDesignationSyntax { Variables.Count: 3 } names } designation
                 && names.Variables.IndexOf(designation) == 2 && names.Variables[1] is SingleVariableDesignationSyntax validation)
            replacement = validation.Identifier.Text;
        return replacement is null ? null : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.ReplaceWith, replacement);
    }

    // ---- MLDSL0027: scores on rows the model trained on ----

    private void ScoresOnTrainingRows()
    {
        // Predictions counted against the labels are a score too (an accuracy written by hand).
        var found = new List<(ModelUse Use, bool OnTraining)>();
        foreach (ModelUse use in observed.Uses.Where(use => (!use.IsPredict || countedAgainstLabels(use.Rows.Syntax.GetLocation())) && use.Model is not null))
        {
            ModelFit[] fits = observed.Fits.Where(fit => SymbolEqualityComparer.Default.Equals(fit.Model, use.Model)).ToArray();
            // A model fitted out of this body's sight (by another method of its object, inside a helper that returns it) is known by its value.
            ImmutableHashSet<Origin> carried = fits.Length == 0 ? TrainedOutOfSight(use) : ImmutableHashSet<Origin>.Empty;
            // A model's own Evaluate (or the library's report of it) whose value is dropped or only asserted reports no score (a
            // helper's call may print one inside).
            if (fits.Length == 0 && carried.IsEmpty || ScoredByModelOrLibrary(use.Call) && CheckedScores.NeverReported(use.Call)) continue;
            ImmutableHashSet<Origin> trained = fits.Aggregate(carried, (rows, fit) => rows.Union(fit.Train.Rows));
            ImmutableHashSet<Origin> validated = fits.Where(ChoseOnValidation).Aggregate(ImmutableHashSet<Origin>.Empty, (rows, fit) => rows.Union(fit.Validation.Rows));
            bool onTraining = DataFlow.Overlap(use.RowsFlow.Rows, trained), onValidation = DataFlow.Overlap(use.RowsFlow.Rows, validated);
            if (!onTraining && !onValidation) continue;
            // A model also scored on rows it never saw reports that score; the training score beside it is a diagnosis.
            bool alsoHeldOut = observed.Uses.Any(other => other != use && SymbolEqualityComparer.Default.Equals(other.Model, use.Model)
                && !other.RowsFlow.Rows.IsEmpty && !DataFlow.Overlap(other.RowsFlow.Rows, trained.Union(validated)))
                // A loop over parts ({train, test}) scores each in turn: the held-out part's score is reported beside the training one.
                || OneOfSeveralParts(use.Rows.Value) && use.RowsFlow.Rows.Any(row => !trained.Union(validated).Any(seen => seen.Overlaps(row)));
            // A validation score that chooses (a setting, the best epoch, a candidate) is what validation is for; a training
            // score compared with another score of the same rows (train - test > 0.05, both of the training rows) chooses
            // nothing. Rows carved out of the training part only to stop the training are no held-out rows: their score is
            // reported even beside a test score. A helper's score (ValidationMae(model, train, validation)) is placed at its call.
            bool chooses = observed.Compared.Any(choice => choice.Location == use.Rows.Syntax.GetLocation() || choice.Location == use.Call.Syntax.GetLocation())
                && !(onTraining && comparedAsGap(use.Rows.Syntax.GetLocation()));
            if (alsoHeldOut && (onTraining || !CarvedForEarlyStopping(use, fits)) || chooses) continue;
            // A helper returning the validation score of a model it is given leaves the judgement to its caller, which sees the
            // fit and the score at the call (and whether it chooses by it).
            if (!onTraining && use.Model is IParameterSymbol && Returned(use.Call)) continue;
            found.Add((use, onTraining));
        }
        HashSet<ModelUse> last = LastPerModel(found.Where(candidate => candidate.OnTraining).Select(candidate => candidate.Use));
        foreach ((ModelUse use, bool onTraining) in found)
        {
            if (onTraining && !last.Contains(use)) continue;
            string model = ModelTypeName(use);
            Report(DiagnosticDescriptors.ScoreOnTrainingRows, reportedAt(use.Rows.Syntax.GetLocation()) ?? use.Rows.Syntax.GetLocation(), null, onTraining
                ? $"{model} is evaluated on rows it was trained on ('{use.Rows.Syntax}'): that score measures memorisation, not how it does on new rows; evaluate on the test split"
                : $"{model} is evaluated on '{use.Rows.Syntax}', the rows its training watched for early stopping or the best epoch: that score is chosen to look good; evaluate on the test split");
        }
    }

    /// <summary>Whether a score is the model's own call or a report MlDsl.Analysis makes of it, not a helper's (which may print it inside).</summary>
    private bool ScoredByModelOrLibrary(IInvocationOperation call) => symbols.IsModelType(call.TargetMethod.ContainingType)
        || call.TargetMethod.IsStatic && call.TargetMethod.ContainingNamespace?.ToDisplayString() == "MlDsl.Analysis";

    /// <summary>Whether a value is what its method returns (<c>return model.Evaluate(validation).MeanAbsoluteError;</c>).</summary>
    private static bool Returned(IOperation value)
    {
        IOperation? parent = value.Parent;
        while (parent is IConversionOperation or IPropertyReferenceOperation or IFieldReferenceOperation or IParenthesizedOperation) parent = parent.Parent;
        return parent is IReturnOperation;
    }

    /// <summary>
    /// Whether a fit's validation rows chose something: the best epoch kept by early stopping (or options the code does not
    /// show), a fit inside a helper (whose options are the helper's), or test rows watched (MLDSL0018 counts what watching
    /// them chooses). Validation rows only watched for the loss curve are rows the model never learned, so their score is
    /// out-of-sample (as MLDSL0028 counts them).
    /// </summary>
    private bool ChoseOnValidation(ModelFit fit) =>
        !symbols.IsModelType(fit.Call.TargetMethod.ContainingType) || FlowAnalysis.KeepsBestOnValidation(fit.Call) || ValidatesOnTest(fit);

    /// <summary>The model's type, also where a helper scores it (the call is then the helper's, not the model's).</summary>
    private static string ModelTypeName(ModelUse use) => use.Model switch
    {
        ILocalSymbol local => local.Type.Name,
        IParameterSymbol parameter => parameter.Type.Name,
        IFieldSymbol field => field.Type.Name,
        IPropertySymbol property => property.Type.Name,
        _ => use.Call.TargetMethod.ContainingType.Name,
    };

    /// <summary>
    /// Whether the rows are one of several parts of the data: a foreach variable that holds a whole
    /// collection per turn, or a part picked by a constant index (<c>parts[2]</c>).
    /// </summary>
    private static bool OneOfSeveralParts(IOperation rows)
    {
        while (rows is IConversionOperation conversion) rows = conversion.Operand;
        // A part prepared on the way (Prepare(part), scaler.Apply(part)) is still that part.
        if (rows is IInvocationOperation call)
            return call.Arguments.Any(argument => argument.Value.Type is not null && argument.Value.Type.SpecialType == SpecialType.None && OneOfSeveralParts(argument.Value));
        if (rows is IArrayElementReferenceOperation { Indices: [{ ConstantValue.HasValue: true }] }
            or IPropertyReferenceOperation { Arguments: [{ Value.ConstantValue.HasValue: true }] })
            return true;
        if (rows is not ILocalReferenceOperation local) return false;
        foreach (SyntaxReference reference in local.Local.DeclaringSyntaxReferences)
        {
            SyntaxNode declaration = reference.GetSyntax();
            if (declaration is ForEachStatementSyntax) return true;
            if (declaration.FirstAncestorOrSelf<ForEachVariableStatementSyntax>() is { } loop && loop.Variable.Span.Contains(declaration.Span)) return true;
        }
        return false;
    }

    // ---- MLDSL0028: in-sample predictions used as features ----

    private void InSamplePredictionsAsFeatures()
    {
        foreach (LearnEvent predicted in observed.BuiltIntoRows.OfType<LearnEvent>().Where(e => e.Kind == LearnKind.Model))
        {
            bool InSample(ModelUse candidate) => candidate.IsPredict && candidate.Call.Syntax.GetLocation() == predicted.Location && DataFlow.Overlap(candidate.RowsFlow.Rows, predicted.From);
            if (!observed.Uses.Any(InSample) && !observed.HelperPredictions.Any(InSample)) continue;
            Report(DiagnosticDescriptors.InSamplePredictions, predicted.Location, null,
                $"Predictions of {predicted.What} for rows it was trained on become features here: in-sample predictions are better than the model will ever be on new rows, so the next model learns to trust them too much; use out-of-fold predictions (CrossValidation) or a model trained on other rows");
        }
    }

    // ---- MLDSL0017: a statistic of labels written into the features of the rows it was learned from ----

    private void LabelStatisticsInOwnRows()
    {
        foreach (LearnEvent statistic in observed.LabelStatisticsInOwnRows.OrderBy(e => e.Site.SourceSpan.Start))
            Report(DiagnosticDescriptors.LabelLeakage, statistic.Site, null,
                $"{statistic.What} of the labels is written into a feature of the rows it was computed from: each row's own answer is averaged into its feature (in-sample target encoding), so the model learns to read it; compute it out of fold (TargetEncoder) or from other rows");
    }

    // ---- MLDSL0020: the same rows for training and validation ----

    private void SameRowsForTrainingAndValidation()
    {
        foreach (ModelFit fit in observed.Fits)
        {
            if (fit.ValidationArgument is null || ValidatesOnTest(fit) || !DataFlow.Overlap(fit.Train.Rows, fit.Validation.Rows)) continue;
            string model = fit.ModelName;
            string train = LeakageAnalyzer.Argument(fit.Call, "train")?.Value.Syntax.ToString() ?? "", validation = fit.ValidationArgument.Value.Syntax.ToString();
            Report(DiagnosticDescriptors.SameDataTrainAndValidation, fit.ValidationArgument.Syntax.GetLocation(), null, train == validation
                ? $"'{train}' is both the training and the validation data of {model}.Fit, so validation scores only measure memorisation; validate on rows the model does not train on"
                : $"The validation rows of {model}.Fit ('{validation}') are also among its training rows ('{train}'), so validation scores only measure memorisation; validate on rows the model does not train on");
        }
    }

    /// <summary>
    /// A search told to score its candidates on rows it also trains them on (<c>RandomSearch.OnValidation(split.Train, split.Train, ...)</c>):
    /// every candidate is judged on rows it learned, so the one kept is the one that memorises best. Test rows there are MLDSL0018's.
    /// </summary>
    private void SearchValidatedOnItsTrainingRows()
    {
        foreach ((IArgumentOperation argument, DataFlow rows, DataFlow train) in observed.SearchValidations)
        {
            if (rows.Rows.Any(origin => origin.Role == Role.Test && !NamedHoldout(origin)) || !DataFlow.Overlap(train.Rows, rows.Rows)) continue;
            var search = (IInvocationOperation)argument.Parent!;
            string trained = LeakageAnalyzer.Argument(search, "train")?.Value.Syntax.ToString() ?? "", validation = argument.Value.Syntax.ToString();
            Report(DiagnosticDescriptors.SameDataTrainAndValidation, argument.Syntax.GetLocation(), null, trained == validation
                ? $"'{trained}' is both the training and the validation rows of {search.TargetMethod.ContainingType.Name}.{search.TargetMethod.Name}: every candidate is scored on rows it trained on, so the search keeps the one that memorises best; search on the validation split"
                : $"The validation rows of {search.TargetMethod.ContainingType.Name}.{search.TargetMethod.Name} ('{validation}') are also among its training rows ('{trained}'): every candidate is scored on rows it trained on, so the search keeps the one that memorises best; search on the validation split");
        }
    }

    private void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties, string message)
    {
        if (pending is not null)
        {
            pending.Add((descriptor, location, properties, message));
            return;
        }
        if (!reported.Add(location)) return;
        report(Diagnostic.Create(descriptor, location, properties, message));
    }

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
}
