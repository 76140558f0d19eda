using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Rows an object keeps from its creation, one argument apart from another: <c>new Tuner(split.Train, split.Test)</c> whose
/// constructor keeps <c>held</c> in a property (or a field, or a primary constructor's parameter), and
/// <c>new Tuner { Rows = split.Test }</c>. Each constructor argument is the <see cref="MethodSummary.Self"/> source narrowed to
/// <c>(arg:name)</c> in what the type's members hold; the object's value names each argument (and each member it fills) as a
/// part, so a method called on the object scores or fits on the rows given for that argument, not on every argument at once.
/// </summary>
internal static class ObjectState
{
    private const string ArgumentPrefix = "(arg:";

    /// <summary>The path segment standing for the argument given for a constructor parameter named <paramref name="name"/>.</summary>
    public static string ArgumentSegment(string name) => ArgumentPrefix + name + ")";

    /// <summary>What a constructor's parameter stands for in the members it fills: the argument of the object's creation.</summary>
    public static Origin ConstructorArgument(IParameterSymbol parameter) => new(MethodSummary.Self, ArgumentSegment(parameter.Name));

    /// <summary>The constructor parameter <paramref name="symbol"/> is, when it is read outside its constructor's own body (a primary constructor's).</summary>
    public static IParameterSymbol? IsCapturedConstructorParameter(ISymbol symbol, IMethodSymbol? owner) =>
        symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } constructor } parameter
        && !SymbolEqualityComparer.Default.Equals(constructor, owner) ? parameter : null;

    /// <summary>
    /// The flow a <see cref="MethodSummary.Self"/> path stands for on the object <paramref name="self"/>: the argument its first segment
    /// names, with the rest of the path, where the object's creation is known; the whole object (the path without that segment) otherwise.
    /// </summary>
    public static (DataFlow Given, string Remainder) GivenFor(DataFlow self, string path)
    {
        string first = FirstSegment(path);
        if (!IsArgument(first)) return (self, path);
        string rest = path.Length > first.Length ? path.Substring(first.Length + 1) : "";
        return (self.NamedPart(first) ?? self, rest);
    }

    /// <summary>What the creation of <paramref name="self"/> put in the member an origin <c>this.Name</c> reads, if it is known.</summary>
    public static DataFlow? MemberGiven(DataFlow self, Origin origin) =>
        origin.Source.StartsWith("this.", System.StringComparison.Ordinal) ? self.NamedPart("." + origin.Source.Substring(5)) : null;

    /// <summary>
    /// The segment of the one constructor argument a flow inside the object's methods is (all its rows: the argument, and the
    /// member it was kept in, <c>this.Held</c>, which is that argument where the object is made), or null.
    /// </summary>
    public static string? ArgumentOf(DataFlow flow)
    {
        ImmutableHashSet<Origin> rows = flow.Rows.Union(flow.TrainedOn);
        string? segment = null;
        foreach (Origin origin in rows)
        {
            if (origin.Source.StartsWith("this.", System.StringComparison.Ordinal) && origin.Path.Length == 0) continue;
            if (origin.Source != MethodSummary.Self || !IsArgument(origin.Path) || segment is not null && segment != origin.Path) return null;
            segment = origin.Path;
        }
        return segment;
    }

    public static bool IsArgument(string segment) => segment.StartsWith(ArgumentPrefix, System.StringComparison.Ordinal) && segment.EndsWith(")", System.StringComparison.Ordinal);

    private static string FirstSegment(string path)
    {
        int slash = path.IndexOf('/');
        return slash < 0 ? path : path.Substring(0, slash);
    }
}

internal sealed partial class FlowAnalysis
{
    /// <summary>Scores this summarised body compares with each other, side by side (see <see cref="MethodSummary.ComparedScores"/>).</summary>
    public List<(ImmutableHashSet<FlowEvent> Left, ImmutableHashSet<FlowEvent> Right)> ComparedScores { get; } = new();

