using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

internal sealed partial class FlowAnalysis
{
    /// <summary>LINQ and collection calls that keep the rows they are given.</summary>
    private static readonly HashSet<string> PassThrough = new(StringComparer.Ordinal)
    {
        "ToList", "ToArray", "AsEnumerable", "AsReadOnly", "Cast", "OfType", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending",
        "Reverse", "Order", "OrderDescending", "ToImmutableArray", "ToImmutableList", "Shuffle", "First", "FirstOrDefault", "Last",
        "LastOrDefault", "Single", "SingleOrDefault", "ElementAt", "ElementAtOrDefault", "DefaultIfEmpty", "Distinct",
    };

    /// <summary>Calls that keep some of the rows they are given: the result is a subset distinct from other subsets.</summary>
    private static readonly HashSet<string> Subset = new(StringComparer.Ordinal)
    {
        "Where", "Take", "Skip", "TakeLast", "SkipLast", "TakeWhile", "SkipWhile", "Except", "ExceptBy", "Intersect", "IntersectBy", "DistinctBy", "Chunk", "GetRange", "Slice",
    };

    /// <summary>Calls that join rows: overlapping inputs mean copies.</summary>
    private static readonly HashSet<string> Combine = new(StringComparer.Ordinal) { "Concat", "Union", "UnionBy", "Append", "Prepend" };

    /// <summary>Collection mutators: the receiver gains the argument's rows.</summary>
    private static readonly HashSet<string> Adds = new(StringComparer.Ordinal) { "Add", "AddRange", "Insert", "InsertRange", "Push", "Enqueue", "TryAdd" };

    /// <summary>Calls that learn a statistic of the values they are given (an aggregate, a vocabulary, a lookup).</summary>
    private static readonly HashSet<string> Aggregates = new(StringComparer.Ordinal)
    {
        "Average", "Sum", "Max", "Min", "Aggregate", "GroupBy", "ToDictionary", "ToLookup", "ToHashSet", "CountBy", "AggregateBy",
        "Mean", "Median", "Variance", "StandardDeviation", "PopulationVariance", "PopulationStandardDeviation", "Quantile",
        "Percentile", "InterquartileRange", "LowerQuartile", "UpperQuartile", "MeanStandardDeviation", "MinimumAbsolute", "MaximumAbsolute",
        "Minimum", "Maximum", "Histogram", "Mode",
    };

    /// <summary>Calls whose order or maximum over scores chooses among what was scored.</summary>
    private static readonly HashSet<string> Choosers = new(StringComparer.Ordinal)
    {
        "Max", "Min", "MaxBy", "MinBy", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "ArgMax", "ArgMin", "Maximum", "Minimum",
    };

    private DataFlow Invocation(IInvocationOperation invocation)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (Symbols.IsSplit(method)) return SplitCall(invocation);
        if (Symbols.LearnsFrom(method) is { } learnsFrom) return StepFit(invocation, learnsFrom);
        if (Symbols.MultipliesRows(method) is { } multiplied) return Multiply(invocation, multiplied);
        if (Symbols.IsModelType(method.ContainingType) && !method.IsStatic) return ModelCall(invocation);
        if (ModelReport(invocation) is { } report) return report;

        // An extension method's first argument is its receiver; so is a static collection method's (Array.IndexOf(names, name)).
        bool firstIsReceiver = invocation.Instance is null && invocation.Arguments.Length > 0
            && (method.IsExtensionMethod || method.IsStatic && method.ContainingType?.SpecialType == SpecialType.System_Array);
        IOperation? receiver = invocation.Instance ?? (firstIsReceiver ? invocation.Arguments[0].Value : null);
        IEnumerable<IArgumentOperation> arguments = firstIsReceiver ? invocation.Arguments.Skip(1) : invocation.Arguments;
        DataFlow source = Eval(receiver);
        string name = method.Name;

        if (CopiedIntoArray(invocation)) return DataFlow.Empty;
        if (name == "ToDictionary" && !source.PartNames.IsDefault && PartsMapped(invocation, source, arguments.ToList()) is { } mapped) return mapped;
        if (context.IsEnumerableLike(method) && !Adds.Contains(name))
            // LINQ over a container of named parts sees its elements, any of the parts.
            return Linq(invocation, name, source.PartNames.IsDefault ? source : source.WithParts(default), arguments.ToList());

        if (Adds.Contains(name) && Holder(receiver) is { } collection)
        {
            DataFlow added = DataFlow.Join(arguments.Select(argument => Added(argument.Value, invocation)).ToList());
            if (IsLookup(receiver!.Type) && !added.Rows.IsEmpty
                && !IsIndexOfRecords(receiver.Type, arguments.Count() == 2 ? arguments.ElementAt(1).Value : null, collection)
                && !IsPerRecordScratch(invocation, collection))
            {
                // Words or categories of rows added to a dictionary or set: a vocabulary learned from those rows.
                Assign(collection, Learned(invocation, added));
                return DataFlow.Empty;
            }
            Contribute(collection, invocation, added);
            return DataFlow.Empty;
        }

        if (name is "Max" or "Min" && method.ContainingType is { Name: "Math" } math && math.ToDisplayString() == "System.Math")
        {
            DataFlow[] values = invocation.Arguments.Select(argument => Eval(argument.Value)).ToArray();
            if (values.Count(value => TestScores(value).Length > 0) >= 2) Observed?.Chose(values.SelectMany(TestScores), invocation.Syntax.GetLocation());
            Observed?.Compared.UnionWith(values.SelectMany(value => value.EventsOf<ScoreEvent>()));
            return DataFlow.Join(values);
        }

