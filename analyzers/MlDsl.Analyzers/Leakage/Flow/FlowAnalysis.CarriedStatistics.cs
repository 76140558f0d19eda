using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Statistics that travel inside values: a lambda, a local function or a method group kept in a variable, a dictionary, a
/// tuple or a returned value carries the statistics it captures (a mean of every row read in its body) and which function
/// it is (<see cref="FunctionEvent"/>), so applying it anywhere (<c>Select(rescale)</c>, <c>prepare(rows)</c> from a
/// dictionary of fitters) changes rows with what it learned, and a function that fits on its own argument fits where it is
/// invoked. An object made from rows whose constructor learns from them (<c>new Clipper(rows, q)</c>) carries what it
/// learned from the place it was made. A transformation held as a value is one leak: of the statistics it captures from the
/// same rows only the first is kept, so it is reported once, as a fitted step is.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>The syntax of the body <see cref="Run"/> walks: a lambda declared in it reads this analysis's values.</summary>
    private SyntaxNode? runRoot;

    /// <summary>
    /// The value of a function written or named as a value: the statistics (not the rows) it captures from the body around it,
    /// one per set of rows, and the function itself. A method group of an object (<c>clipper.Apply</c>) carries what the object
    /// learned; one of a local function, what that function captures.
    /// </summary>
    private DataFlow FunctionValue(IOperation function)
    {
        switch (function)
        {
            case IAnonymousFunctionOperation lambda:
                return Carrying(lambda.Symbol, CapturedStatistics(lambda.Body, lambda.Symbol, visiting: null));
            case IMethodReferenceOperation { Method: var method } reference:
            {
                // A library method of an object (scaler.ApplyRow) applies what the object holds, as before.
                if (method.DeclaringSyntaxReferences.IsEmpty) return reference.Instance is null ? DataFlow.Empty : Eval(reference.Instance);
                IEnumerable<LearnEvent> carried = reference.Instance is null or IInstanceReferenceOperation
                    ? Enumerable.Empty<LearnEvent>() : Statistics(Eval(reference.Instance));
                if (method.MethodKind == MethodKind.LocalFunction && MethodSummary.Body(context.Compilation, method) is { } body)
                    carried = carried.Concat(CapturedStatistics(body, method, visiting: null));
                return Carrying(method, carried);
            }
            default:
                return DataFlow.Empty;
        }
    }

    private static DataFlow Carrying(IMethodSymbol function, IEnumerable<LearnEvent> statistics)
    {
        ImmutableHashSet<FlowEvent> events = OnePerRows(statistics).Cast<FlowEvent>().ToImmutableHashSet()
            .Add(new FunctionEvent(function));
        return new DataFlow(ImmutableHashSet<Origin>.Empty, events, ImmutableHashSet<Origin>.Empty, default);
    }

    /// <summary>
    /// The statistics a function's body reads from outside it: the values of the locals, parameters and members it captures,
    /// and what the local functions it calls capture in turn.
    /// </summary>
    private IEnumerable<LearnEvent> CapturedStatistics(IOperation body, IMethodSymbol function, HashSet<IMethodSymbol>? visiting)
    {
        SyntaxReference? declared = function.DeclaringSyntaxReferences.FirstOrDefault();
        bool Inside(ISymbol symbol) => declared is not null && symbol.Locations.FirstOrDefault() is { } at
            && at.SourceTree == declared.SyntaxTree && declared.Span.Contains(at.SourceSpan);
        var found = new List<LearnEvent>();
        foreach (IOperation node in body.DescendantsAndSelf())
        {
            ISymbol? read = node switch
            {
                ILocalReferenceOperation local when !Inside(local.Local) => local.Local,
                IParameterReferenceOperation parameter when !Inside(parameter.Parameter) => parameter.Parameter,
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
                IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.Length: 0 } property => property.Property,
                _ => null,
            };
            if (read is not null)
            {
                found.AddRange(Statistics(Read(read)));
                continue;
            }
            IMethodSymbol? called = node switch
            {
                IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } call => call.TargetMethod,
                IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference => reference.Method,
                _ => null,
            };
            if (called is null || Inside(called)) continue;
            visiting ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { function };
            if (visiting.Add(called.OriginalDefinition) && MethodSummary.Body(context.Compilation, called) is { } calledBody)
                found.AddRange(CapturedStatistics(calledBody, called, visiting));
        }
        return found;
    }

    /// <summary>Of statistics learned from the same rows, the first in the source: one transformation, one leak.</summary>
    private static List<LearnEvent> OnePerRows(IEnumerable<LearnEvent> statistics)
    {
        var kept = new List<LearnEvent>();
        foreach (LearnEvent statistic in statistics.Distinct().OrderBy(e => e.Location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(e => e.Location.SourceSpan.Start))
            if (!kept.Any(known => known.From.SetEquals(statistic.From))) kept.Add(statistic);
        return kept;
    }

    /// <summary>
    /// What a lambda or local function applied here gives, with the statistics it captures from the same rows reduced to the
    /// first (see <see cref="OnePerRows"/>); any other method's result is returned as it is.
    /// </summary>
    private static DataFlow OneCapturedStatisticPerRows(DataFlow flow, IMethodSymbol function)
    {
        if (function.MethodKind is not (MethodKind.AnonymousFunction or MethodKind.LocalFunction) || flow.Events.IsEmpty) return flow;
        if (function.DeclaringSyntaxReferences.FirstOrDefault() is not { } declared) return flow;
        List<LearnEvent> captured = Statistics(flow).Where(e => e.Location.SourceTree == declared.SyntaxTree && !declared.Span.Contains(e.Location.SourceSpan)).ToList();
        if (captured.Count < 2) return flow;
        List<LearnEvent> kept = OnePerRows(captured);
        if (kept.Count == captured.Count) return flow;
        ImmutableHashSet<FlowEvent> events = flow.Events.Except(captured.Where(e => !kept.Contains(e)));
        return new DataFlow(flow.Rows, events, flow.TrainedOn, flow.Parts, flow.PartNames);
    }

    /// <summary>A function value's events without the functions it may be: what rows passed through it are changed with.</summary>
    private static DataFlow WithoutFunctions(DataFlow flow)
    {
        if (!flow.EventsOf<FunctionEvent>().Any()) return flow;
        return new DataFlow(flow.Rows, flow.Events.Where(e => e is not FunctionEvent).ToImmutableHashSet(), flow.TrainedOn, flow.Parts, flow.PartNames);
    }

    /// <summary>
    /// A delegate invoked whose body is known only from the value it holds (taken from a dictionary of functions, returned by a
    /// helper): each function it may be runs with the arguments given, as a helper does, and what the value carries joins the
    /// result. Null when the value holds no function with a body here.
    /// </summary>
    private DataFlow? InvokeHeldFunctions(IInvocationOperation invocation)
    {
        DataFlow held = Eval(invocation.Instance);
        DataFlow? result = null;
        foreach (IMethodSymbol function in held.EventsOf<FunctionEvent>().Select(e => e.Function).Distinct<IMethodSymbol>(SymbolEqualityComparer.Default).ToList())
        {
            if (SummaryOf(function) is not { } summary) continue;
            result = (result ?? DataFlow.Empty).Join(OneCapturedStatisticPerRows(Helper(invocation, invocation.TargetMethod, summary), function));
        }
        return result?.Join(WithoutFunctions(EventsOnly(held)));
    }

    /// <summary>Whether a lambda is written in the body this analysis (or one around it) walks, so that it reads their values.</summary>
    private bool DeclaredHere(IMethodSymbol function)
    {
        if (function.DeclaringSyntaxReferences.FirstOrDefault() is not { } declared) return false;
        for (FlowAnalysis? analysis = this; analysis is not null; analysis = analysis.outer)
            if (analysis.runRoot is { } root && root.SyntaxTree == declared.SyntaxTree && root.Span.Contains(declared.Span)) return true;
        return false;
    }

    /// <summary>
    /// Statistics an object learns from the rows it is made with, in its constructor (<c>new Clipper(rows, 0.95f)</c> sorting them
    /// into a percentile kept in a field, <c>new BandPicker(rows)</c> fitting a selector kept in one): learned where it is made, and
    /// carried by the object to every use of its methods.
    /// </summary>
    private DataFlow LearnedAtCreation(IObjectCreationOperation creation)
    {
        if (creation.Constructor is not { DeclaringSyntaxReferences.IsEmpty: false } constructor) return DataFlow.Empty;
        List<DataFlow> arguments = creation.Arguments.OrderBy(argument => argument.Parameter?.Ordinal ?? 0).Select(argument => Eval(argument.Value)).ToList();
        if (arguments.All(argument => argument.Rows.IsEmpty) || SummaryOf(constructor) is not { } summary) return DataFlow.Empty;
        Location made = creation.Syntax.GetLocation();
        var learned = ImmutableHashSet.CreateBuilder<FlowEvent>();
        foreach ((ISymbol _, DataFlow written) in summary.MemberWrites)
            foreach (LearnEvent statistic in Statistics(summary.SubstituteLearnedAtCreation(written, arguments, made)))
                if (statistic.Location == made) learned.Add(statistic);
        return learned.Count == 0 ? DataFlow.Empty : new DataFlow(ImmutableHashSet<Origin>.Empty, learned.ToImmutable(), ImmutableHashSet<Origin>.Empty, default);
    }

    /// <summary>
    /// <c>values.OrderBy(v =&gt; v).ToArray()</c> of numbers taken from rows: the sorted values are the rows' distribution, from
    /// which any rank picks a quantile (bin edges, a clipping bound); learned here, where they are kept.
    /// </summary>
    private bool IsSortedValues(IInvocationOperation call, string name, DataFlow source) =>
        name is "ToArray" or "ToList" or "ToImmutableArray" or "ToImmutableList" && !source.Rows.IsEmpty
        && SortedElementType(call.Type) is { } element && IsNumber(element)
        && SortedByValue(call.Instance ?? call.Arguments.FirstOrDefault()?.Value, hops: 0) && !OverOneRow(call);

    /// <summary>An array's element type, or the one type argument of a generic collection (a List&lt;double&gt;).</summary>
    private static ITypeSymbol? SortedElementType(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol { TypeArguments.Length: 1 } named => named.TypeArguments[0],
        _ => null,
    };

    /// <summary>
    /// Whether a model scored in a lambda or local function being summarised is a local or parameter of the body around it
    /// (<c>Func&lt;...&gt; accuracy = rows =&gt; model.Evaluate(rows).Accuracy</c>): scoring it is scoring that body's model.
    /// </summary>
    private bool CapturedFromAround(ISymbol? model)
    {
        if (depth == 0 || owner is not { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } function || model is not (ILocalSymbol or IParameterSymbol)) return false;
        if (function.DeclaringSyntaxReferences.FirstOrDefault() is not { } declared || model.Locations.FirstOrDefault() is not { } at) return false;
        return at.SourceTree == declared.SyntaxTree && !declared.Span.Contains(at.SourceSpan);
    }

    /// <summary>How many learned values pass a test (<c>edges.Count(e =&gt; age &gt;= e)</c>): a value of those statistics.</summary>
    private static DataFlow CountOfLearnedValues(DataFlow source)
    {
        ImmutableHashSet<FlowEvent> events = source.Events.Where(e => e is ScoreEvent || e is LearnEvent { Kind: not LearnKind.Model }).ToImmutableHashSet();
        return events.IsEmpty ? DataFlow.Empty : new DataFlow(ImmutableHashSet<Origin>.Empty, events, ImmutableHashSet<Origin>.Empty, default);
    }
}

/// <summary>The value may be this function (a lambda, a local function, a method): invoking the value runs its body.</summary>
internal sealed class FunctionEvent : FlowEvent
{
    public FunctionEvent(IMethodSymbol function)
        : base(function.Locations.FirstOrDefault() ?? Location.None, function.Name, ImmutableHashSet<Origin>.Empty)
    {
        Function = function;
    }

    public IMethodSymbol Function { get; }

    /// <summary>A function stays the function it is, whoever hands it on.</summary>
    public override FlowEvent With(ImmutableHashSet<Origin> from, Location location, string what) => this;
}
