using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// What a helper method returns in terms of its parameters: its body is analysed once with parameter
/// <c>i</c> standing for rows <c>$p{i}</c>, and a call substitutes the arguments' flows, so
/// <c>Normalize(all)</c> is as visible as the fit written inline.
/// </summary>
internal sealed class MethodSummary
{
    private MethodSummary(IMethodSymbol method, DataFlow returned, IReadOnlyList<(ISymbol Member, DataFlow Flow)> memberWrites, IReadOnlyList<ModelEffect> modelEffects,
        IReadOnlyList<DataFlow> heldOut, IReadOnlyList<(int Ordinal, DataFlow Flow)> outWrites, IReadOnlyList<ModelUse> predictions, IReadOnlyCollection<ScoreEvent> chosenScores,
        IReadOnlyList<DataFlow> scored)
    {
        Scored = scored;
        ChosenScores = chosenScores;
        Predictions = predictions;
        OutWrites = outWrites;
        HeldOut = heldOut;
        Method = method;
        Returned = returned;
        MemberWrites = memberWrites;
        ModelEffects = modelEffects;
    }

    public IMethodSymbol Method { get; }
    public DataFlow Returned { get; }

    /// <summary>Fields and properties the method assigns (a scaler kept in a static field), in terms of its parameters.</summary>
    public IReadOnlyList<(ISymbol Member, DataFlow Flow)> MemberWrites { get; }

    /// <summary>Predictions of models the method makes or keeps itself, with their rows in terms of its parameters (see <see cref="LearnEvent.Pinned"/>).</summary>
    public IReadOnlyList<ModelUse> Predictions { get; }

    /// <summary>Scores the method chooses by (a maximum over candidates, an ordering), in terms of its parameters.</summary>
    public IReadOnlyCollection<ScoreEvent> ChosenScores { get; }

    /// <summary>
    /// Scores the method compares with each other (<c>if (score &gt; best)</c>), side by side, in terms of its parameters: a choice
    /// between candidates where both sides are test scores at the call, a diagnosis where one side is a training score.
    /// </summary>
    public IReadOnlyList<(ImmutableHashSet<FlowEvent> Left, ImmutableHashSet<FlowEvent> Right)> ComparedScores { get; private init; } =
        System.Array.Empty<(ImmutableHashSet<FlowEvent>, ImmutableHashSet<FlowEvent>)>();

    /// <summary>Rows the method scores a model on (Evaluate or Predict, on any model), in terms of its parameters.</summary>
    public IReadOnlyList<DataFlow> Scored { get; }

    /// <summary>The source a constructor's parameters are in a member's flow: the arguments of the object's creation, read where it is used.</summary>
    public const string Self = "$self";

    /// <summary>The path of <see cref="Self"/> a positional record's property holds: the argument given for it at the record's creation.</summary>
    public const string PositionalPath = "(positional)";

    /// <summary>What the method leaves in its <c>out</c> and <c>ref</c> parameters, by ordinal, in terms of its parameters.</summary>
    public IReadOnlyList<(int Ordinal, DataFlow Flow)> OutWrites { get; }

    /// <summary>What the method does to models it is given: fits them, or scores them on rows.</summary>
    public IReadOnlyList<ModelEffect> ModelEffects { get; }

    /// <summary>Rows the method splits or cross-validates, in terms of its parameters: a caller's rows are held out there.</summary>
    public IReadOnlyList<DataFlow> HeldOut { get; }

    public static string ParameterSource(int ordinal) => "$p" + ordinal;

    public static MethodSummary? Compute(FlowContext context, IMethodSymbol method, int depth, FlowAnalysis? outer = null,
        IReadOnlyDictionary<IParameterSymbol, MethodSummary>? delegates = null)
    {
        IOperation? body = Body(context.Compilation, method);
        if (body is null) return null;
        var bindings = new Dictionary<ISymbol, DataFlow>(SymbolEqualityComparer.Default);
        foreach (IParameterSymbol parameter in method.Parameters)
            bindings[parameter] = Parameter(parameter, ParameterSource(parameter.Ordinal), context);
        var analysis = new FlowAnalysis(context, bindings, outer, depth, method) { DelegateArguments = delegates };
        analysis.Run(body);
        return new MethodSummary(method, analysis.Returned, analysis.MemberWrites(), analysis.ScoredModelEffects(), analysis.HeldOutInside, analysis.OutWrites(), analysis.Predictions, analysis.ChosenScores, analysis.ScoredInside)
            { OwnScores = analysis.OwnScores, LabelFeatureWrites = analysis.LabelFeatureWrites.ToList(), ComparedScores = analysis.ComparedScores };
    }