    /// <summary>
    /// An object of a type declared here made with rows or models: its value names what each constructor argument and each
    /// initialized member was given, and each member a constructor argument fills (<c>Held = held</c>), so that what its
    /// methods read is the one argument given for it. Null when nothing of the kind is given.
    /// </summary>
    private DataFlow? ObjectWithParts(IObjectCreationOperation creation, DataFlow whole)
    {
        if (creation.Type is not INamedTypeSymbol { DeclaringSyntaxReferences.IsEmpty: false } type || context.IsRowTyped(type) || !whole.Parts.IsDefault) return null;
        var names = new List<string>();
        var parts = new List<DataFlow>();
        void Give(string name, DataFlow flow)
        {
            int at = names.IndexOf(name);
            if (at < 0)
            {
                names.Add(name);
                parts.Add(flow);
            }
            else parts[at] = parts[at].Join(flow);
        }
        foreach (IArgumentOperation argument in creation.Arguments)
            if (argument.Parameter is { } parameter && HoldsRowsOrModel(parameter.Type))
                Give(ObjectState.ArgumentSegment(parameter.Name), Eval(argument.Value));
        int arguments = names.Count;
        // A member a constructor fills with one argument is that argument (tuner.Held outside, this.Held inside).
        if (arguments > 0)
            foreach (ISymbol member in type.GetMembers())
            {
                if (member is not (IFieldSymbol { IsImplicitlyDeclared: false } or IPropertySymbol) || member.IsStatic) continue;
                if (ObjectState.ArgumentOf(context.MemberFlow(member)) is { } given && names.IndexOf(given) is var at and >= 0 && at < arguments)
                    Give("." + member.Name, parts[at]);
            }
        foreach (ISimpleAssignmentOperation assignment in creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>() ?? Enumerable.Empty<ISimpleAssignmentOperation>())
            if (assignment.Target is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } target && HoldsRowsOrModel(assignment.Target.Type))
                Give("." + target.Member.Name, Eval(assignment.Value));
        if (names.Count == 0) return null;
        return DataFlow.Named(parts.ToImmutableArray(), names.ToImmutableArray()).Join(whole);
    }

    private bool HoldsRowsOrModel(ITypeSymbol? type) => context.IsRowTyped(type) || Symbols.IsModelType(type as INamedTypeSymbol);

    /// <summary>
    /// In a summarised body, two sides of a comparison that both carry scores (<c>score &gt; bestScore</c>): a choice between
    /// candidates where, at a call, both are test scores. One row's prediction against a cutoff is no such side.
    /// </summary>
    private void CompareScoresInSummary(IBinaryOperation binary, DataFlow left, DataFlow right)
    {
        if (depth == 0 || !IsComparison(binary.OperatorKind)) return;
        ImmutableHashSet<FlowEvent> leftScores = ComparedScoresOf(binary.LeftOperand, left), rightScores = ComparedScoresOf(binary.RightOperand, right);
        if (leftScores.IsEmpty || rightScores.IsEmpty) return;
        if (!ComparedScores.Any(pair => pair.Left.SetEquals(leftScores) && pair.Right.SetEquals(rightScores))) ComparedScores.Add((leftScores, rightScores));
    }

    /// <summary>
    /// The comparisons a helper makes between scores, with the caller's rows: both sides test scores is a choice on test, made at
    /// the call. Scores of rows an object was created with are placed at the argument that gave it those rows.
    /// </summary>
    private void ComparisonsAtCall(IInvocationOperation invocation, MethodSummary summary, List<DataFlow> flows, DataFlow? self)
    {
        foreach ((ImmutableHashSet<FlowEvent> leftEvents, ImmutableHashSet<FlowEvent> rightEvents) in summary.ComparedScores)
        {
            DataFlow left = summary.Substitute(new DataFlow(ImmutableHashSet<Origin>.Empty, leftEvents, ImmutableHashSet<Origin>.Empty, default), flows, call: null, self);
            DataFlow right = summary.Substitute(new DataFlow(ImmutableHashSet<Origin>.Empty, rightEvents, ImmutableHashSet<Origin>.Empty, default), flows, call: null, self);
            if (depth > 0 && !ComparedScores.Any(pair => pair.Left.SetEquals(left.Events) && pair.Right.SetEquals(right.Events))) ComparedScores.Add((left.Events, right.Events));
            if (Observed is null) continue;
            Observed.Compared.UnionWith(left.EventsOf<ScoreEvent>());
            Observed.Compared.UnionWith(right.EventsOf<ScoreEvent>());
            ScoreEvent[] leftTest = TestScores(left), rightTest = TestScores(right);
            if (leftTest.Length == 0 || rightTest.Length == 0) continue;
            Observed.Chose(AtCreationArguments(invocation.Instance, leftTest.Concat(rightTest)), invocation.Syntax.GetLocation());
        }
    }

    /// <summary>The scores a comparison's side chooses by (see <see cref="ComparedTestScores"/>), of any rows.</summary>
    private static ImmutableHashSet<FlowEvent> ComparedScoresOf(IOperation operand, DataFlow side)
    {
        while (operand is IConversionOperation or IParenthesizedOperation)
            operand = operand is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operand).Operand;
        bool onePrediction = operand is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true }
            or IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } };
        return side.EventsOf<ScoreEvent>().Where(score => !(onePrediction && IsPrediction(score))).ToImmutableHashSet<FlowEvent>();
    }

    /// <summary>
    /// Test scores measured inside an object's method on rows the object was created with, each placed at the one creation
    /// argument (or initialized member) that gave the object those test rows, where the creation is in sight: that is the line
    /// that hands the test rows to the object. Scores whose rows came otherwise stay where they are.
    /// </summary>
    private IEnumerable<ScoreEvent> AtCreationArguments(IOperation? instance, IEnumerable<ScoreEvent> scores)
    {
        List<IOperation> given = Creations(instance).SelectMany(GivenValues).ToList();
        foreach (ScoreEvent score in scores)
        {
            Origin[] test = score.From.Where(origin => origin.Role == Role.Test).ToArray();
            IOperation[] gave = given.Where(value => Eval(value).Rows.Any(row => row.Role == Role.Test && test.Any(origin => origin.Overlaps(row)))).ToArray();
            yield return gave.Length == 1 ? new ScoreEvent(gave[0].Syntax.GetLocation(), score.What, score.From) : score;
        }
    }

    /// <summary>The argument of the object's creation given for the constructor parameter a flow inside its methods is, if one is in sight.</summary>
    private IArgumentOperation? CreationArgument(IOperation? instance, DataFlow inMethod)
    {
        if (ObjectState.ArgumentOf(inMethod) is not { } segment) return null;
        IArgumentOperation[] found = Creations(instance).SelectMany(creation => creation.Arguments)
            .Where(argument => argument.Parameter is { } parameter && ObjectState.ArgumentSegment(parameter.Name) == segment).ToArray();
        return found.Length == 1 ? found[0] : null;
    }

    /// <summary>What a creation gives the object: its arguments and the values of its initialized members.</summary>
    private static IEnumerable<IOperation> GivenValues(IObjectCreationOperation creation) =>
        creation.Arguments.Select(argument => argument.Value)
            .Concat(creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>().Select(assignment => assignment.Value) ?? Enumerable.Empty<IOperation>());

    /// <summary>The creations an instance's value comes from in this body: the creation itself, or every one a local is given.</summary>
    private static List<IObjectCreationOperation> Creations(IOperation? instance)
    {
        var found = new List<IObjectCreationOperation>();
        while (instance is IConversionOperation or IParenthesizedOperation)
            instance = instance is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)instance).Operand;
        if (instance is IObjectCreationOperation direct)
        {
            found.Add(direct);
            return found;
        }
        if (Holder(instance) is not ILocalSymbol local || instance is null) return found;
        IOperation root = instance;
        while (root.Parent is not null) root = root.Parent;
        foreach (IOperation node in root.DescendantsAndSelf())
        {
            IOperation? value = node switch
            {
                IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) => declarator.Initializer?.Value,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local) => assignment.Value,
                _ => null,
            };
            while (value is IConversionOperation conversion) value = conversion.Operand;
            if (value is IObjectCreationOperation creation) found.Add(creation);
        }
        return found;
    }
}
