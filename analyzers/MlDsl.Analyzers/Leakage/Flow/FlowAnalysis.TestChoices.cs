using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Test scores reaching a choice through shapes the plain rules do not see: a scoring function kept in a container
/// (<c>candidates.MaxBy(c =&gt; c.Score(test))</c>), a <c>FoldScorer</c> invoked by hand, a filter keeping candidates whose
/// test score passes a bar, rows kept by a predicate on test predictions and then counted (an error count), and a statistic
/// of the test labels used as the rank of a cutoff. What only ranks predictions by themselves (a percentile of them) or
/// compares a prediction with a cutoff made from the same predictions chooses nothing between candidates.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>Calls that keep the candidates a predicate accepts: with a test score in the predicate, a selection on test.</summary>
    private static readonly HashSet<string> Filters = new(System.StringComparer.Ordinal)
    {
        "Where", "TakeWhile", "SkipWhile", "First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault", "FindAll", "Find", "RemoveAll",
    };

    /// <summary>Calls whose count or index argument cuts an ordered sequence: the rank of a cutoff.</summary>
    private static readonly HashSet<string> RankCuts = new(System.StringComparer.Ordinal) { "ElementAt", "ElementAtOrDefault", "Take", "Skip", "TakeLast", "SkipLast" };

    /// <summary>
    /// <c>Enumerable.Repeat(row, n)</c>: n copies of the row's rows. Copies of a row that also stays among the rows (concatenated
    /// back, or every row repeated by a <c>SelectMany</c>) land on both sides of a later split.
    /// </summary>
    private DataFlow RepeatedRows(IInvocationOperation call, List<IArgumentOperation> arguments)
    {
        DataFlow element = Eval(arguments[0].Value).WithParts(default);
        IOperation count = arguments[1].Value;
        Eval(count);
        if (element.Rows.IsEmpty || count.ConstantValue is { HasValue: true, Value: int times } && times <= 1) return element;
        return element.WithEvent(new MultiplyEvent(call.Syntax.GetLocation(), "Enumerable.Repeat", element.Rows));
    }

    /// <summary>
    /// A flow whose copies made inside <paramref name="outer"/> (a <c>Repeat</c> in its lambda, a <c>SelectMany</c> in its
    /// argument) are reported once, at <paramref name="outer"/>: the copies the outer call makes include them.
    /// </summary>
    private static DataFlow Subsumed(DataFlow flow, IOperation outer)
    {
        List<FlowEvent> inner = flow.EventsOf<MultiplyEvent>().Where(copies => copies.Location.SourceTree == outer.Syntax.SyntaxTree
            && outer.Syntax.Span.Contains(copies.Location.SourceSpan) && copies.Location.SourceSpan != outer.Syntax.Span).Cast<FlowEvent>().ToList();
        return inner.Count == 0 ? flow : new DataFlow(flow.Rows, flow.Events.Except(inner), flow.TrainedOn, flow.Parts, flow.PartNames);
    }

    /// <summary>Whether a lambda's result carries copies made inside <paramref name="call"/> (an <c>Enumerable.Repeat</c> of the element).</summary>
    private static bool CopiesInside(DataFlow result, IOperation call) => result.EventsOf<MultiplyEvent>()
        .Any(copies => copies.Location.SourceTree == call.Syntax.SyntaxTree && call.Syntax.Span.Contains(copies.Location.SourceSpan));

    /// <summary>
    /// A filter's predicate (<c>Where</c>, <c>First</c>, ...): the scores it reads. Over candidates (models, settings: no rows), a
    /// test score in the predicate keeps some candidates and drops others by it, a choice even against a constant bar. Over rows,
    /// the rows kept by a predicate on predictions (the wrong ones) carry those predictions' scores, so counting them is a score.
    /// </summary>
    private DataFlow FilteredBy(IInvocationOperation call, DataFlow source, List<IArgumentOperation> arguments)
    {
        IArgumentOperation? predicate = arguments.FirstOrDefault(argument => IsLambda(argument.Value));
        if (predicate is null) return DataFlow.Empty;
        DataFlow result = Lambda(predicate.Value, source, distinctParameters: false);
        ImmutableHashSet<FlowEvent> scores = result.EventsOf<ScoreEvent>().ToImmutableHashSet<FlowEvent>();
        ImmutableHashSet<Origin> given = ValueParameters(result);
        if (scores.IsEmpty && given.IsEmpty) return DataFlow.Empty;
        ITypeSymbol? element = ElementType(call.Instance?.Type ?? call.Arguments.FirstOrDefault()?.Value.Type);
        if (element is not null && !context.IsRowTyped(element))
        {
            // The predicate's own scores, not what the candidates already carry (a score kept beside each of them is read, not made here).
            // Predictions pick candidates only where the candidates are models; over indices they pick rows (the flagged ones).
            bool models = element is INamedTypeSymbol named && Symbols.IsModelType(named);
            ScoreEvent[] chosen = TestScores(result).Where(score => !source.Events.Contains(score) && (models || !IsPrediction(score))).ToArray();
            Observed?.Chose(chosen, call.Syntax.GetLocation());
            Observed?.Compared.UnionWith(result.EventsOf<ScoreEvent>());
            if (depth > 0) ChosenScores.UnionWith(result.EventsOf<ScoreEvent>());
            return DataFlow.Empty;
        }
        return new DataFlow(given, scores, ImmutableHashSet<Origin>.Empty, default);
    }

    private static bool IsLambda(IOperation value)
    {
        while (value is IConversionOperation or IDelegateCreationOperation)
            value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
        return value is IAnonymousFunctionOperation;
    }

    /// <summary>The element type of a sequence type (an array's, or the <c>T</c> of its <c>IEnumerable&lt;T&gt;</c>).</summary>
    private static ITypeSymbol? ElementType(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol named => named.AllInterfaces.Append(named)
            .FirstOrDefault(candidate => candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)?.TypeArguments[0],
        _ => null,
    };

    /// <summary>
    /// The scores an ordering or a maximum chooses by, less the predictions its elements are themselves (<c>scores.OrderBy(s =&gt; s)</c>,
    /// <c>probabilities.Max()</c>): ranking predictions by their own value is a percentile of them, not a choice between candidates.
    /// </summary>
    private static DataFlow WithoutOwnPredictions(DataFlow keys, DataFlow source)
    {
        List<FlowEvent> own = keys.EventsOf<ScoreEvent>().Where(score => IsPrediction(score) && source.Events.Contains(score)).Cast<FlowEvent>().ToList();
        return own.Count == 0 ? keys : new DataFlow(keys.Rows, keys.Events.Except(own), keys.TrainedOn, keys.Parts, keys.PartNames);
    }

    private static bool IsPrediction(ScoreEvent score) => score.What.StartsWith("Predict", System.StringComparison.Ordinal);

    /// <summary>Whether a method's scores are measured on rows of the object it is called on (a Test part its constructor split off).</summary>
    private static bool ScoresOwnParts(MethodSummary summary) =>
        summary.Returned.EventsOf<ScoreEvent>().Any(score => score.From.Any(origin => origin.Source == MethodSummary.Self));

    /// <summary>
    /// Test scores of a comparison's side that choose: one row's prediction (<c>scores[i] &gt;= cutoff</c>, <c>p[i][1] &gt; t</c>) is
    /// a value a cutoff is applied to, not a candidate's score weighed against another; a metric made from predictions is one.
    /// </summary>
    private static ScoreEvent[] ComparedTestScores(IOperation operand, DataFlow side)
    {
        while (operand is IConversionOperation or IParenthesizedOperation)
            operand = operand is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operand).Operand;
        bool onePrediction = operand is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true }
            or IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } };
        return TestScores(side).Where(score => !(onePrediction && IsPrediction(score))).ToArray();
    }

    /// <summary>
    /// The rank or count of a cut of an ordered sequence (<c>ElementAt((int)(rate * n))</c>, <c>Take(k)</c>): a statistic of the
    /// test labels there (the test's fraud rate as "flag the top k%") sets the cutoff from the test set's answers.
    /// </summary>
    private void RankFromTestLabels(string name, List<IArgumentOperation> arguments)
    {
        if (Observed is null || !RankCuts.Contains(name) || arguments.Count == 0) return;
        DataFlow rank = Eval(arguments[arguments.Count - 1].Value);
        foreach (LearnEvent statistic in rank.EventsOf<LearnEvent>())
            if (statistic.Kind == LearnKind.Aggregate && statistic.ReadsLabels && statistic.FromRole(Role.Test)) Observed.CutsByTestLabels.Add(statistic);
    }

    /// <summary>
    /// A delegate invoked where its target is not a local or parameter this body knows (<c>c.Score(test)</c> of a tuple in an array of
    /// candidates): the lambdas of that delegate type written in this body (or a <c>FoldScorer</c>'s declared contract) run there.
    /// Null when nothing is known about it.
    /// </summary>
    private DataFlow? UnknownDelegate(IInvocationOperation invocation, IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.DelegateInvoke || invocation.Instance is null) return null;
        ISymbol? holder = Holder(invocation.Instance);
        if (holder is ILocalSymbol or IParameterSymbol)
            return IsFoldScorer(method.ContainingType) ? FoldScored(invocation) : null;
        DataFlow? returned = null;
        foreach (IMethodSymbol lambda in LambdasOfType(invocation, method.ContainingType))
            if (LocalSummary(lambda) is { } summary) returned = (returned ?? DataFlow.Empty).Join(Helper(invocation, method, summary));
        if (returned is null && IsFoldScorer(method.ContainingType)) return FoldScored(invocation);
        return returned is null ? null : ScoresAtArguments(invocation, returned);
    }

    /// <summary>
    /// A function invoked on rows is changed by the rows given, not by its call: a score it returns is placed at the argument whose
    /// rows it was measured on (<c>c.Score(test)</c> at <c>test</c>), where there is one such argument.
    /// </summary>
    private DataFlow ScoresAtArguments(IInvocationOperation invocation, DataFlow returned)
    {
        Location call = invocation.Syntax.GetLocation();
        List<FlowEvent> moved = returned.EventsOf<ScoreEvent>().Where(score => score.Location == call).Cast<FlowEvent>().ToList();
        if (moved.Count == 0) return returned;
        ImmutableHashSet<FlowEvent> events = returned.Events;
        foreach (ScoreEvent score in moved.Cast<ScoreEvent>())
        {
            IArgumentOperation[] measured = invocation.Arguments.Where(argument => DataFlow.Overlap(Eval(argument.Value).Rows, score.From)).ToArray();
            if (measured.Length != 1) continue;
            events = events.Remove(score).Add(new ScoreEvent(measured[0].Value.Syntax.GetLocation(), score.What, score.From));
        }
        return new DataFlow(returned.Rows, events, returned.TrainedOn, returned.Parts, returned.PartNames);
    }

    private Dictionary<ITypeSymbol, List<IMethodSymbol>>? lambdasByType;

    /// <summary>The lambdas of a delegate type written in the body around <paramref name="site"/>, found once per type.</summary>
    private List<IMethodSymbol> LambdasOfType(IOperation site, ITypeSymbol delegateType)
    {
        lambdasByType ??= new Dictionary<ITypeSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
        if (lambdasByType.TryGetValue(delegateType, out List<IMethodSymbol>? known)) return known;
        IOperation root = site;
        while (root.Parent is not null) root = root.Parent;
        var found = new List<IMethodSymbol>();
        foreach (IAnonymousFunctionOperation lambda in root.Descendants().OfType<IAnonymousFunctionOperation>())
        {
            if (lambda.Parent is not IDelegateCreationOperation { Type: { } made } || !SymbolEqualityComparer.Default.Equals(made, delegateType)) continue;
            // A lambda invoked here may not invoke itself (its summary would be computed inside its own summary).
            if (lambda.Syntax.Span.Contains(site.Syntax.Span)) continue;
            found.Add(lambda.Symbol);
            if (found.Count == 8) break;
        }
        lambdasByType[delegateType] = found;
        return found;
    }

    private Dictionary<IParameterSymbol, bool>? pathParameters;

    /// <summary>
    /// Whether a constructor declared here reads rows from the path given as <paramref name="parameter"/> (<c>CsvFile.Read&lt;Loan&gt;(path)</c>):
    /// the object then holds that file's rows, split or not, as a helper given the path does.
    /// </summary>
    private bool ReadsPath(IMethodSymbol? constructor, IParameterSymbol? parameter)
    {
        if (constructor is null || parameter is null || parameter.Type.SpecialType != SpecialType.System_String || constructor.DeclaringSyntaxReferences.IsEmpty) return false;
        pathParameters ??= new Dictionary<IParameterSymbol, bool>(SymbolEqualityComparer.Default);
        if (pathParameters.TryGetValue(parameter, out bool known)) return known;
        bool reads = MethodSummary.Body(context.Compilation, constructor) is { } body && body.Descendants().OfType<IInvocationOperation>().Any(call =>
            context.IsRowTyped(call.Type) && call.Arguments.FirstOrDefault()?.Value is { } path && path.DescendantsAndSelf().OfType<IParameterReferenceOperation>()
                .Any(reference => SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter)));
        pathParameters[parameter] = reads;
        return reads;
    }

    /// <summary><c>MlDsl.Data.Tuning.FoldScorer&lt;T&gt;</c>: trains on its first argument and returns a score on its second.</summary>
    private static bool IsFoldScorer(INamedTypeSymbol? type) =>
        type?.OriginalDefinition is { Name: "FoldScorer", Arity: 1 } scorer && scorer.ContainingNamespace?.ToDisplayString() == "MlDsl.Data.Tuning";

    /// <summary>A <c>FoldScorer</c> whose body is not here (one <c>CrossValidation.TrainModel</c> made) invoked by hand: a score of its second argument.</summary>
    private DataFlow FoldScored(IInvocationOperation invocation)
    {
        if (invocation.Arguments.Length < 2) return DataFlow.Empty;
        Eval(invocation.Arguments[0].Value);
        IArgumentOperation scoredOn = invocation.Arguments[1];
        DataFlow rows = Eval(scoredOn.Value);
        if (rows.Rows.IsEmpty) return DataFlow.Empty;
        Scored(rows);
        var score = new ScoreEvent(scoredOn.Value.Syntax.GetLocation(), "FoldScorer", rows.Rows);
        return new DataFlow(ImmutableHashSet<Origin>.Empty, ImmutableHashSet.Create<FlowEvent>(score), ImmutableHashSet<Origin>.Empty, default);
    }
}
