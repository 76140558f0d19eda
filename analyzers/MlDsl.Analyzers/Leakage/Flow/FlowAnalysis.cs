using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Follows rows through one method body (or local function): every local, parameter and field gets
/// the join of every value assigned to it anywhere in the body, iterated to a fixed point, so order,
/// loops and branches need no special care; a final pass records <see cref="Observations"/> for the
/// rules. Calls into helper methods of the compilation use their <see cref="MethodSummary"/>.
/// </summary>
internal sealed partial class FlowAnalysis
{
    private const int MaxPasses = 8;

    private readonly FlowContext context;
    private readonly IReadOnlyDictionary<ISymbol, DataFlow> bindings;
    private readonly FlowAnalysis? outer;
    private readonly int depth;
    private readonly IMethodSymbol? owner;
    private readonly Dictionary<ISymbol, DataFlow> state = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<(SyntaxNode Site, ImmutableHashSet<Origin> Rows)>> contributions = new(SymbolEqualityComparer.Default);
    private bool changed;

    /// <summary>The walk's work list, kept between passes so that it grows once.</summary>
    private readonly Stack<IOperation> pending = new();

    public FlowAnalysis(FlowContext context, IReadOnlyDictionary<ISymbol, DataFlow> bindings, FlowAnalysis? outer, int depth, IMethodSymbol? owner)
    {
        this.context = context;
        this.bindings = bindings;
        this.outer = outer;
        this.depth = depth;
        this.owner = owner;
    }

    private LeakageSymbols Symbols => context.Symbols;

    private IReadOnlyDictionary<IParameterSymbol, MethodSummary>? delegateArguments;

    /// <summary>What the caller gave the body's delegate parameters (a lambda, a method), invoked where the body calls them.</summary>
    public IReadOnlyDictionary<IParameterSymbol, MethodSummary>? DelegateArguments { init => delegateArguments = value; }

    /// <summary>What the body does to models that are parameters of the method analysed.</summary>
    public List<ModelEffect> ModelEffects { get; } = new();

    /// <summary>Fields and properties (not locals) the body assigns, with their values.</summary>
    public IReadOnlyList<(ISymbol Member, DataFlow Flow)> MemberWrites() =>
        state.Where(pair => pair.Key is IFieldSymbol or IPropertySymbol).Select(pair => (pair.Key, pair.Value)).ToList();