    /// <summary>Statistics of labels the method writes into features of rows, in terms of its parameters (hand-written target encoding).</summary>
    public IReadOnlyList<LabelFeatureWrite> LabelFeatureWrites { get; private init; } = System.Array.Empty<LabelFeatureWrite>();

    /// <summary>Models the method makes, trains and scores itself: the rows each trained on and was scored on, in terms of its parameters.</summary>
    public IReadOnlyList<(DataFlow Trained, DataFlow Scored)> OwnScores { get; private init; } = System.Array.Empty<(DataFlow, DataFlow)>();

    /// <summary>A parameter's rows; a split parameter gets its three parts; a model, the rows it was trained on.</summary>
    public static DataFlow Parameter(IParameterSymbol parameter, string source, FlowContext context) => Parameter(parameter, new Origin(source, ""), context);

    /// <summary>A parameter's rows standing for <paramref name="origin"/> (a constructor's parameter: one argument of the object's creation).</summary>
    public static DataFlow Parameter(IParameterSymbol parameter, Origin origin, FlowContext context)
    {
        if (context.Symbols.IsModelType(parameter.Type as INamedTypeSymbol))
            return DataFlow.Empty.WithTrainedOn(ImmutableHashSet.Create(origin));
        DataFlow flow = DataFlow.Of(origin);
        return context.Symbols.IsDataSplit(parameter.Type) ? DataFlow.Split(flow) : flow;
    }