        // A helper declared in this compilation (SummaryOf is null for anything without source here);
        // a lambda or method kept in a delegate local is summarised like one where it is invoked.
        if ((method.MethodKind == MethodKind.DelegateInvoke ? StoredDelegate(invocation.Instance) : SummaryOf(method)) is { } summary)
        {
            DataFlow helped = OneCapturedStatisticPerRows(Helper(invocation, method, summary), summary.Method);
            return method.MethodKind == MethodKind.DelegateInvoke ? ScoresAtArguments(invocation, helped) : helped;
        }
        // A delegate whose body is known only from its value (a function taken from a dictionary, returned by a helper).
        if (method.MethodKind == MethodKind.DelegateInvoke && InvokeHeldFunctions(invocation) is { } held) return ScoresAtArguments(invocation, held);
        // A function kept in a container (a tuple of candidates) or made by the library (a FoldScorer): what is known of it.
        if (UnknownDelegate(invocation, method) is { } invoked) return invoked;
        // An interface or abstract call (step.Apply(rows)) does what one of the implementations in the compilation does.
        if (method.MethodKind != MethodKind.DelegateInvoke && invocation.Instance is not null && context.Implementations(method) is { Count: > 0 } implementations)
        {
            DataFlow returned = DataFlow.Empty;
            // The types this body creates narrow them (new List<IStep> { new DropMissing(), ... }); otherwise any may run.
            HashSet<ITypeSymbol> created = CreatedAs(invocation.Instance) is { } single
                ? new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default) { single } : CreatedTypes(invocation);
            List<IMethodSymbol> running = implementations.Where(implementation => created.Contains(implementation.ContainingType.OriginalDefinition)).ToList();
            foreach (IMethodSymbol implementation in running.Count > 0 ? running : implementations)
                if (SummaryOf(implementation) is { } implemented) returned = returned.Join(Helper(invocation, implementation, implemented));
            return returned;
        }
        ScoreReport(invocation);
        // A span or memory over a slice of rows (rows.AsSpan(..cut), span.Slice(cut)) holds those positions, as x[..cut] does.
        if (name is "AsSpan" or "AsMemory" or "Slice" && !source.Rows.IsEmpty && SliceSegment(name, receiver, arguments.ToList()) is { } sliced)
            return source.Narrow(sliced);
        // What a delegate returns is not the delegate: the functions it may be stay with it.
        return Unknown(invocation, name, method.MethodKind == MethodKind.DelegateInvoke ? WithoutFunctions(source) : source, arguments.ToList());
    }

    private HashSet<ITypeSymbol>? createdTypes;

    /// <summary>The type a local receiver is created as (<c>Transform t = new Centre();</c>), when it is only ever assigned that.</summary>
    private static ITypeSymbol? CreatedAs(IOperation? receiver)
    {
        if (Holder(receiver) is not ILocalSymbol local || receiver is null) return null;
        IOperation root = receiver;
        while (root.Parent is not null) root = root.Parent;
        ITypeSymbol? type = null;
        foreach (IOperation node in root.DescendantsAndSelf())
        {
            IOperation? value = node switch
            {
                IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) => declarator.Initializer?.Value ?? node,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local) => assignment.Value,
                _ => null,
            };
            if (value is null) continue;
            while (value is IConversionOperation conversion) value = conversion.Operand;
            if (value is not IObjectCreationOperation { Type: { } made } || type is not null && !SymbolEqualityComparer.Default.Equals(type, made)) return null;
            type = made.OriginalDefinition;
        }
        return type;
    }

    /// <summary>The types the body around <paramref name="site"/> creates objects of (and their base types), found once.</summary>
    private HashSet<ITypeSymbol> CreatedTypes(IOperation site)
    {
        if (createdTypes is not null) return createdTypes;
        IOperation root = site;
        while (root.Parent is not null) root = root.Parent;
        createdTypes = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (IObjectCreationOperation creation in root.DescendantsAndSelf().OfType<IObjectCreationOperation>())
            for (ITypeSymbol? type = creation.Type?.OriginalDefinition; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType?.OriginalDefinition)
                createdTypes.Add(type);
        return createdTypes;
    }

    /// <summary>A call of a helper declared here, by its summary: what it returns, fits, scores, splits and chooses, at the call.</summary>
    private DataFlow Helper(IInvocationOperation invocation, IMethodSymbol method, MethodSummary summary)
    {
        {
            // A lambda or method given for a delegate parameter is what the helper invokes: summarise it for this call.
            if (method.MethodKind != MethodKind.DelegateInvoke && WithDelegates(invocation, summary) is { } specialised) summary = specialised;
            List<DataFlow> flows = invocation.Arguments.OrderBy(argument => argument.Parameter?.Ordinal ?? 0).Select(argument => ArgumentFlow(argument.Value)).ToList();
            // A method of the same object (this.Load()) reads the members this body reads: what the object was created with
            // stays what it is here, not the flow of 'this' (which holds nothing).
            DataFlow? self = invocation.Instance is null or IInstanceReferenceOperation ? null : Eval(invocation.Instance);
            DataFlow returned = summary.Apply(flows, invocation.Syntax.GetLocation(), self).Join(MembersRead(method));
            // Scores a helper chooses by (MaxBy over candidates) are a choice on test where the caller's rows are test rows.
            if (summary.ChosenScores.Count > 0)
            {
                DataFlow chosen = summary.Substitute(new DataFlow(ImmutableHashSet<Origin>.Empty, summary.ChosenScores.ToImmutableHashSet<FlowEvent>(), ImmutableHashSet<Origin>.Empty, default),
                    flows, call: null, self);
                Observed?.Chose(TestScores(chosen), invocation.Syntax.GetLocation());
                Observed?.Compared.UnionWith(chosen.EventsOf<ScoreEvent>());
                if (depth > 0) ChosenScores.UnionWith(chosen.EventsOf<ScoreEvent>());
            }
            ComparisonsAtCall(invocation, summary, flows, self);
            // Predictions the helper's own model makes keep their place; the caller knows which rows they were for.
            if (Observed is not null)
                foreach (ModelUse prediction in summary.Predictions)
                    Observed.HelperPredictions.Add(prediction with { RowsFlow = summary.Substitute(prediction.RowsFlow, flows, call: null, self) });
            if (depth > 0)
                foreach (ModelUse prediction in summary.Predictions)
                    if (!Predictions.Any(known => known.Call == prediction.Call)) Predictions.Add(prediction with { RowsFlow = summary.Substitute(prediction.RowsFlow, flows, call: null, self) });
            // Test scores of rows the helper splits off itself (no argument holds test rows): the call does not show the test part.
            // Test rows the object holds (a part its constructor split off) are chosen by the call on it, which shows them.
            if (Observed is not null && !flows.Any(flow => flow.HasRole(Role.Test)) && (self is null || !self.HasRole(Role.Test)) && !ScoresOwnParts(summary)
                && TestScores(returned).Any(score => score.Location == invocation.Syntax.GetLocation()))
                Observed.ScoredOutOfSight.Add(invocation.Syntax.GetLocation());
            ApplyEffects(invocation, summary, flows, self);
            OwnScoresAtCall(invocation, summary, flows);
            LabelFeatureWritesAtCall(summary, flows, self);
            if (Observed is not null && RowsOrTaskOfRows(invocation.Type)) Observed.BuiltIntoRows.UnionWith(returned.Events);
            if (Observed is not null && RowsOrTaskOfRows(invocation.Type)) LabelStatisticsIntoOwnRows(flows, returned);
            // Rows the helper scores a model on, with what the caller's rows carry (statistics they were changed with).
            foreach (DataFlow scored in summary.Scored)
            {
                DataFlow here = summary.Substitute(scored, flows, invocation.Syntax.GetLocation(), self);
                Scored(here);
                if (Observed is not null && !Observed.ScoredInHelpers.Any(known => known.SameAs(here))) Observed.ScoredInHelpers.Add(here);
            }
            // Rows the helper splits or cross-validates are held out at the call, as if split here.
            // Rows an object's method splits are the object's own (what it was created with), not a source named after no rows here.
            foreach (DataFlow split in summary.HeldOut) Split(invocation, summary.Substitute(split, flows, invocation.Syntax.GetLocation(), self));
            if (IsCrossValidation(method)) Split(invocation, DataFlow.Join(flows));
            return returned;
        }
    }

    /// <summary>
    /// An argument's flow for a helper: a path or name (a string) is the source of the rows the helper
    /// reads from it, so <c>Load("a.csv")</c> and a read of "a.csv" elsewhere are the same rows.
    /// </summary>
    private DataFlow ArgumentFlow(IOperation value)
    {
        DataFlow flow = Eval(value);
        if (!flow.Rows.IsEmpty || value.Type?.SpecialType != SpecialType.System_String) return flow;
        while (value is IConversionOperation conversion) value = conversion.Operand;
        string key = value.ConstantValue is { HasValue: true, Value: string path } ? path : value.Syntax.ToString();
        return flow.Join(DataFlow.Of(new Origin("read:" + key, "")));
    }

    /// <summary>
    /// The summary of what a delegate local holds, where it is invoked (<c>f(x)</c>, <c>f.Invoke(x)</c>):
    /// the lambda or method it is initialised with, analysed like a local function.
    /// </summary>
    private MethodSummary? StoredDelegate(IOperation? instance)
    {
        ISymbol? holder = Holder(instance);
        if (holder is IParameterSymbol parameter)
        {
            for (FlowAnalysis? analysis = this; analysis is not null; analysis = analysis.outer)
                if (analysis.delegateArguments is not null && analysis.delegateArguments.TryGetValue(parameter.OriginalDefinition, out MethodSummary? given)) return given;
            return null;
        }
        if (holder is not ILocalSymbol local) return null;
        foreach (SyntaxReference reference in local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: { } initializer }) continue;
            if (!context.Compilation.ContainsSyntaxTree(initializer.SyntaxTree)) continue;
            IOperation? value = context.Compilation.GetSemanticModel(initializer.SyntaxTree).GetOperation(initializer);
            while (value is IConversionOperation or IDelegateCreationOperation)
                value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
            return value switch
            {
                IAnonymousFunctionOperation lambda => LocalSummary(lambda.Symbol),
                IMethodReferenceOperation target => SummaryOf(target.Method),
                _ => null,
            };
        }
        return null;
    }

    /// <summary>
    /// What a delegate argument stands for: a lambda, a method group, a delegate local or a delegate parameter given here.
    /// </summary>
    private MethodSummary? DelegateSummary(IOperation value)
    {
        while (value is IConversionOperation or IDelegateCreationOperation)
            value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
        return value switch
        {
            IAnonymousFunctionOperation lambda => LocalSummary(lambda.Symbol),
            IMethodReferenceOperation target => SummaryOf(target.Method),
            ILocalReferenceOperation or IParameterReferenceOperation => StoredDelegate(value),
            _ => null,
        };
    }

    /// <summary>
    /// The helper's summary with its delegate parameters bound to what this call gives them (<c>Run(raw, rows =&gt; ...)</c>
    /// invoked as <c>preprocess(raw)</c> inside), or null when no delegate argument is known here.
    /// </summary>
    private MethodSummary? WithDelegates(IInvocationOperation invocation, MethodSummary summary)
    {
        if (depth + 1 >= FlowContext.MaxSummaryDepth) return null;
        Dictionary<IParameterSymbol, MethodSummary>? given = null;
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter is not { Type.TypeKind: TypeKind.Delegate } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue) continue;
            if (DelegateSummary(argument.Value) is not { } target) continue;
            (given ??= new Dictionary<IParameterSymbol, MethodSummary>(SymbolEqualityComparer.Default))[parameter.OriginalDefinition] = target;
        }
        if (given is null) return null;
        IMethodSymbol method = summary.Method;
        return MethodSummary.Compute(context, method, depth + 1, method.MethodKind == MethodKind.LocalFunction ? this : null, given);
    }

    private MethodSummary? SummaryOf(IMethodSymbol method)
    {
        if (method.DeclaringSyntaxReferences.IsDefaultOrEmpty) return null;
        if (method.MethodKind == MethodKind.LocalFunction) return LocalSummary(method);
        // A lambda written here reads this body's values, as a local function does.
        if (method.MethodKind == MethodKind.AnonymousFunction && DeclaredHere(method)) return LocalSummary(method);
        return context.Summary(method, depth);
    }

    private readonly Dictionary<IMethodSymbol, MethodSummary?> localSummaries = new(SymbolEqualityComparer.Default);

    /// <summary>A local function's summary, computed with this body's values for what it captures.</summary>
    private MethodSummary? LocalSummary(IMethodSymbol method)
    {
        if (localSummaries.TryGetValue(method, out MethodSummary? known) || depth >= FlowContext.MaxSummaryDepth) return known;
        localSummaries[method] = null;
        MethodSummary? summary = MethodSummary.Compute(context, method, depth + 1, this);
        localSummaries[method] = summary;
        return summary;
    }

    private DataFlow SplitCall(IInvocationOperation split)
    {
        IOperation? splitRows = split.Arguments.FirstOrDefault()?.Value;
        DataFlow rows = Eval(splitRows);
        // Rows whose source is not followed (built from records that are no [Dataset] rows) are a source of their own here:
        // their parts stay apart, so the test part is still the test part.
        if (rows.Rows.IsEmpty && splitRows is not null) rows = rows.Join(UnfollowedSplitRows(splitRows));
        foreach (IArgumentOperation argument in split.Arguments.Skip(1)) Eval(argument.Value);
        Split(split, rows);
        return DataFlow.Split(rows);
    }

    /// <summary>The source key of rows split where nothing says where they came from: the variable, or the expression's text.</summary>
    private static string UnfollowedKey(IOperation rows) => Holder(rows) is { } holder ? holder.Name : "rows:" + rows.Syntax;

    /// <summary>
    /// Rows held out by <paramref name="call"/>: a split, a cross-validation (every row is some fold's
    /// validation row), or a helper that does either. A helper's summary keeps them for its callers.
    /// </summary>
    private void Split(IInvocationOperation call, DataFlow rows)
    {
        if (rows.Rows.IsEmpty) return;
        if (depth > 0 && !HeldOutInside.Any(known => known.SameAs(rows))) HeldOutInside.Add(rows);
        if (Observed is null || Observed.Splits.Any(known => known.Call == call && known.Rows.SameAs(rows))) return;
        Observed.Splits.Add((call, rows));
        Observed.HeldOut.Add(rows);
    }

    /// <summary>Rows this body splits or cross-validates, when it is a helper being summarised.</summary>
    public List<DataFlow> HeldOutInside { get; } = new();

    /// <summary>Rows this body scores a model on (itself or through its helpers), when it is a helper being summarised.</summary>
    public List<DataFlow> ScoredInside { get; } = new();

    /// <summary>Rows a model is scored on here: kept for a helper's summary, so a caller knows which of its rows a score was measured on.</summary>
    private void Scored(DataFlow rows)
    {
        if (depth > 0 && !rows.Rows.IsEmpty && !ScoredInside.Any(known => known.SameAs(rows))) ScoredInside.Add(rows);
    }

    private DataFlow StepFit(IInvocationOperation fit, string parameter)
    {
        IArgumentOperation? data = fit.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == parameter);
        DataFlow rows = Eval(data?.Value);
        foreach (IArgumentOperation other in fit.Arguments.Where(argument => argument != data)) Eval(other.Value);
        // A search scoring its candidates on the rows given as its validation rows chooses by them.
        if (Observed is not null && fit.TargetMethod.ContainingType is { } searchType && searchType.Name.Contains("Search")
            && fit.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "validation") is { } watched
            && !Observed.SearchValidations.Any(known => known.Argument == watched))
            Observed.SearchValidations.Add((watched, Eval(watched.Value), rows));
        if (!rows.Parts.IsDefault && rows.Parts.Length == 3) rows = rows.Parts[0]; // a split fits on its training rows
        // A search that cross-validates its candidates (GridSearch.CrossValidate) holds every row out in some fold: rows copied
        // before it have copies on both sides of a fold. Only copies are held out here; what was learned before a search
        // stays the search rules' concern, as before.
        if (IsCrossValidation(fit.TargetMethod) && rows.Events.OfType<MultiplyEvent>().Any()) Split(fit, rows);
        var learned = new LearnEvent((data ?? (IOperation)fit).Syntax.GetLocation(), fit.TargetMethod.ContainingType.Name, LearnKind.Fit, rows.Rows);
        if (Observed is not null && data is not null && Observed.FirstTime(fit.Syntax)) Observed.StepFits.Add(new StepFit(fit, data, learned));
        var step = new DataFlow(ImmutableHashSet<Origin>.Empty, rows.Events.Add(learned), ImmutableHashSet<Origin>.Empty, default);
        return FittedRows(fit.Type, step, rows) ?? step;
    }

    /// <summary>
    /// What a fit returns when it also returns the rows it was fitted on, transformed (<c>TargetEncoder.FitApply(all)</c>, a
    /// record of the step and the rows): a record of parts, by member and in order (for a deconstruction), where the rows'
    /// member holds those rows with what was learned from them and the step's (<c>.Encoder</c>) none of them. Null for a
    /// fit that returns only the step.
    /// </summary>
    private DataFlow? FittedRows(ITypeSymbol? type, DataFlow step, DataFlow rows)
    {
        if (type is not INamedTypeSymbol { IsRecord: true } record || context.IsRowTyped(record)) return null;
        List<IPropertySymbol> members = record.GetMembers().OfType<IPropertySymbol>().Where(property => !property.IsStatic && !property.IsImplicitlyDeclared).ToList();
        if (members.Count(property => context.IsRowTyped(property.Type)) != 1) return null;
        var held = new DataFlow(rows.Rows, step.Events, ImmutableHashSet<Origin>.Empty, default);
        return new DataFlow(ImmutableHashSet<Origin>.Empty, step.Events, ImmutableHashSet<Origin>.Empty,
            members.Select(property => context.IsRowTyped(property.Type) ? held : step).ToImmutableArray(),
            members.Select(property => "." + property.Name).ToImmutableArray());
    }

    private DataFlow Multiply(IInvocationOperation call, string parameter)
    {
        IArgumentOperation? data = call.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == parameter);
        DataFlow rows = Eval(data?.Value);
        foreach (IArgumentOperation other in call.Arguments.Where(argument => argument != data)) Eval(other.Value);
        var multiplied = new MultiplyEvent(call.Syntax.GetLocation(), call.TargetMethod.Name, rows.Rows) { BalancesClasses = Symbols.BalancesClasses(call.TargetMethod) };
        return rows.WithEvent(multiplied).WithParts(default);
    }

    private DataFlow ModelCall(IInvocationOperation call)
    {
        ISymbol? model = Holder(call.Instance);
        // A tuple's element (run.Model of what a helper returned) is the element of that value, not every tuple's field of that name.
        DataFlow modelFlow = model is null || IsElementOfTupleValue(call.Instance) ? Eval(call.Instance) : Read(model);
        IArgumentOperation? Argument(string name) => call.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == name && argument.ArgumentKind != ArgumentKind.DefaultValue);
        string modelName = call.TargetMethod.ContainingType.Name;
        // PredictProbabilities and the like predict as Predict does: their outputs carry where they were made.
        string kind = call.TargetMethod.Name.StartsWith("Predict", StringComparison.Ordinal) ? "Predict" : call.TargetMethod.Name;
        switch (kind)
        {
            case "Fit":
            {
                IArgumentOperation? trainArgument = Argument("train"), validationArgument = Argument("validation");
                DataFlow train = Eval(trainArgument?.Value), validation = Eval(validationArgument?.Value);
                DataFlow steering = DataFlow.Join(call.Arguments.Where(argument => argument != trainArgument && argument != validationArgument).Select(argument => Eval(argument.Value)).ToList());
                // Validation rows only watched for the loss are not learned; with early stopping they choose the weights kept.
                if (model is not null) Assign(model, DataFlow.Empty.WithTrainedOn(KeepsBestOnValidation(call) ? train.Rows.Union(validation.Rows) : train.Rows));
                Effect("Fit", model, train, validation, modelName);
                if (Observed is not null && Observed.FirstTime(call.Syntax))
                {
                    Observed.Fits.Add(new ModelFit(model, call, train, validation, validationArgument, steering, modelName, trainArgument));
                    Observed.Steering.UnionWith(steering.Join(train).Join(validation).EventsOf<ScoreEvent>());
                    Observed.SteeringStatistics.UnionWith(Statistics(steering));
                }
                return DataFlow.Empty;
            }
            case "Evaluate":
            case "Predict":
            {
                IArgumentOperation? rowsArgument = call.Arguments.FirstOrDefault();
                return rowsArgument is null ? DataFlow.Empty : ModelApplied(call, model, modelFlow, rowsArgument, predict: kind == "Predict", modelName);
            }
            default:
                foreach (IArgumentOperation argument in call.Arguments) Eval(argument.Value);
                return DataFlow.Empty;
        }
    }

    /// <summary>
    /// A model applied to rows (<c>Evaluate</c>, a <c>Predict</c>, or a report of it made by the library): a score of the model on
    /// those rows, or predictions that are values of them, learned from what the model trained on.
    /// </summary>
    private DataFlow ModelApplied(IInvocationOperation call, ISymbol? model, DataFlow modelFlow, IArgumentOperation rowsArgument, bool predict, string modelName)
    {
        string kind = predict ? "Predict" : "Evaluate";
        DataFlow rows = Eval(rowsArgument.Value);
        var score = new ScoreEvent(rowsArgument.Syntax.GetLocation(), call.TargetMethod.Name, rows.Rows);
        Effect(kind, model, rows, DataFlow.Empty, modelName, score.Location);
        Scored(rows);
        if (!predict) OwnScore(model, modelFlow, rows);
        // In a helper, predictions of a model that is not one of its parameters stay where they are made.
        bool pinned = depth > 0 && !(model is IParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, owner));
        var learned = new LearnEvent(call.Syntax.GetLocation(), modelName, LearnKind.Model, modelFlow.TrainedOn) { Pinned = pinned };
        if (pinned && predict && !Predictions.Any(known => known.Call == call && known.RowsFlow.SameAs(rows)))
            Predictions.Add(new ModelUse(model, call, rowsArgument, rows, IsPredict: true));
        if (Observed is not null && Observed.FirstTime(call.Syntax))
        {
            Observed.Uses.Add(new ModelUse(model, call, rowsArgument, rows, predict) { ModelTrainedOn = modelFlow.TrainedOn });
            Observed.HeldOut.Add(rows);
        }
        // Predictions are values of the rows they were made for, learned by the model from what it trained on.
        ImmutableHashSet<FlowEvent> events = ImmutableHashSet.Create<FlowEvent>(score, learned);
        return new DataFlow(predict ? rows.Rows : ImmutableHashSet<Origin>.Empty, events, ImmutableHashSet<Origin>.Empty, default);
    }

    /// <summary>Whether a value is an element of a tuple held in a variable or another value (<c>run.Model</c>), not a member of this object.</summary>
    private static bool IsElementOfTupleValue(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        return operation is IFieldReferenceOperation { Field.CorrespondingTupleField: not null, Instance: not (null or IInstanceReferenceOperation) };
    }

    /// <summary>
    /// Whether a Fit keeps the weights of its best validation epoch (early stopping): then its validation rows chose the
    /// model, and its predictions for them are in-sample too. Options the code does not show count as doing so.
    /// Asked of every Fit in every pass and by the rules; answered once per call (it reads the options' text).
    /// </summary>
    internal static bool KeepsBestOnValidation(IInvocationOperation fit) => EarlyStopping.GetValue(fit, KeepsBest).Value;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IInvocationOperation, System.Runtime.CompilerServices.StrongBox<bool>> EarlyStopping = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IInvocationOperation, System.Runtime.CompilerServices.StrongBox<bool>>.CreateValueCallback KeepsBest =
        fit => new System.Runtime.CompilerServices.StrongBox<bool>(ReadKeepsBestOnValidation(fit));

    private static bool ReadKeepsBestOnValidation(IInvocationOperation fit)
    {
        IArgumentOperation? options = fit.Arguments.FirstOrDefault(argument => argument.Parameter?.Type.Name == "FitOptions");
        if (options is null || options.ArgumentKind == ArgumentKind.DefaultValue) return false;
        IOperation value = options.Value;
        while (value is IConversionOperation conversion) value = conversion.Operand;
        SyntaxNode? shown = value switch
        {
            IObjectCreationOperation creation => creation.Syntax,
            IDefaultValueOperation or ILiteralOperation => null,
            ILocalReferenceOperation local => local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(),
            _ => value.Syntax,
        };
        if (shown is null) return false;
        if (value is not (IObjectCreationOperation or ILocalReferenceOperation)) return true;
        return shown.ToString().Contains("EarlyStoppingPatience");
    }

    /// <summary>
    /// Remembers what is done to a model that is one of the method's parameters, and how a model the
    /// method makes itself is fitted (its validation may be a parameter), for its summary.
    /// </summary>
    private void Effect(string method, ISymbol? model, DataFlow rows, DataFlow validation, string modelName, Location? score = null)
    {
        int ordinal;
        if (model is IParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, owner)) ordinal = parameter.Ordinal;
        else if (method == "Fit" && model is ILocalSymbol && depth > 0) ordinal = ModelEffect.OwnModel;
        else if (method != "Fit" && CapturedFromAround(model)) ordinal = ModelEffect.Captured;
        else return;
        var effect = new ModelEffect(method, ordinal, rows, validation, modelName, score, ordinal == ModelEffect.Captured ? model : null);
        if (!ModelEffects.Any(known => known.Method == method && known.Model == effect.Model && known.Rows.SameAs(rows) && known.Validation.SameAs(validation)
                && SymbolEqualityComparer.Default.Equals(known.CapturedModel, effect.CapturedModel)))
            ModelEffects.Add(effect);
    }

    /// <summary>Scores this body chooses by (a maximum, an ordering), when it is a helper being summarised.</summary>
    public HashSet<ScoreEvent> ChosenScores { get; } = new();

    /// <summary>Predictions of models this body makes or keeps itself, when it is a helper being summarised.</summary>
    public List<ModelUse> Predictions { get; } = new();

    /// <summary>A helper's effects at its call: the fields it assigns, and what it does to the models it is given.</summary>
    /// <remarks><paramref name="self"/> is the object the method is called on, for what it does with the object's own rows.</remarks>
    private void ApplyEffects(IInvocationOperation call, MethodSummary summary, List<DataFlow> arguments, DataFlow? self = null)
    {
        // What a member is filled with from the rows given (index.Fit(reviews)) was learned at this call; the rest stays in place.
        foreach ((ISymbol member, DataFlow flow) in summary.MemberWrites)
            Assign(member, summary.SubstituteLearnedFromArguments(flow, arguments, call.Syntax.GetLocation()));
        // out and ref arguments receive what the helper left in them (Divide(rows, out var first, out var second));
        // what was learned inside the helper stays where it happened, as for the fields it assigns.
        foreach ((int ordinal, DataFlow flow) in summary.OutWrites)
            if (call.Arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == ordinal) is { } written)
                AssignTo(written.Value, summary.Substitute(flow, arguments, call: null));
        foreach (ModelEffect effect in summary.ModelEffects)
        {
            IArgumentOperation? ArgumentFor(int ordinal) => call.Arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == ordinal);
            ISymbol? model = null;
            // A model the function scores from the body around it (a Func wrapping Evaluate) is that body's model, scored here.
            if (effect.Model == ModelEffect.Captured) model = effect.CapturedModel;
            else if (effect.Model != ModelEffect.OwnModel && (ArgumentFor(effect.Model) is not { } modelArgument || (model = Holder(modelArgument.Value)) is null)
                && (effect.Method != "Fit" || summary.Returned.TrainedOn.IsEmpty || (model = ResultHolder(call, summary.Returned)) is null)) continue;
            // A model the helper fits and hands back (new Net().TrainedOn(rows), await TrainAsync(rows)) is the variable that receives it.
            if (model is null && effect.Method == "Fit" && !summary.Returned.TrainedOn.IsEmpty) model = ResultHolder(call, summary.Returned);
            DataFlow rows = summary.Substitute(effect.Rows, arguments, call.Syntax.GetLocation(), self);
            // What the callee (a helper, the function given to it) does to a model this body is given is done by this body too.
            if (model is IParameterSymbol) Effect(effect.Method, model, rows, summary.Substitute(effect.Validation, arguments, call.Syntax.GetLocation(), self), effect.ModelName, effect.Score);
            if (effect.Method == "Fit")
            {
                // A model the helper makes itself is returned with what it trained on; its fit is observed at the call.
                DataFlow validation = summary.Substitute(effect.Validation, arguments, call.Syntax.GetLocation(), self);
                if (model is not null) Assign(model, DataFlow.Empty.WithTrainedOn(rows.Rows.Union(validation.Rows)));
                int validationParameter = MethodSummary.ParameterOf(effect.Validation), trainParameter = MethodSummary.ParameterOf(effect.Rows);
                if (Observed is not null && Observed.FirstTime(call.Syntax))
                    // Rows an object's method fits on that the object was created with are given at its creation's argument.
                    Observed.Fits.Add(new ModelFit(model, call, rows, validation,
                        validationParameter >= 0 ? ArgumentFor(validationParameter) : self is null ? null : CreationArgument(call.Instance, effect.Validation), DataFlow.Empty,
                        effect.ModelName, trainParameter >= 0 ? ArgumentFor(trainParameter) : self is null ? null : CreationArgument(call.Instance, effect.Rows)));
            }
            else if (ArgumentFor(MethodSummary.ParameterOf(effect.Rows)) is { } rowsArgument && Observed is not null)
            {
                if (Observed.Uses.Any(use => use.Call == call && use.Rows == rowsArgument)) continue;
                Observed.Uses.Add(new ModelUse(model, call, rowsArgument, rows, effect.Method == "Predict"));
                Observed.HeldOut.Add(rows);
            }
        }
    }

    /// <summary>The variable a call's result is kept in (<c>var net = await TrainAsync(rows)</c>), if a plain one.</summary>
    /// <remarks>
    /// A tuple the call returns and the caller deconstructs (<c>var (model, seen) = Train(split)</c>) keeps the model in the
    /// variable at the position of the part that holds a trained model.
    /// </remarks>
    private static ISymbol? ResultHolder(IOperation call, DataFlow? returned = null)
    {
        IOperation current = call;
        while (current.Parent is IAwaitOperation or IConversionOperation or IParenthesizedOperation) current = current.Parent;
        return current.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation assignment when assignment.Value == current => Holder(assignment.Target),
            IDeconstructionAssignmentOperation deconstruction when deconstruction.Value == current && returned is { Parts.IsDefault: false } => DeconstructedModel(deconstruction.Target, returned),
            _ => null,
        };
    }

    /// <summary>The variable of a deconstruction at the position of the one part that holds a trained model.</summary>
    private static ISymbol? DeconstructedModel(IOperation target, DataFlow returned)
    {
        if (target is IDeclarationExpressionOperation declaration) target = declaration.Expression;
        if (target is not ITupleOperation tuple || tuple.Elements.Length != returned.Parts.Length) return null;
        int[] models = Enumerable.Range(0, returned.Parts.Length).Where(i => !returned.Parts[i].TrainedOn.IsEmpty).ToArray();
        if (models.Length != 1) return null;
        IOperation element = tuple.Elements[models[0]];
        if (element is IDeclarationExpressionOperation single) element = single.Expression;
        return Holder(element);
    }

    private DataFlow Linq(IInvocationOperation call, string name, DataFlow source, List<IArgumentOperation> arguments)
    {
        DataFlow LambdaResult(int index, DataFlow element) =>
            index < arguments.Count ? Lambda(arguments[index].Value, element, distinctParameters: false) : DataFlow.Empty;

        if (name == "Repeat" && call.Instance is null && !call.TargetMethod.IsExtensionMethod && arguments.Count == 2) return RepeatedRows(call, arguments);
        if (name is "Distinct" or "DistinctBy" && Observed is not null && !source.Rows.IsEmpty && context.IsRowTyped(call.Type)
            && !Observed.Deduplications.Any(known => known.Call == call)) Observed.Deduplications.Add((call, source));

        if (name is "Select" or "SelectMany")
        {
            DataFlow result = LambdaResult(0, source);
            // fold.Train.Select(i => rows[i]) and fold.Validation.Select(i => rows[i]) are disjoint by construction.
            if (name == "Select" && FoldIndexSet(call.Instance ?? call.Arguments.FirstOrDefault()?.Value) is { } indexSet) result = result.Narrow(indexSet);
            // Enumerable.Range(a, n).Select(i => rows[i]): the rows at positions [a, a + n), compared by position like Take/Skip.
            else if (name == "Select" && !result.Rows.IsEmpty && IndexRunSegment(call, arguments) is { } run) result = result.Narrow(run);
            if (name == "SelectMany" && (ManyRowsFromOne(arguments.FirstOrDefault()?.Value) || CopiesInside(result, call)))
                result = Subsumed(result, call).WithEvent(new MultiplyEvent(call.Syntax.GetLocation(), name, source.Rows));
            else if (name == "Select" && !result.Rows.IsEmpty && ReturnsRandomElement(arguments.FirstOrDefault()?.Value))
                result = result.WithEvent(new MultiplyEvent(call.Syntax.GetLocation(), "A draw with replacement (Random)", result.Rows));
            return ParsedFromRead(call, source, result).WithParts(default);
        }

        // a.Zip(b, (x, y) => ...): the selector's parameters are an element of each sequence.
        if (name == "Zip" && arguments.Count >= 1)
        {
            DataFlow second = Eval(arguments[0].Value);
            IOperation? selector = arguments.Count >= 2 ? arguments[1].Value : null;
            while (selector is IConversionOperation or IDelegateCreationOperation)
                selector = selector is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)selector).Target;
            if (selector is not IAnonymousFunctionOperation zipper) return source.Join(second).WithParts(default);
            ImmutableArray<IParameterSymbol> parameters = zipper.Symbol.Parameters;
            if (parameters.Length > 0) Assign(parameters[0], source.WithParts(default));
            if (parameters.Length > 1) Assign(parameters[1], second.WithParts(default));
            DataFlow zipped = DataFlow.Empty;
            foreach (IReturnOperation returned in zipper.Body.Descendants().OfType<IReturnOperation>())
                if (returned.ReturnedValue is not null && Enclosing(returned) == zipper) zipped = zipped.Join(Eval(returned.ReturnedValue));
            return zipped.WithParts(default);
        }

        if (Choosers.Contains(name) && (Observed is not null || depth > 0))
        {
            DataFlow keys = WithoutOwnPredictions(arguments.Count > 0 ? LambdaResult(0, source) : source, RankedCandidates(call, source));
            // A table of scores ordered and only printed or written out (error analysis, a leaderboard) chooses nothing.
            if (name.StartsWith("OrderBy", StringComparison.Ordinal) || name.StartsWith("ThenBy", StringComparison.Ordinal))
                if (!keys.EventsOf<ScoreEvent>().Any() || !OrderingUse.MayPick(call)) keys = DataFlow.Empty;
            if (ScoreSpread.BesideTheirAverage(call)) keys = DataFlow.Empty;
            Observed?.Chose(TestScores(keys), call.Syntax.GetLocation());
            Observed?.Compared.UnionWith(keys.EventsOf<ScoreEvent>());
            // In a helper, which rows the scores were measured on may be known only at its call.
            if (depth > 0) ChosenScores.UnionWith(keys.EventsOf<ScoreEvent>());
        }

        if (Combine.Contains(name))
        {
            DataFlow other = DataFlow.Join(arguments.Select(argument => Eval(argument.Value)).ToList());
            DataFlow joined = source.Join(other).WithParts(default);
            // Union keeps one of each row: the rows it is given twice are not copied.
            if (name is "Union" or "UnionBy" || !DataFlow.Overlap(source.Rows, other.Rows)) return joined;
            bool chosen = arguments.Any(argument => ChosenSubset(argument.Value)) || ChosenSubset(call.Instance ?? call.Arguments.FirstOrDefault()?.Value);
            return Subsumed(joined, call).WithEvent(new MultiplyEvent(call.Syntax.GetLocation(), name, source.Rows.Union(other.Rows)) { BalancesClasses = chosen });
        }

        DataFlow[] selected = arguments.Select(argument => Lambda(argument.Value, source, distinctParameters: false)).ToArray();
        // candidates.ToDictionary(c => c.Key, c => Score(c.Value)): a table of candidates (no rows) holds the scores its value
        // selector made, so a MaxBy over its values chooses by them, as a MaxBy scoring each candidate does.
        if (name == "ToDictionary" && source.Rows.IsEmpty && selected.Length >= 2 && ScoresOnly(selected[1]) is { IsEmpty: false } scores)
            return source.WithParts(default).Join(scores);
        RankFromTestLabels(name, arguments);
        if (RecordsIndexed(call, name, source, arguments) is { } indexed) return indexed;
        DataFlow filteredBy = Filters.Contains(name) ? FilteredBy(call, source, arguments) : DataFlow.Empty;
        // A count or a mean of one row's own values (its words, its readings) is a feature of that row, not a statistic of rows.
        if ((name is "Count" or "LongCount" or "Distinct" or "DistinctBy" || Aggregates.Contains(name)) && !source.Rows.IsEmpty && OverOneRow(call))
            return OneRowAggregate(source, arguments);
        // A count or a mean over the rows before the current one in time (a card's transactions in the previous day) is a value of
        // that row's past, known when it is scored, like a trailing window: not a statistic of the rows later split.
        if (!source.Rows.IsEmpty && EarlierRows.Only(call)) return source.WithParts(default);
        // Outcomes counted up to the row's own time are the row's own label in its feature: MLDSL0017 reports them there.
        if (!source.Rows.IsEmpty && OutcomesUpToTheRow.Counts(call)) return source.WithParts(default);
        // The same count keeping the row's own time and reading the label counts the row's own answer: MLDSL0017's window
        // (EntanglementRule.OwnTimeWindows), not a statistic of the rows later split.
        if (!source.Rows.IsEmpty && OwnTimeWindow.Including(call, IsLabelMember) is not null && InFeatureOfBuiltRow(call)) return source.WithParts(default);
        // The distinct values of rows (words, categories) are a vocabulary learned from them, not rows.
        if (name is "Distinct" or "DistinctBy" && !source.Rows.IsEmpty && !context.IsRowTyped(call.Type)) return Aggregate(call, name, source);
        if (IsRankPick(call, name, source)) return Aggregate(call, "A percentile", source);
        if (IsSortedValues(call, name, source)) return Aggregate(call, "The sorted values (their quantiles)", source);
        if (PassThrough.Contains(name)) return source.WithParts(default).Join(filteredBy);
        // A slice of positions is named by its bounds (two sides of one cut are disjoint, the same slice twice is the same rows);
        // any other subset by where it is taken.
        if (Subset.Contains(name))
            return source.Narrow(SliceSegment(name, call.Instance ?? call.Arguments.FirstOrDefault()?.Value, arguments) ?? "~" + call.Syntax.SpanStart).Join(filteredBy);
        // How many predictions are right is a score of where they were made; how many rows match a condition
        // (test.Count(r => r.Sick == 1)) is a statistic of them; a plain count of rows is neither.
        // How many rows a lookup files under the row's own key is a count per category over every row it was built from.
        if (name is "Count" or "LongCount" && !source.Rows.IsEmpty && CountOfEntriesUnderKey(call, arguments)) return Aggregate(call, "A count per key", source);
        if (name is "Count" or "LongCount")
            return WithHitCounts(call, arguments, (arguments.Count > 0 && !source.Rows.IsEmpty ? Aggregate(call, name, source).Join(ScoresOnly(source))
                    : arguments.Count > 0 ? CountOfLearnedValues(source) : ScoresOnly(source))
                .Join(arguments.Count > 0 ? CountedByPredicate(arguments[0].Value, source) : DataFlow.Empty));
        if (name is "Any" or "All" or "Contains" or "SequenceEqual") return DataFlow.Empty;
        if (Aggregates.Contains(name) && !source.Rows.IsEmpty)
            return OneRowsValues(call) || AroundRowWindow(call) || OverShiftedEntries(call) ? source.WithParts(default) : Aggregate(call, name, source);
        // lookup.GetValueOrDefault(key, fallback) is an entry or the fallback: a fallback learned from rows is in the result too.
        if (name == "GetValueOrDefault" && arguments.Count == 2) return source.WithParts(default).Join(EventsOnly(Eval(arguments[1].Value)));
        return source.WithParts(default);
    }

    /// <summary>
    /// <c>parts.ToDictionary(p =&gt; p.Key, p =&gt; scaler.Apply(p.Value))</c>: a dictionary of parts mapped part by part keeps its
    /// keys, so each entry is what the value selector made of that part's rows, not a statistic of every part's rows.
    /// Null when the keys are not the parts' own or the values are not collections of rows.
    /// </summary>
    private DataFlow? PartsMapped(IInvocationOperation call, DataFlow parts, List<IArgumentOperation> arguments)
    {
        if (arguments.Count != 2 || !HoldsCollectionsOfRows(call.Type) || !SelectsOwnKey(arguments[0].Value)) return null;
        DataFlow values = Lambda(arguments[1].Value, parts.WithParts(default), distinctParameters: false);
        // The selector ran over every part at once: each entry keeps the rows of its own part, and what was learned on the way.
        var mapped = parts.Parts.Select(part => new DataFlow(
            values.Rows.Where(row => part.Rows.Any(own => own.Overlaps(row))).ToImmutableHashSet(), values.Events, values.TrainedOn, default)).ToImmutableArray();
        return DataFlow.Named(mapped, parts.PartNames);
    }

    /// <summary>A key selector that keeps an entry's key: <c>p =&gt; p.Key</c>.</summary>
    private static bool SelectsOwnKey(IOperation selector)
    {
        while (selector is IConversionOperation or IDelegateCreationOperation)
            selector = selector is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)selector).Target;
        if (selector is not IAnonymousFunctionOperation { Symbol.Parameters: [var entry], Body.Operations: [IReturnOperation { ReturnedValue: var key }] }) return false;
        while (key is IConversionOperation conversion) key = conversion.Operand;
        return key is IPropertyReferenceOperation { Property.Name: "Key", Instance: IParameterReferenceOperation { Parameter: var parameter } }
            && SymbolEqualityComparer.Default.Equals(parameter, entry);
    }

    /// <summary>
    /// Rows built from the lines of a read (<c>File.ReadAllLines(path).Select(l =&gt; new Row { ... })</c>) are the rows
    /// of that file, as a read of it elsewhere is: the built rows take the read's source (the path, or the loader's path
    /// parameter). Rows built from anything else (<c>Enumerable.Range</c>) stay the rows built at their place.
    /// </summary>
    private DataFlow ParsedFromRead(IInvocationOperation call, DataFlow source, DataFlow result)
    {
        if (!source.Rows.IsEmpty || result.Rows.IsEmpty || !result.Rows.All(origin => MadeRows.IsMade(origin.Source))) return result;
        IOperation? link = call.Instance ?? call.Arguments.FirstOrDefault()?.Value;
        for (int hops = 0; hops < 16 && link is not null; hops++)
        {
            while (link is IConversionOperation conversion) link = conversion.Operand;
            if (link is not IInvocationOperation inner) return result;
            if (!context.IsEnumerableLike(inner.TargetMethod))
            {
                if (inner.Arguments.FirstOrDefault()?.Value.Type?.SpecialType != SpecialType.System_String) return result;
                string key = PathParameter(inner) is { } path ? MethodSummary.ParameterSource(path.Ordinal) : ReadKey(inner);
                return new DataFlow(ImmutableHashSet.Create(new Origin(key, "")), result.Events, result.TrainedOn, default);
            }
            link = inner.Instance ?? (inner.TargetMethod.IsExtensionMethod ? inner.Arguments.FirstOrDefault()?.Value : null);
        }
        return result;
    }

    /// <summary>
    /// Whether an aggregate runs over the values of one row: an array member of a single row (<c>s.Pixels.Max()</c>,
    /// <c>raw[i].Readings.Average()</c>). Normalising a row by its own values learns nothing from other rows.
    /// </summary>
    private bool OneRowsValues(IInvocationOperation call)
    {
        IOperation? receiver = call.Instance ?? call.Arguments.FirstOrDefault()?.Value;
        while (receiver is IConversionOperation conversion) receiver = conversion.Operand;
        if (receiver is not IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol, Instance: { } instance } || context.IsRowTyped(receiver.Type)) return false;
        if (instance.Type is INamedTypeSymbol row && LeakageSymbols.HasAttribute(row, Symbols.DatasetAttribute)) return true;
        return IsSingleElement(instance) && instance.Type is INamedTypeSymbol { SpecialType: SpecialType.None } element
            && !element.AllInterfaces.Any(candidate => candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
    }

    /// <summary>A single element of a collection (<c>raw[i]</c>) or a lambda parameter standing for one element.</summary>
    private static bool IsSingleElement(IOperation instance)
    {
        while (instance is IConversionOperation conversion) instance = conversion.Operand;
        return instance is IArrayElementReferenceOperation or IPropertyReferenceOperation { Arguments.Length: 1 }
            or IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } };
    }

    /// <summary>
    /// Whether an aggregate runs over a window of rows around the current row of a loop or a projection:
    /// <c>raw.Skip(i - 24).Take(24)</c>, <c>raw.Take(i)</c>, <c>raw.GetRange(i - 24, 24)</c>, <c>raw[(i - 7)..i]</c> (through Select,
    /// Where and the like). A trailing mean is a value of the row's past, known when it is predicted, not a statistic of the rows
    /// later split; a window that reaches the row itself or later rows reads their labels, which MLDSL0017 reports
    /// (<see cref="EntanglementRule"/>), not a statistic of the whole data either.
    /// </summary>
    private static bool AroundRowWindow(IInvocationOperation call) => RowWindow.OfReceiver(call) is not null;

    /// <summary>
    /// Whether an aggregate runs within the groups of the rows' [GroupKey] and reads no label: over <c>GroupBy(v =&gt; v.Patient)</c>
    /// or over a group given to a lambda of a call on it (<c>g =&gt; g.Average(v =&gt; v.HeartRate)</c>).
    /// </summary>
    private bool WithinGroups(IInvocationOperation call)
    {
        if (call.Arguments.Any(argument => ReadsLabel(argument.Value))) return false;
        if (FiltersToOwnGroup(call)) return true;
        IOperation? receiver = call.Instance ?? call.Arguments.FirstOrDefault()?.Value;
        for (int hops = 0; hops < 6 && receiver is not null; hops++)
        {
            while (receiver is IConversionOperation conversion) receiver = conversion.Operand;
            switch (receiver)
            {
                case IInvocationOperation { TargetMethod.Name: "GroupBy" } groupBy:
                    IOperation? key = (groupBy.Instance is null ? groupBy.Arguments.Skip(1) : groupBy.Arguments).FirstOrDefault()?.Value;
                    return key is not null && key.DescendantsAndSelf().OfType<IPropertyReferenceOperation>()
                        .Any(member => LeakageSymbols.HasAttribute(member.Property, Symbols.GroupKeyAttribute));
                case IInvocationOperation link when link.TargetMethod.Name is "Where" or "OrderBy" or "OrderByDescending" or "ToList" or "ToArray" or "AsEnumerable":
                    if (link.Arguments.Any(argument => ReadsLabel(argument.Value))) return false;
                    if (link.TargetMethod.Name == "Where" && FiltersToOwnGroup(link)) return true;
                    receiver = link.Instance ?? link.Arguments.FirstOrDefault()?.Value;
                    continue;
                case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda }:
                    // A group handed to a lambda: the rows of the call the lambda is given to.
                    IOperation? node = call;
                    while (node is not null && !(node is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))) node = node.Parent;
                    while (node is not null && node is not IInvocationOperation) node = node.Parent;
                    if (node is not IInvocationOperation owner) return false;
                    receiver = owner.Instance ?? owner.Arguments.FirstOrDefault()?.Value;
                    continue;
                default:
                    return false;
            }
        }
        return false;
    }

    private static bool ReadsLabel(IOperation value) => value.DescendantsAndSelf().OfType<IPropertyReferenceOperation>()
        .Any(member => member.Property.GetAttributes().Any(data => data.AttributeClass?.ToDisplayString() == "MlDsl.LabelAttribute"));

    /// <summary>A dictionary or a set of values (not of rows): what is put in it by keys taken from rows is learned from them.</summary>
    private bool IsLookup(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && !context.IsRowTyped(named) && !HoldsCollectionsOfRows(named)
        && named.AllInterfaces.Append(named).Any(candidate => candidate.OriginalDefinition.Name is "IDictionary" or "ISet" or "IReadOnlyDictionary" && candidate.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic");

    /// <summary>
    /// <c>index[key] = value</c> or <c>index.Add(key, value)</c> where the value is the same record's own value (records indexed
    /// by an id, a join table read from another file): each row finds only what it brought, so nothing is learned across rows.
    /// A vocabulary's values are counters or read the dictionary itself (<c>vocabulary.Count</c>, <c>counts[w] + 1</c>,
    /// <c>nextId++</c>), and a set's keys are all it holds, so those stay learned.
    /// </summary>
    private bool IsIndexOfRecords(ITypeSymbol? type, IOperation? value, ISymbol? collection)
    {
        if (value is null || value.ConstantValue.HasValue || ReadsManyRows(value) || type is not INamedTypeSymbol named
            || !named.AllInterfaces.Append(named).Any(candidate => candidate.OriginalDefinition.Name is "IDictionary" or "IReadOnlyDictionary"))
            return false;
        foreach (IOperation part in value.DescendantsAndSelf())
        {
            if (part is IIncrementOrDecrementOperation or ICompoundAssignmentOperation) return false;
            if (collection is not null && Holder(part) is { } read && SymbolEqualityComparer.Default.Equals(read, collection)) return false;
        }
        return !Eval(value).Rows.IsEmpty;
    }

    /// <summary>
    /// A dictionary or set made anew inside the loop that fills it (a parser's fields of one record, <c>fields = new
    /// Dictionary()</c> at each record's end): it holds one record at a time, so it learns nothing across records.
    /// </summary>
    private static bool IsPerRecordScratch(IOperation site, ISymbol? collection)
    {
        if (collection is not ILocalSymbol local) return false;
        IOperation? loop = site.Parent;
        while (loop is not null and not ILoopOperation) loop = loop is IAnonymousFunctionOperation or ILocalFunctionOperation ? null : loop.Parent;
        if (loop is not ILoopOperation { Body: { } body }) return false;
        foreach (IOperation part in body.DescendantsAndSelf())
        {
            if (part is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Value: var value }
                && SymbolEqualityComparer.Default.Equals(target.Local, local) && Unwrapped(value) is IObjectCreationOperation)
                return true;
            if (part is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local)
                && declarator.Initializer is { Value: var initial } && Unwrapped(initial) is IObjectCreationOperation)
                return true;
        }
        return false;

        static IOperation Unwrapped(IOperation operation) => operation is IConversionOperation conversion ? Unwrapped(conversion.Operand) : operation;
    }

    /// <summary>
    /// A lookup filled from rows at <paramref name="site"/>: an event learned from them, placed on the collection of the outermost
    /// loop that walks those rows (<c>foreach (var tweet in tweets)</c>), or on the site itself.
    /// </summary>
    private DataFlow Learned(IOperation site, DataFlow keys)
    {
        if (FiledFromStatistic(site)) return PartOfStatistic(keys);
        Location location = site.Syntax.GetLocation();
        for (IOperation? parent = site.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation) break;
            if (parent is IForEachLoopOperation loop && DataFlow.Overlap(Eval(loop.Collection).Rows, keys.Rows)) location = loop.Collection.Syntax.GetLocation();
        }
        var learned = new LearnEvent(location, "A vocabulary", LearnKind.Aggregate, keys.Rows) { ReadsLabels = FilesLabels(site) };
        return keys.WithoutRows().WithEvent(learned);
    }

    /// <summary>A statistic of rows (or of values derived from them): an event that learned from them.</summary>
    private DataFlow Aggregate(IInvocationOperation call, string name, DataFlow source)
    {
        if (context.IsRowTyped(call.Type)) return source.WithParts(default); // a grouping still holds the rows
        if (DrawnFromStatistic(call.Instance ?? call.Arguments.FirstOrDefault()?.Value)) return PartOfStatistic(source);
        var learned = new LearnEvent(call.Syntax.GetLocation(), name, LearnKind.Aggregate, source.Rows, withinGroups: WithinGroups(call))
        {
            OfLabels = call.Arguments.Any(argument => ReadsLabel(argument.Value)) && ByGroupKey(call),
            ReadsLabels = call.Arguments.Any(argument => ReadsLabel(argument.Value)),
        };
        return new DataFlow(ImmutableHashSet<Origin>.Empty, source.Events.Add(learned), ImmutableHashSet<Origin>.Empty, default);
    }

    private static DataFlow ScoresOnly(DataFlow flow)
    {
        ImmutableHashSet<FlowEvent> scores = flow.Events.Where(flowEvent => flowEvent is ScoreEvent).ToImmutableHashSet();
        return scores.IsEmpty ? DataFlow.Empty : new DataFlow(ImmutableHashSet<Origin>.Empty, scores, ImmutableHashSet<Origin>.Empty, default);
    }

    /// <summary>Statistics of rows (not a model's predictions) that a value carries: what class weights or a setting computed from labels hold.</summary>
    private static IEnumerable<LearnEvent> Statistics(DataFlow flow) => flow.EventsOf<LearnEvent>().Where(learned => learned.Kind != LearnKind.Model);

    /// <summary>"fold.Train" or "fold.Validation" for a Fold's index set, which names a subset of the rows it indexes; otherwise null.</summary>
    private string? FoldIndexSet(IOperation? indices)
    {
        while (indices is IConversionOperation conversion) indices = conversion.Operand;
        return indices is IPropertyReferenceOperation { Property.Name: "Train" or "Validation" } member && Symbols.Fold is { } fold
            && SymbolEqualityComparer.Default.Equals(member.Instance?.Type, fold) ? "fold." + member.Property.Name : null;
    }

    private DataFlow Unknown(IInvocationOperation call, string name, DataFlow source, List<IArgumentOperation> arguments)
    {
        DataFlow joined = source, heldOut = source;
        int lambdaIndex = 0;
        foreach (IArgumentOperation argument in arguments)
        {
            IOperation value = argument.Value;
            while (value is IConversionOperation or IDelegateCreationOperation)
                value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
            DataFlow given = value is IAnonymousFunctionOperation
                ? Lambda(value, source.Join(joined).Narrow("#λ" + lambdaIndex++), distinctParameters: true)
                : Eval(argument.Value);
            joined = joined.Join(given);
            // What a scorer returns (a number per fold) is a score, not something the folds' rows are changed with.
            if (value is not IAnonymousFunctionOperation { Symbol.ReturnType: var returned } || context.IsRowTyped(returned) || returned.TypeKind == TypeKind.Delegate)
                heldOut = heldOut.Join(given);
        }
        if (IsCrossValidation(call.TargetMethod)) Split(call, heldOut.Join(FixedOutsideFolds(call, joined)));

        bool producesRows = context.IsRowTyped(call.Type);
        if (producesRows && (joined.Rows.IsEmpty || !GivenRows(call)))
            // Rows read from somewhere: a new source. A loader's path parameter (Read("data/" + file)) is the caller's
            // argument, so one loader called with two paths gives two sources, and with one path the same.
            return DataFlow.Of(new Origin(PathParameter(call) is { } path ? MethodSummary.ParameterSource(path.Ordinal) : ReadKey(call), ""));
        if (!producesRows && Aggregates.Contains(name) && !joined.Rows.IsEmpty) return OverOneRow(call) ? joined.WithParts(default) : Aggregate(call, name, joined);
        return joined.WithParts(default);
    }

    /// <summary>
    /// Whether a call of a library method may return rows it is given: a receiver or argument that is a collection of rows
    /// or a delegate (which may return some). A call given only settings (a path kept in a config record, whose flow is that
    /// of the object it came from) reads its rows from somewhere: a source of its own.
    /// </summary>
    private bool GivenRows(IInvocationOperation call)
    {
        if (call.Instance is { } instance && !IsSettings(instance.Type)) return true;
        foreach (IArgumentOperation argument in call.Arguments)
            if (!IsSettings(argument.Value.Type)) return true;
        return false;
    }

    /// <summary>A string, a number, an enum, or a record or class that holds no rows (a config, options).</summary>
    private bool IsSettings(ITypeSymbol? type) => type is not null && type.TypeKind != TypeKind.Delegate && !context.IsRowTyped(type)
        && (type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum || type is INamedTypeSymbol { IsGenericType: false });

    /// <summary>
    /// Steps a cross-validation's delegate (its prepare or scorer, inline or kept in a local) fits on rows it captures rather
    /// than on its fold parameters (<c>foldTrain =&gt; Standardizer.Fit(split.Train)</c>): one fit for every fold, so every
    /// fold's validation rows are in what each fold's training rows are changed with.
    /// </summary>
    private DataFlow FixedOutsideFolds(IInvocationOperation call, DataFlow folded)
    {
        DataFlow carried = DataFlow.Empty;
        foreach (IArgumentOperation argument in call.Arguments)
        {
            if (argument.Parameter?.Type.TypeKind != TypeKind.Delegate) continue;
            if (DelegateBody(argument.Value) is not { } lambda) continue;
            foreach (IInvocationOperation fit in lambda.Body.Descendants().OfType<IInvocationOperation>())
            {
                if (Symbols.LearnsFrom(fit.TargetMethod) is not { } parameter) continue;
                if (fit.Arguments.FirstOrDefault(candidate => candidate.Parameter?.Name == parameter) is not { } data || PerFoldRows(lambda, data.Value)) continue;
                DataFlow rows = Eval(data.Value);
                if (!rows.Parts.IsDefault && rows.Parts.Length == 3) rows = rows.Parts[0];
                if (!DataFlow.Overlap(rows.Rows, folded.Rows)) continue;
                carried = carried.Join(new DataFlow(rows.Rows, ImmutableHashSet<FlowEvent>.Empty, ImmutableHashSet<Origin>.Empty, default)).WithEvent(new LearnEvent(data.Syntax.GetLocation(), fit.TargetMethod.ContainingType.Name + " (one fit for every fold)", LearnKind.Fit, rows.Rows));
            }
        }
        return carried;
    }

    /// <summary>The lambda a delegate argument is: written inline, or the initializer of the delegate local given.</summary>
    private IAnonymousFunctionOperation? DelegateBody(IOperation value)
    {
        while (value is IConversionOperation or IDelegateCreationOperation)
            value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
        if (value is IAnonymousFunctionOperation lambda) return lambda;
        if (value is not ILocalReferenceOperation { Local: var local }) return null;
        foreach (SyntaxReference reference in local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                || !context.Compilation.ContainsSyntaxTree(initializer.SyntaxTree)) continue;
            IOperation? operation = context.Compilation.GetSemanticModel(initializer.SyntaxTree).GetOperation(initializer);
            while (operation is IConversionOperation or IDelegateCreationOperation)
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)operation).Target;
            return operation as IAnonymousFunctionOperation;
        }
        return null;
    }

    /// <summary>Whether a value inside a delegate reads the delegate's own parameters or locals (the fold's rows), so it differs per fold.</summary>
    internal static bool PerFoldRows(IAnonymousFunctionOperation lambda, IOperation value) =>
        value.DescendantsAndSelf().Any(node => node switch
        {
            IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, lambda.Symbol),
            ILocalReferenceOperation local => lambda.Syntax.Span.Contains(local.Local.Locations.FirstOrDefault()?.SourceSpan ?? default),
            _ => false,
        });

    /// <summary>The flow of a lambda's result, with its parameters bound to <paramref name="element"/> (each a distinct subset when asked).</summary>
    private DataFlow Lambda(IOperation? value, DataFlow element, bool distinctParameters)
    {
        while (value is IConversionOperation or IDelegateCreationOperation)
            value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
        // A method group (MaxBy(F1At)): what the method returns for the elements, by its summary; events keep their places.
        if (value is IMethodReferenceOperation { Method: { } target } reference && SummaryOf(target) is { } summary)
        {
            // An object's method (clipper.Apply) applies what the object learned where it was made; its rows are not the result's.
            // The models it holds stay what they were trained on (stacker.WithForecast predicting with the model it was given).
            DataFlow? self = reference.Instance is null or IInstanceReferenceOperation ? null : LearnedOnly(Eval(reference.Instance));
            List<DataFlow> elements = Enumerable.Repeat(element, target.Parameters.Length).ToList();
            LabelFeatureWritesAtCall(summary, elements, self);
            PredictionsOfMethodGroup(summary, elements, self);
            DataFlow mapped = OneCapturedStatisticPerRows(summary.Substitute(summary.Returned, elements, call: null, self), target).Join(MembersRead(target));
            // Rows the method returns carry what was written into them (a prediction made a feature), as a helper's rows do at its call.
            if (Observed is not null && context.IsRowTyped(target.ReturnType))
            {
                Observed.BuiltIntoRows.UnionWith(mapped.Events);
                Observed.BuiltIntoRows.UnionWith(PredictionsOfMembersKnownHere(summary));
            }
            return mapped;
        }
        if (value is not IAnonymousFunctionOperation lambda)
        {
            // A delegate held in a variable or a member (Select(weakest.Zero) with a Func<Row, Row>) maps each row to a row:
            // the rows pass through it, whatever it changes in them. A lambda it holds runs for each of them (see MappedByHeldFunctions).
            if (MappedByHeldFunctions(value, element) is { } mapped) return mapped;
            DataFlow held = WithoutFunctions(Eval(value));
            return value?.Type is INamedTypeSymbol { DelegateInvokeMethod: { Parameters.Length: 1 } invoke } && context.IsRowTyped(invoke.ReturnType)
                && context.IsRowTyped(invoke.Parameters[0].Type) ? held.Join(element.WithParts(default)) : held;
        }
        ImmutableArray<IParameterSymbol> parameters = lambda.Symbol.Parameters;
        for (int i = 0; i < parameters.Length; i++)
        {
            bool isElement = i == 0 || distinctParameters;
            if (!isElement) continue; // a Select index, an accumulator
            Assign(parameters[i], distinctParameters && parameters.Length > 1 ? element.Narrow("#" + i) : element);
        }
        DataFlow result = DataFlow.Empty;
        foreach (IReturnOperation returned in OwnReturns(lambda)) result = result.Join(Eval(returned.ReturnedValue));
        return result;
    }

    /// <summary>
    /// Predictions a method group's own model makes (<c>rows.Select(WithScore)</c>, a local function predicting with a model it
    /// captures) are made for the elements it is given: known here as a helper's are at its call, for MLDSL0028.
    /// </summary>
    private void PredictionsOfMethodGroup(MethodSummary summary, List<DataFlow> elements, DataFlow? self)
    {
        foreach (ModelUse prediction in summary.Predictions)
        {
            ModelUse made = prediction with { RowsFlow = summary.Substitute(prediction.RowsFlow, elements, call: null, self) };
            if (Observed is not null && !Observed.HelperPredictions.Any(known => known.Call == made.Call && known.RowsFlow.SameAs(made.RowsFlow))) Observed.HelperPredictions.Add(made);
            if (depth > 0 && !Predictions.Any(known => known.Call == made.Call)) Predictions.Add(made);
        }
    }

    /// <summary>
    /// Predictions a method makes with a model kept in a field or property of its class (<c>static LoanNet first</c>) that this body
    /// fits: the method's own summary may not know what the member was trained on (it is summarised while this body, which fits
    /// the member, is), so its predictions are learned from the rows the member holds here.
    /// </summary>
    private IEnumerable<FlowEvent> PredictionsOfMembersKnownHere(MethodSummary summary)
    {
        foreach (ModelUse prediction in summary.Predictions)
        {
            if (prediction.Model is not (IFieldSymbol or IPropertySymbol) || Value(prediction.Model) is not { TrainedOn.IsEmpty: false } member) continue;
            yield return new LearnEvent(prediction.Call.Syntax.GetLocation(), prediction.Call.TargetMethod.ContainingType.Name, LearnKind.Model, member.TrainedOn) { Pinned = true };
        }
    }

    private readonly Dictionary<IAnonymousFunctionOperation, List<IReturnOperation>> ownReturns = new(ByReference.Instance);

    /// <summary>
    /// The returns of a lambda's own body with a value (not those of lambdas inside it), in the walk's order: found once per
    /// lambda, not by a walk of its body at every evaluation in every pass.
    /// </summary>
    private List<IReturnOperation> OwnReturns(IAnonymousFunctionOperation lambda)
    {
        if (ownReturns.TryGetValue(lambda, out List<IReturnOperation>? known)) return known;
        var found = new List<IReturnOperation>();
        foreach (IReturnOperation returned in lambda.Body.Descendants().OfType<IReturnOperation>())
            if (returned.ReturnedValue is not null && Enclosing(returned) == lambda) found.Add(returned);
        ownReturns[lambda] = found;
        return found;
    }


    /// <summary>A SelectMany lambda that returns a collection of two or more rows built from the element (a row and its copies), or a projection making them.</summary>
    private bool ManyRowsFromOne(IOperation? value)
    {
        while (value is IConversionOperation or IDelegateCreationOperation)
            value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
        if (value is not IAnonymousFunctionOperation lambda) return false;
        foreach (IReturnOperation returned in lambda.Body.Descendants().OfType<IReturnOperation>())
        {
            IOperation? result = returned.ReturnedValue;
            while (result is IConversionOperation conversion) result = conversion.Operand;
            if (CopiesProjectedFromOne(lambda, result)) return true;
            int count = result switch
            {
                IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues.Length,
                { Kind: OperationKind.CollectionExpression } => result.ChildOperations.Count,
                _ => 0,
            };
            if (count >= 2) return true;
        }
        return false;
    }

    /// <summary>A lambda that returns <c>rows[random.Next(...)]</c>: drawing rows with replacement (a bootstrap) repeats some.</summary>
    private static bool ReturnsRandomElement(IOperation? value)
    {
        while (value is IConversionOperation or IDelegateCreationOperation)
            value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
        return value is IAnonymousFunctionOperation lambda
            && lambda.Body.Descendants().OfType<IReturnOperation>().Any(returned => IsRandomElement(returned.ReturnedValue));
    }

    /// <summary>An element picked by a random index: <c>rows[random.Next(rows.Count)]</c>.</summary>
    private static bool IsRandomElement(IOperation? value)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        IEnumerable<IOperation> indices = value switch
        {
            IArrayElementReferenceOperation element => element.Indices,
            IPropertyReferenceOperation { Arguments.Length: > 0 } indexer => indexer.Arguments.Select(argument => argument.Value),
            _ => Enumerable.Empty<IOperation>(),
        };
        return indices.SelectMany(index => index.DescendantsAndSelf()).OfType<IInvocationOperation>()
            .Any(call => call.TargetMethod.ContainingType is { Name: "Random", ContainingNamespace.Name: "System" });
    }

    /// <summary>Rows that go into a collection at one place (its initializer, an Add).</summary>
    private void Site(ISymbol collection, SyntaxNode site, ImmutableHashSet<Origin> rows)
    {
        if (!contributions.TryGetValue(collection, out var sites)) contributions[collection] = sites = new();
        int index = sites.FindIndex(known => known.Site == site);
        if (index < 0) sites.Add((site, rows));
        else sites[index] = (site, sites[index].Rows.Union(rows));
    }

    private void Contribute(ISymbol collection, IInvocationOperation call, DataFlow added)
    {
        Site(collection, call.Syntax, added.Rows);
        List<(SyntaxNode Site, ImmutableHashSet<Origin> Rows)> sites = contributions[collection];
        // The same rows added at two places (or a row and a copy of it) multiply them; the later place adds the copies.
        // So does adding, on every turn of a loop, rows that do not change with the loop.
        bool copies = sites.Any(site => site.Site.SpanStart < call.Syntax.SpanStart && DataFlow.Overlap(site.Rows, added.Rows))
            || RepeatedInLoop(call, added) || call.Arguments.Any(argument => IsRandomElement(argument.Value));
        if (copies) added = added.WithEvent(new MultiplyEvent(call.Syntax.GetLocation(), call.TargetMethod.Name, added.Rows)
        {
            BalancesClasses = call.Arguments.Any(argument => ChosenSubset(argument.Value)),
        });
        // An element added to a container of parts may be read back at any position or key.
        Assign(collection, IntoParts(Read(collection), added.WithParts(default), index: null));
    }

    /// <summary>An add inside a loop whose rows come from variables, none of them declared by or in the loop.</summary>
    private static bool RepeatedInLoop(IInvocationOperation call, DataFlow added)
    {
        // Rows read or built anew on every turn are new rows each time, not the same ones again.
        if (added.Rows.IsEmpty || added.Rows.All(origin => origin.Source.StartsWith("read:", StringComparison.Ordinal) || MadeRows.IsMade(origin.Source))) return false;
        ILoopOperation? loop = null;
        for (IOperation? parent = call.Parent; parent is not null && loop is null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation) return false;
            loop = parent as ILoopOperation;
        }
        if (loop is null) return false;
        var varying = new HashSet<ILocalSymbol>(loop.Locals, SymbolEqualityComparer.Default);
        foreach (IVariableDeclaratorOperation declarator in loop.Body.Descendants().OfType<IVariableDeclaratorOperation>()) varying.Add(declarator.Symbol);
        if (loop is IForLoopOperation forLoop)
            foreach (IVariableDeclaratorOperation declarator in forLoop.Before.SelectMany(before => before.DescendantsAndSelf()).OfType<IVariableDeclaratorOperation>())
                varying.Add(declarator.Symbol);
        varying.UnionWith(WrittenInLoop(loop));
        return !call.Arguments.SelectMany(argument => argument.Value.DescendantsAndSelf()).OfType<ILocalReferenceOperation>().Any(local => varying.Contains(local.Local))
            && !call.Arguments.Any(argument => argument.Value.DescendantsAndSelf().OfType<IInvocationOperation>().Any());
    }


    private static bool IsCrossValidation(IMethodSymbol method)
    {
        string type = method.ContainingType?.Name ?? "", name = method.Name;
        // Folds.Of cuts rows into folds whose validation indices a hand-written loop holds out, as CrossValidation.Run does.
        return type.Contains("CrossValidation") || name.Contains("CrossValidat") || name.Contains("KFold") || type.Contains("Search") && name is "Run" or "Fit"
            || type == "Folds" && name == "Of";
    }

    /// <summary>The string parameter of the method being summarised that a read's path is made from, or null.</summary>
    private IParameterSymbol? PathParameter(IInvocationOperation call)
    {
        if (depth == 0 || owner is null || call.Arguments.FirstOrDefault()?.Value is not { } first) return null;
        return first.DescendantsAndSelf().OfType<IParameterReferenceOperation>().Select(reference => reference.Parameter)
            .FirstOrDefault(parameter => parameter.Type.SpecialType == SpecialType.System_String && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, owner));
    }

    /// <summary>Two reads of the same path are the same source: the key is the first argument's constant or text.</summary>
    private static string ReadKey(IInvocationOperation call)
    {
        IOperation? first = call.Arguments.FirstOrDefault()?.Value;
        while (first is IConversionOperation conversion) first = conversion.Operand;
        if (first?.ConstantValue is { HasValue: true, Value: string path }) return "read:" + path;
        string text = first?.Syntax.ToString() ?? call.TargetMethod.Name;
        return "read:" + text;
    }
}