    /// <summary>The body's own <c>out</c> and <c>ref</c> parameters it assigns, with their values.</summary>
    public IReadOnlyList<(int Ordinal, DataFlow Flow)> OutWrites() =>
        state.Where(pair => pair.Key is IParameterSymbol { RefKind: RefKind.Out or RefKind.Ref } parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, owner))
            .Select(pair => (((IParameterSymbol)pair.Key).Ordinal, pair.Value)).ToList();

    /// <summary>An expression's value at the fixed point, after <see cref="Run"/> (a field's initializer).</summary>
    public DataFlow ValueOf(IOperation expression) => Eval(expression);

    /// <summary>The join of every value the body returns.</summary>
    public DataFlow Returned { get; private set; } = DataFlow.Empty;

    /// <summary>What the last pass saw; null until <see cref="Run"/> with observation.</summary>
    public Observations? Observed { get; private set; }

    public void Run(IOperation body, bool observe = false)
    {
        ownLambda = body.Parent as IAnonymousFunctionOperation;
        runRoot = body.Syntax;
        reachingDefinitions = ReachingDefinitions.Compute(body);
        // Every pass observes when asked: the pass that changes no value it had read walked the fixed point,
        // so its observations are the final ones and no extra walk is needed (a body whose values are all
        // written before they are read settles in one pass). Observing only records; it changes no value.
        for (int pass = 0; pass < MaxPasses; pass++)
        {
            if (observe) Observed = new Observations();
            evaluated.Clear();
            readThisPass.Clear();
            changed = false;
            Walk(body);
            if (!changed) return;
        }
        if (!observe) return;
        Observed = new Observations(); // no fixed point within MaxPasses: observe the values reached
        evaluated.Clear();
        Walk(body);
    }

    /// <summary>Applies every statement's effect; local functions are analysed on their own, lambdas as part of this body.</summary>
    private void Walk(IOperation body)
    {
        pending.Clear();
        pending.Push(body);
        while (pending.Count > 0)
        {
            IOperation operation = pending.Pop();
            if (operation is ILocalFunctionOperation) continue;
            Effect(operation);
            foreach (IOperation child in operation.ChildOperations.Reverse()) pending.Push(child);
        }
    }

    private void Effect(IOperation operation)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator:
            {
                DataFlow initial = Eval(value);
                // A collection starts with rows: adding the same rows again later multiplies them.
                if (context.IsRowTyped(declarator.Symbol.Type) && !initial.Rows.IsEmpty && StartsWithCollection(value))
                    Site(declarator.Symbol, declarator.Syntax, initial.Rows);
                initial = WholeRowsUnderAPartName(declarator.Symbol, value, initial);
                AssignAt(declarator.Syntax, () => Assign(declarator.Symbol, initial));
                break;
            }
            case ISimpleAssignmentOperation assignment when InitializesAnonymousObject(assignment):
                break;
            case ISimpleAssignmentOperation assignment:
            {
                DataFlow value = Eval(assignment.Value);
                // low = Math.Min(low, r.X) in a loop over rows keeps a statistic of them, as sum += r.X does.
                if (!value.Rows.IsEmpty && RunningUpdate(assignment, out string? what)) value = Accumulate(assignment, assignment.Target, assignment.Value, value, what!);
                if (assignment.Target is ILocalReferenceOperation target) value = WholeRowsUnderAPartName(target.Local, assignment.Value, value);
                DataFlow assigned = value.Join(ControlScores(operation));
                AssignAt(assignment.Syntax, () => AssignTo(assignment.Target, assigned));
                break;
            }
            case ICompoundAssignmentOperation compound:
                AssignTo(compound.Target, Accumulate(compound, compound.Target, compound.Value, Eval(compound.Value), "a running total").Join(ControlScores(operation)));
                break;
            case IIncrementOrDecrementOperation increment:
                AssignTo(increment.Target, ControlScores(operation));
                break;
            case ICoalesceAssignmentOperation coalesce:
                AssignTo(coalesce.Target, Eval(coalesce.Value));
                break;
            case IDeconstructionAssignmentOperation deconstruction:
            {
                DataFlow assigned = Eval(deconstruction.Value);
                AssignAt(deconstruction.Syntax, () => Deconstruct(deconstruction.Target, assigned));
                break;
            }
            case IAnonymousFunctionOperation lambda:
                BindFoldScorerParameters(lambda);
                break;
            case IForEachLoopOperation loop:
                BindLoopVariable(loop.LoopControlVariable, Eval(loop.Collection));
                break;
            case IReturnOperation { ReturnedValue: { } returned } when Enclosing(operation) == ownLambda:
                Returned = Returned.Join(operation.Kind == OperationKind.YieldReturn ? Yielded(operation, Eval(returned)) : Eval(returned));
                break;
            case IInvocationOperation or IBinaryOperation:
                Eval(operation);
                break;
            case ILocalReferenceOperation local when Observed is not null && !local.IsDeclaration:
                Observed.ReadLocals.Add(local.Local);
                break;
        }
    }

    /// <summary>
    /// Whether an initializer holds whole collections of rows (<c>all.ToList()</c>, <c>new List&lt;Row&gt;(all)</c>),
    /// not a few elements (<c>new List&lt;Row&gt; { rows[0] }</c>) that later adds merely continue.
    /// </summary>
    private bool StartsWithCollection(IOperation value)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        return value is not IObjectCreationOperation creation
            || creation.Arguments.Any(argument => context.IsRowTyped(argument.Value.Type) && argument.Value.Type is not INamedTypeSymbol { IsRecord: true });
    }

    /// <summary>
    /// A value summed (or multiplied, ...) over rows in a loop is a statistic of those rows, as
    /// <c>Sum</c> would be: it carries an event learned from them instead of the rows.
    /// </summary>
    private DataFlow Accumulate(IOperation site, IOperation target, IOperation valueOperation, DataFlow value, string what)
    {
        if (value.Rows.IsEmpty || context.IsRowTyped(target.Type)) return value;
        if (DrawnFromStatistic(valueOperation)) return PartOfStatistic(value);
        // An entry of a dictionary made anew for each record (a parser appending a field's continuation lines) totals one record.
        if (target is IPropertyReferenceOperation { Instance: { } holder, Arguments.Length: > 0 } && IsPerRecordScratch(site, Holder(holder)))
            return value;
        var learned = new LearnEvent(site.Syntax.GetLocation(), what, LearnKind.Accumulated, value.Rows);
        return value.WithoutRows().WithEvent(learned);
    }

    /// <summary>
    /// The scores an operation depends on through the conditions it runs under: a count kept only when
    /// a prediction on test is right carries that prediction's score. In a helper, a count kept under a condition
    /// on predictions it is given (a parameter) carries whatever their argument carries at the call.
    /// </summary>
    private DataFlow ControlScores(IOperation operation)
    {
        DataFlow scores = DataFlow.Empty;
        bool counts = operation is IIncrementOrDecrementOperation or ICompoundAssignmentOperation;
        for (IOperation? child = operation, parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation) break;
            if (parent is IConditionalOperation conditional && child != conditional.Condition)
            {
                DataFlow condition = Eval(conditional.Condition);
                foreach (ScoreEvent score in condition.EventsOf<ScoreEvent>()) scores = scores.WithEvent(score);
                ImmutableHashSet<Origin> given = ValueParameters(condition);
                if (!given.IsEmpty) scores = scores.Join(new DataFlow(given, ImmutableHashSet<FlowEvent>.Empty, ImmutableHashSet<Origin>.Empty, default));
                if (counts) CountRightPredictions(condition, conditional.Condition);
            }
        }
        return scores;
    }

    /// <summary>
    /// A value an iterator yields: rows that overlap rows another <c>yield return</c> of the same pass
    /// yields (a row and itself, a row and <c>row with { ... }</c>) are copies, as an Add of them twice is.
    /// Yields in two branches of one <c>if</c> or <c>switch</c> never both run for a row.
    /// </summary>
    private DataFlow Yielded(IOperation yield, DataFlow value)
    {
        int index = yields.FindIndex(known => known.Site == yield.Syntax);
        if (index < 0) yields.Add((yield.Syntax, value.Rows));
        else yields[index] = (yield.Syntax, yields[index].Rows.Union(value.Rows));
        bool copies = yields.Any(other => other.Site != yield.Syntax && DataFlow.Overlap(other.Rows, value.Rows) && !Exclusive(other.Site, yield.Syntax));
        return copies ? value.WithEvent(new MultiplyEvent(yield.Syntax.GetLocation(), "An iterator yielding a row twice", value.Rows)) : value;
    }

    private readonly List<(SyntaxNode Site, ImmutableHashSet<Origin> Rows)> yields = new();

    private static bool Exclusive(SyntaxNode left, SyntaxNode right)
    {
        // A yield outside every loop runs once (a parser flushing its last record after the loop), not once per row
        // beside the loop's own yield: it copies no row.
        if (InLoop(left) != InLoop(right)) return true;
        SyntaxNode? common = left.Ancestors().FirstOrDefault(ancestor => ancestor.Span.Contains(right.Span));
        return common switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.IfStatementSyntax branch => branch.Else is { } otherwise
                && otherwise.Span.Contains(left.Span) != otherwise.Span.Contains(right.Span),
            Microsoft.CodeAnalysis.CSharp.Syntax.SwitchStatementSyntax => true, // yields in two sections
            _ => false,
        };
    }

    private static bool InLoop(SyntaxNode node) => node.Ancestors()
        .TakeWhile(ancestor => ancestor is not (Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax
            or Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousFunctionExpressionSyntax))
        .Any(ancestor => ancestor is Microsoft.CodeAnalysis.CSharp.Syntax.ForStatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.ForEachStatementSyntax
            or Microsoft.CodeAnalysis.CSharp.Syntax.WhileStatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.DoStatementSyntax);

    /// <summary>The lambda whose body this analysis walks (a stored lambda summarised like a helper), or null.</summary>
    private IAnonymousFunctionOperation? ownLambda;

    private static IAnonymousFunctionOperation? Enclosing(IOperation operation)
    {
        for (IOperation? parent = operation.Parent; parent is not null; parent = parent.Parent)
            if (parent is IAnonymousFunctionOperation lambda) return lambda;
        return null;
    }

    private void BindLoopVariable(IOperation variable, DataFlow collection)
    {
        // Each turn over a container of named parts holds one of them, whichever: their join, not a positional part.
        if (!collection.PartNames.IsDefault) collection = collection.WithParts(default);
        switch (variable)
        {
            case IVariableDeclaratorOperation declarator:
                Assign(declarator.Symbol, collection);
                break;
            case IVariableDeclarationGroupOperation group:
                foreach (IVariableDeclaratorOperation declarator in group.Declarations.SelectMany(declaration => declaration.Declarators))
                    Assign(declarator.Symbol, collection);
                break;
            default:
                Deconstruct(variable, collection);
                break;
        }
    }

    /// <summary>Element i of a deconstruction: the split's or tuple's part, or a subset of its own.</summary>
    private void Deconstruct(IOperation target, DataFlow value)
    {
        if (target is IDeclarationExpressionOperation declaration) target = declaration.Expression;
        if (target is not ITupleOperation tuple)
        {
            AssignTo(target, value);
            return;
        }
        for (int i = 0; i < tuple.Elements.Length; i++)
        {
            DataFlow element = !value.Parts.IsDefault && i < value.Parts.Length ? value.Parts[i] : value.Narrow("#" + i);
            Deconstruct(tuple.Elements[i], element);
        }
    }

    private void AssignTo(IOperation target, DataFlow value)
    {
        switch (target)
        {
            case ILocalReferenceOperation local: Assign(local.Local, value); break;
            case IParameterReferenceOperation parameter: Assign(parameter.Parameter, value); break;
            case IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation: Assign(field.Field, value); break;
            case IPropertyReferenceOperation property when property.Instance is null or IInstanceReferenceOperation: Assign(property.Property, value); break;
            case IPropertyReferenceOperation { Instance: { } instance, Arguments.Length: > 0 } indexer:
                DataFlow keys = DataFlow.Join(indexer.Arguments.Select(argument => Eval(argument.Value)).ToList());
                // lookup[word] = ...: a dictionary keyed by values of rows is a vocabulary learned from them.
                // Its entries are statistics of those rows, not the rows: the lookup keeps what was learned, from keys and values alike.
                if (IsLookup(instance.Type) && !keys.Rows.IsEmpty
                    && !(indexer.Parent is ISimpleAssignmentOperation { Value: var assigned } && IsIndexOfRecords(instance.Type, assigned, Holder(instance)))
                    && !IsPerRecordScratch(indexer, Holder(instance)) && !IsEarlierRowsTally(indexer, Holder(instance)))
                    value = Learned(indexer, keys.Join(value));
                // Keys that are themselves learned (the words of a counted vocabulary kept by rank) bring what they were learned from.
                else if (IsLookup(instance.Type)) value = value.Join(EventsOnly(keys));
                AssignTo(instance, IntoParts(Eval(instance), value, indexer.Arguments.Length == 1 ? indexer.Arguments[0].Value : null));
                break;
            case IMemberReferenceOperation { Instance: { } instance }: AssignTo(instance, value); break;
            case IArrayElementReferenceOperation element:
                AssignTo(element.ArrayReference, IntoParts(Eval(element.ArrayReference), value, element.Indices.Length == 1 ? element.Indices[0] : null));
                break;
            case IDeclarationExpressionOperation or ITupleOperation: Deconstruct(target, value); break;
        }
    }

    /// <summary>
    /// A value stored into a container of named parts (<c>parts[2] = rows</c>, <c>sets["x"] = rows</c>, an Add): it joins the
    /// part its constant index names, or every part when the index is not constant, so a later read of a part sees it.
    /// </summary>
    private static DataFlow IntoParts(DataFlow container, DataFlow value, IOperation? index)
    {
        if (container.PartNames.IsDefault || value.IsEmpty) return value;
        string? name = index is not null && PartName(index, container) is { } key && container.PartNames.Contains(key) ? key : null;
        DataFlow stored = value.WithParts(default);
        ImmutableArray<DataFlow> parts = container.PartNames.Select(part => name is null || part == name ? stored : DataFlow.Empty).ToImmutableArray();
        return stored.WithParts(parts).WithNames(container.PartNames);
    }

    private void Assign(ISymbol symbol, DataFlow value)
    {
        if (value.IsEmpty) return;
        value = RoleFromName(symbol, value);
        bool seenChanged = RecordReaching(symbol, value);
        DataFlow current = Value(symbol);
        DataFlow joined = current.Join(value);
        if (joined.SameAs(current))
        {
            if (seenChanged && readThisPass.Contains(symbol)) changed = true;
            return;
        }
        state[symbol] = joined;
        // Only a value read earlier in this pass makes another pass needed: what was computed from it is stale.
        // Read after this assignment, it is seen as it now is (a body without loops or later writes settles in one pass).
        if (readThisPass.Contains(symbol)) changed = true;
    }

    /// <summary>The symbols whose values this pass has read so far.</summary>
    private readonly HashSet<ISymbol> readThisPass = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Rows not yet in any split part, kept in a local or parameter named like one (<c>test</c>,
    /// <c>holdout</c>, <c>validation</c>, <c>train</c>), take that part: a hand-made split or a file
    /// of test rows is as much a test set as <c>split.Test</c>.
    /// </summary>
    private static DataFlow RoleFromName(ISymbol symbol, DataFlow value)
    {
        if (symbol is not (ILocalSymbol or IParameterSymbol) || value.Rows.IsEmpty || !value.Parts.IsDefault) return value;
        string? segment = RoleSegment(symbol.Name);
        if (segment is null || value.Rows.All(origin => origin.Role != Role.All || PartKnownFromData(origin))) return value;
        var rows = value.Rows.Select(origin => origin.Role == Role.All && !PartKnownFromData(origin) ? origin.NamedAs(segment) : origin).ToImmutableHashSet();
        return new DataFlow(rows, value.Events, value.TrainedOn, value.Parts);
    }

    public static string? RoleSegment(string name)
    {
        string lower = name.ToLowerInvariant();
        bool test = lower.Contains("test") || lower.Contains("holdout"), train = lower.Contains("train");
        bool validation = lower.Contains("valid") || lower == "val" || lower.StartsWith("val") && !lower.StartsWith("value") || lower == "dev";
        // A "holdout" is test rows where it is scored, but also what early stopping watches: H keeps the difference.
        if (test && !train && !validation) return lower.Contains("test") ? "X" : "H";
        if (validation && !train && !test) return "V";
        if (train && !test && !validation) return "T";
        return null;
    }

    private DataFlow Read(ISymbol symbol)
    {
        readThisPass.Add(symbol);
        return Value(symbol);
    }

    /// <summary>A symbol's value, not counted as read (an assignment joining into it).</summary>
    private DataFlow Value(ISymbol symbol)
    {
        if (state.TryGetValue(symbol, out DataFlow? flow)) return flow;
        if (bindings.TryGetValue(symbol, out flow)) return flow;
        if (outer is not null && outer.Knows(symbol)) return outer.Read(symbol);
        // A primary constructor's parameter read in a method or an initializer: the argument the object was created with.
        if (ObjectState.IsCapturedConstructorParameter(symbol, owner) is { } captured) return MethodSummary.Parameter(captured, ObjectState.ConstructorArgument(captured), context);
        DataFlow own = symbol switch
        {
            IFieldSymbol field when context.IsRowTyped(field.Type) => DataFlow.Of(new Origin("this." + field.Name, "")),
            IPropertySymbol property when context.IsRowTyped(property.Type) => DataFlow.Of(new Origin("this." + property.Name, "")),
            _ => DataFlow.Empty,
        };
        // What the type's initializers, constructors and methods put in the member (a scaler fitted in the constructor).
        return symbol is IFieldSymbol or IPropertySymbol ? own.Join(context.MemberFlow(symbol)) : own;
    }

    private bool Knows(ISymbol symbol) => state.ContainsKey(symbol) || bindings.ContainsKey(symbol) || outer?.Knows(symbol) == true;

    /// <summary>The symbol a value is kept in (the model in <c>model.Fit</c>), if it is a plain one.</summary>
    private static ISymbol? Holder(IOperation? operation) => operation switch
    {
        IConversionOperation conversion => Holder(conversion.Operand),
        IParenthesizedOperation parenthesized => Holder(parenthesized.Operand),
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };
}