    /// <summary>The body of a method declared in this compilation, or null.</summary>
    public static IOperation? Body(Compilation compilation, IMethodSymbol method)
    {
        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            SyntaxNode syntax = reference.GetSyntax();
            if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree)) continue;
            IOperation? operation = compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax);
            if (operation is IMethodBodyOperation { BlockBody: { } block }) return block;
            if (operation is IMethodBodyOperation { ExpressionBody: { } expression }) return expression;
            if (operation is IConstructorBodyOperation { BlockBody: { } constructorBlock }) return constructorBlock;
            if (operation is IConstructorBodyOperation { ExpressionBody: { } constructorExpression }) return constructorExpression;
            if (operation is ILocalFunctionOperation { Body: { } local }) return local;
            if (operation is IAnonymousFunctionOperation { Body: { } lambda }) return lambda;
            if (operation is IBlockOperation) return operation;
        }
        return null;
    }

    /// <summary>The flow a call returns: parameter rows replaced by the arguments', events moved to the call.</summary>
    public DataFlow Apply(IReadOnlyList<DataFlow> arguments, Location call, DataFlow? self = null) => Substitute(Returned, arguments, call, self);

    /// <summary>
    /// <paramref name="flow"/> with parameter rows replaced by the arguments'; events move to
    /// <paramref name="call"/>, or keep their place inside the method when it is null.
    /// </summary>
    public DataFlow Substitute(DataFlow flow, IReadOnlyList<DataFlow> arguments, Location? call, DataFlow? self = null) =>
        Substitute(flow, arguments, call, Method.MethodKind == MethodKind.AnonymousFunction ? " (through the function given)" : $" (through {Method.Name})", self);

    /// <summary>
    /// <paramref name="flow"/> with parameter rows replaced by the arguments'; statistics the method computes by hand from a
    /// parameter (a vocabulary an object's Fit counts into its field, a step it fits there: <c>scaler = Standardizer.Fit(rows)</c>)
    /// were learned by the call that chose the rows, so they move to <paramref name="call"/>, once per call: the helper fits
    /// whatever it is given, and the caller's choice of rows is the line to change (as for a constructor's arguments).
    /// </summary>
    public DataFlow SubstituteLearnedFromArguments(DataFlow flow, IReadOnlyList<DataFlow> arguments, Location call) =>
        Substitute(flow, arguments, call, $" (through {Method.Name})", self: null,
            moves: flowEvent => flowEvent is LearnEvent { Kind: not LearnKind.Model } && flowEvent.From.Any(origin => Ordinal(origin.Source) >= 0));

    /// <summary>
    /// <paramref name="flow"/> (what a constructor leaves in a member) with parameter rows replaced by the creation's arguments;
    /// every statistic learned from them, a step fitted on them included (<c>selector = SelectKBest.Fit(rows, ...)</c>), moves to
    /// <paramref name="creation"/>: the object learns when it is made, whatever method later applies what it learned, so the
    /// creation is the line to change.
    /// </summary>
    public DataFlow SubstituteLearnedAtCreation(DataFlow flow, IReadOnlyList<DataFlow> arguments, Location creation) =>
        Substitute(flow, arguments, creation, $" (in the constructor of {Method.ContainingType.Name})", self: null,
            moves: flowEvent => flowEvent is LearnEvent { Kind: not LearnKind.Model } && flowEvent.From.Any(origin => Ordinal(origin.Source) >= 0));

    /// <summary>The ordinal of the parameter a flow is exactly (all its rows, nothing else), or -1.</summary>
    public static int ParameterOf(DataFlow flow) =>
        flow.Rows.Count == 1 && flow.Rows.First() is { Path.Length: 0 } origin ? Ordinal(origin.Source) : -1;

    private DataFlow Substitute(DataFlow flow, IReadOnlyList<DataFlow> arguments, Location? call, string through, DataFlow? self,
        System.Func<FlowEvent, bool>? moves = null)
    {
        if (flow.IsEmpty) return flow;

        var events = ImmutableHashSet.CreateBuilder<FlowEvent>();
        ImmutableHashSet<Origin> rows = Rows(flow.Rows, arguments, events, self, call);
        foreach (FlowEvent flowEvent in flow.Events)
        {
            // What the object learned from the rows it was made with is where it was made (new Clipper(rows, q)), at every use.
            if (self is not null && LearnedAtCreation(flowEvent, self) is { } made)
            {
                events.Add(made);
                continue;
            }
            // What an object's method learned from the object's own members (rows its constructor read and kept) is reported by
            // the class's own analysis, which sees the fit and what the class does with those rows; the call adds nothing to it.
            if (self is not null && flowEvent is LearnEvent { Kind: not LearnKind.Model, ReportedInHelper: false } own && !own.From.IsEmpty && own.From.All(OfTheObject))
            {
                events.Add(new LearnEvent(own.Location, own.What, own.Kind, own.From, reportedInHelper: true, own.WithinGroups)
                    { Pinned = own.Pinned, OfLabels = own.OfLabels, LearnedAt = own.Site, ReadsLabels = own.ReadsLabels });
                continue;
            }
            // Statistics the helper itself learns from the test or validation member of what it is given (parts.Test) are
            // reported inside the helper by its own analysis: they keep their place, so the call does not report them again.
            events.Add(flowEvent is LearnEvent { Kind: not LearnKind.Model } inside && (inside.FromRole(Role.Test) || inside.FromRole(Role.Validation))
                ? new LearnEvent(inside.Location, inside.What, inside.Kind, Rows(inside.From, arguments, events, self, call), reportedInHelper: true, inside.WithinGroups) { Pinned = inside.Pinned, OfLabels = inside.OfLabels, LearnedAt = inside.Site, ReadsLabels = inside.ReadsLabels }
                : call is null || flowEvent is LearnEvent { Pinned: true } || moves?.Invoke(flowEvent) == false || Captured(flowEvent) || LearnedFromOwnRows(flowEvent)
                    ? flowEvent.With(Rows(flowEvent.From, arguments, events, self, call), flowEvent.Location, flowEvent.What)
                : flowEvent.With(Rows(flowEvent.From, arguments, events, self, call), call,
                    flowEvent.What.EndsWith(")", System.StringComparison.Ordinal) ? flowEvent.What : flowEvent.What + through));
        }
        ImmutableHashSet<Origin> trainedOn = Rows(flow.TrainedOn, arguments, null, self, call);
        ImmutableArray<DataFlow> parts = flow.Parts.IsDefault ? default
            : flow.Parts.Select(part => Substitute(part, arguments, call, through, self, moves)).ToImmutableArray();
        return new DataFlow(rows, events.ToImmutable(), trainedOn, parts, flow.PartNames);
    }

    /// <summary>
    /// Rows with <c>$p{i}</c> replaced by argument i's rows; the events argument rows carry join <paramref name="carried"/>.
    /// Rows the method builds itself are built anew for each <paramref name="call"/> (see <see cref="MadeRows"/>).
    /// </summary>
    /// <summary>
    /// Whether an event of a local function's or lambda's flow happened outside it: a statistic of the body around it that it
    /// captures (<c>monthlyRain</c> read in <c>Anomaly(part)</c>) was learned where it was learned, not at each call.
    /// </summary>
    private bool Captured(FlowEvent flowEvent) => Method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction
        && Method.DeclaringSyntaxReferences.FirstOrDefault() is { } declared && flowEvent.Location.SourceTree == declared.SyntaxTree
        && !declared.Span.Contains(flowEvent.Location.SourceSpan);

    private ImmutableHashSet<Origin> Rows(ImmutableHashSet<Origin> origins, IReadOnlyList<DataFlow> arguments, ImmutableHashSet<FlowEvent>.Builder? carried, DataFlow? self,
        Location? call)
    {
        if (origins.IsEmpty) return origins;
        var result = ImmutableHashSet.CreateBuilder<Origin>();
        foreach (Origin origin in origins)
        {
            // What the object was created with (new Stacker(all)) stands for its constructor's parameters.
            if (self is not null && origin.Source == Self)
            {
                // A positional record's property is what the record was created with: its statistics too (a fitted step).
                if (origin.Path == PositionalPath && !self.Events.IsEmpty) carried?.UnionWith(self.Events);
                if (origin.Path == PositionalPath)
                {
                    result.UnionWith(self.Rows.Union(self.TrainedOn));
                    continue;
                }
                // One constructor argument (new Tuner(train, held) keeps 'held') is the rows given for it, not every argument's.
                (DataFlow given, string rest) = ObjectState.GivenFor(self, origin.Path);
                foreach (Origin actual in given.Rows.Union(given.TrainedOn))
                    result.Add(rest.Length == 0 ? actual : actual.Narrow(rest));
                continue;
            }
            // A member of the object read where nothing in sight assigned it is what its creation put there (new Tuner { Rows = part }).
            if (self is not null && ObjectState.MemberGiven(self, origin) is { } member)
            {
                foreach (Origin actual in member.Rows.Union(member.TrainedOn)) result.Add(origin.Path.Length == 0 ? actual : actual.Narrow(origin.Path));
                continue;
            }
            int ordinal = Ordinal(origin.Source);
            if (ordinal < 0 || ordinal >= arguments.Count)
            {
                // Only rows built by the method itself (or its helpers) are built anew; rows a local function captures are the body's.
                if (ordinal < 0) result.Add(call is not null && MadeRows.IsMade(origin.Source) && MadeRows.BuiltWithin(origin.Source, Method)
                    ? new Origin(MadeRows.AtCall(origin.Source, call), origin.Path) : origin);
                continue;
            }
            DataFlow argument = arguments[ordinal];
            if (!argument.Events.IsEmpty) carried?.UnionWith(argument.Events);
            string path = origin.Path;
            string first = path.Split('/')[0];
            int part = first switch { "T" => 0, "V" => 1, "X" => 2, _ => -1 };
            if (part >= 0 && !argument.Parts.IsDefault && argument.Parts.Length == 3 && argument.PartNames.IsDefault)
            {
                argument = argument.Parts[part];
                path = path.Length > 1 ? path.Substring(2) : "";
            }
            else if (argument.NamedPart(first) is { } named)
            {
                // A member of a record of parts (parts.Test) is the argument given for it, not every part of the record.
                argument = named;
                path = path.Length > first.Length ? path.Substring(first.Length + 1) : "";
            }
            // A model argument stands for the rows it was trained on (a helper's predictions carry them).
            foreach (Origin actual in argument.Rows.Union(argument.TrainedOn))
                result.Add(path.Length == 0 ? actual : actual.Narrow(path));
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// The statistic an object (<paramref name="self"/>) learned when it was made, for a statistic its constructor learns from its
    /// arguments (<c>$self</c>) and a method reads from a field: the object's own event from that place, moved to its creation.
    /// </summary>
    private static LearnEvent? LearnedAtCreation(FlowEvent flowEvent, DataFlow self) =>
        flowEvent is LearnEvent learned && learned.From.Any(origin => origin.Source == Self)
            ? self.EventsOf<LearnEvent>().FirstOrDefault(made => made.Site == learned.Site && made.Location != learned.Location) : null;

    /// <summary>
    /// A statistic the method learns from rows it is not given: rows it reads or builds itself, or values a local function or
    /// a lambda captures from the body around it (<c>mean</c> of every row, a selector fitted there). The mistake is where
    /// it is learned, whatever rows are later passed through the method, so it keeps its place instead of moving to each call.
    /// </summary>
    private static bool LearnedFromOwnRows(FlowEvent flowEvent) =>
        flowEvent is LearnEvent { Kind: LearnKind.Fit or LearnKind.Aggregate } learned && !learned.From.IsEmpty
        && learned.From.All(origin => Ordinal(origin.Source) < 0 && origin.Source != Self);

    /// <summary>Rows an object holds: what it was created with, or a member of its own read where nothing assigned it in sight.</summary>
    private static bool OfTheObject(Origin origin) => origin.Source == Self || origin.Source.StartsWith("this.", System.StringComparison.Ordinal);

    private static int Ordinal(string source) =>
        source.StartsWith("$p", System.StringComparison.Ordinal) && int.TryParse(source.Substring(2), out int ordinal) ? ordinal : -1;
}
