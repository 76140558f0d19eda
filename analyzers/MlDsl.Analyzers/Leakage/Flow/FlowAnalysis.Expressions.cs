using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

internal sealed partial class FlowAnalysis
{
    private const int MaxEvalDepth = 64;
    private int evalDepth;
    private readonly Stack<DataFlow> conditionalInstances = new();

    /// <summary>The flow of an expression's value under the current state.</summary>
    private DataFlow Eval(IOperation? operation)
    {
        if (operation is null) return DataFlow.Empty;
        if (evalDepth > MaxEvalDepth)
        {
            truncations++;
            return DataFlow.Empty;
        }
        // Inside a conditional access (a?.B) a value depends on the access around it: those are not kept.
        bool cacheable = conditionalInstances.Count == 0;
        if (cacheable && evaluated.TryGetValue(operation, out DataFlow? known)) return known;
        int truncatedBefore = truncations;
        evalDepth++;
        try
        {
            DataFlow flow = EvalCore(operation);
            if (Observed is not null && !flow.Events.IsEmpty && context.IsRowTyped(operation.Type))
                Observed.AddInRows(flow.Events);
            if (cacheable && truncations == truncatedBefore) evaluated[operation] = flow;
            return flow;
        }
        finally
        {
            evalDepth--;
        }
    }

    /// <summary>
    /// Each expression's value in the current pass. The walk visits an expression once as a statement's part
    /// and again as an operation of its own (and a call nested n deep n times), and a condition once for every
    /// assignment under it: within one pass the first value is reused, with its effects applied once. A pass
    /// that changes nothing saw every value at the fixed point, so reusing them changes no result; a pass that
    /// changes something is followed by another, which starts afresh.
    /// </summary>
    private readonly Dictionary<IOperation, DataFlow> evaluated = new(ByReference.Instance);

    /// <summary>Operations are compared by identity (the default comparer's virtual calls showed in profiles).</summary>
    private sealed class ByReference : IEqualityComparer<IOperation>
    {
        public static readonly ByReference Instance = new();
        public bool Equals(IOperation? x, IOperation? y) => ReferenceEquals(x, y);
        public int GetHashCode(IOperation obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    /// <summary>How many evaluations the depth limit cut off: a value computed with one cut off is not kept.</summary>
    private int truncations;

    private DataFlow EvalCore(IOperation operation)
    {
        if (operation.ConstantValue.HasValue) return DataFlow.Empty;
        switch (operation)
        {
            case IConversionOperation conversion: return Eval(conversion.Operand);
            case IParenthesizedOperation parenthesized: return Eval(parenthesized.Operand);
            case IAwaitOperation awaited: return Eval(awaited.Operation);
            case IDeclarationExpressionOperation declaration: return Eval(declaration.Expression);
            case ILocalReferenceOperation local: return ReadLocal(local);
            case IParameterReferenceOperation parameter: return Read(parameter.Parameter);
            case IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation: return Read(field.Field);
            case IFieldReferenceOperation field:
                return TupleElement(field) ?? RankMember(field, Eval(field.Instance)) ?? Member(Eval(field.Instance), field.Instance!.Type, field.Field.Name, field.Type);
            case IPropertyReferenceOperation property: return Property(property);
            // x[..cut], x[cut..]: the positions a range takes (see RowSlice).
            case IArrayElementReferenceOperation { Indices.Length: 1 } element when RangeSegment(element.Indices[0], element.ArrayReference) is { } sliced:
                return Eval(element.ArrayReference).Narrow(sliced);
            case IImplicitIndexerReferenceOperation indexer when RangeSegment(indexer.Argument, indexer.Instance) is { } sliced:
                return Eval(indexer.Instance).Narrow(sliced);
            case IArrayElementReferenceOperation element:
                return (element.Indices.Length == 1 ? RankElement(element, element.ArrayReference, Eval(element.ArrayReference), element.Indices[0]) : null)
                    ?? Element(Eval(element.ArrayReference), element.ArrayReference.Type, element.Indices);
            case IImplicitIndexerReferenceOperation indexer:
                return RankElement(indexer, indexer.Instance, Eval(indexer.Instance), indexer.Argument)
                    ?? Element(Eval(indexer.Instance), indexer.Instance.Type, new[] { indexer.Argument });
            case IArrayCreationOperation { Initializer: { } arrayInitializer } array when HoldsCollectionsOfRows(array.Type):
                return Positional(arrayInitializer.ElementValues);
            case ICollectionExpressionOperation collection: return CollectionExpression(collection);
            case IInvocationOperation invocation: return FittedFunction(invocation, Invocation(invocation));
            case IBinaryOperation binary: return Binary(binary);
            case IUnaryOperation unary: return Eval(unary.Operand);
            case IConditionalOperation conditional:
                // The value chosen depends on the condition: a setting picked by a test score carries that score.
                return Condition(conditional.Condition).Join(Eval(conditional.WhenTrue)).Join(Eval(conditional.WhenFalse));
            case ICoalesceOperation coalesce: return Eval(coalesce.Value).Join(Eval(coalesce.WhenNull));
            case IConditionalAccessOperation access:
                conditionalInstances.Push(Eval(access.Operation));
                try { return Eval(access.WhenNotNull); }
                finally { conditionalInstances.Pop(); }
            case IConditionalAccessInstanceOperation: return conditionalInstances.Count > 0 ? conditionalInstances.Peek() : DataFlow.Empty;
            case ITupleOperation tuple: return DataFlow.Tuple(tuple.Elements.Select(Eval).ToImmutableArray());
            case IObjectCreationOperation creation: return Creation(creation);
            case IAnonymousObjectCreationOperation anonymous: return AnonymousObject(anonymous);
            case IWithOperation with when Eval(with.Operand) is { Parts.IsDefault: false } container && (!container.PartNames.IsDefault || Symbols.IsDataSplit(with.Type)):
                return WithParts(container, with);
            case IWithOperation with: return RowBuilt(Eval(with.Operand).Join(Eval(with.Initializer)), with.Type, with.Initializer);
            case IObjectOrCollectionInitializerOperation initializer: return DataFlow.Join(initializer.Initializers.Select(Initializer));
            // A function as a value carries what it captures, and which function it is (see FunctionValue).
            case IAnonymousFunctionOperation or IMethodReferenceOperation: return FunctionValue(operation);
            case IDelegateCreationOperation delegateCreation: return Eval(delegateCreation.Target);
            case ILocalFunctionOperation: return DataFlow.Empty;
            case IInterpolatedStringOperation or INameOfOperation or ITypeOfOperation or ISizeOfOperation: return DataFlow.Empty;
            case IInstanceReferenceOperation or ILiteralOperation or IDefaultValueOperation: return DataFlow.Empty;
            case IIsTypeOperation or IIsPatternOperation: return DataFlow.Empty;
            default: return DataFlow.Join(operation.ChildOperations.Select(Eval).ToList());
        }
    }

    /// <summary>
    /// What a condition gives the value it chooses: its events, not its rows. In a helper's summary a parameter that is no
    /// collection of rows (a vocabulary, a threshold) stays, so the events its argument carries reach the result at the call
    /// (<c>vocabulary.TryGetValue(w, out int id) ? id : 0</c>).
    /// </summary>
    private DataFlow Condition(IOperation condition)
    {
        DataFlow flow = Eval(condition);
        return new DataFlow(ValueParameters(flow), flow.Events, ImmutableHashSet<Origin>.Empty, default);
    }

    /// <summary>
    /// In a helper's summary, the rows of parameters that are no collection of rows (predictions, a vocabulary, a threshold) a
    /// value depends on: kept, so that what their arguments carry reaches the value at the call. Empty outside a summary.
    /// </summary>
    private ImmutableHashSet<Origin> ValueParameters(DataFlow flow)
    {
        if (flow.Rows.IsEmpty || owner is null || depth == 0) return ImmutableHashSet<Origin>.Empty;
        return flow.Rows.Where(origin => origin.Source.StartsWith("$p", System.StringComparison.Ordinal)
            && int.TryParse(origin.Source.Substring(2), out int ordinal) && ordinal < owner.Parameters.Length && !context.IsRowTyped(owner.Parameters[ordinal].Type)).ToImmutableHashSet();
    }

    private DataFlow Initializer(IOperation initializer) => initializer switch
    {
        ISimpleAssignmentOperation assignment => Eval(assignment.Value),
        IMemberInitializerOperation member => Eval(member.Initializer),
        _ => Eval(initializer),
    };

    private DataFlow Property(IPropertyReferenceOperation property)
    {
        IOperation? instance = property.Instance;
        if (instance is null or IInstanceReferenceOperation) return Read(property.Property);
        DataFlow flow = Eval(instance);
        if (Symbols.IsDataSplit(instance.Type))
        {
            int part = property.Property.Name switch { "Train" => 0, "Validation" => 1, "Test" => 2, _ => -1 };
            if (part >= 0) return !flow.Parts.IsDefault && flow.Parts.Length == 3 ? flow.Parts[part] : flow.Narrow("TVX"[part].ToString());
            return DataFlow.Empty; // Options
        }
        if (property.Property.Name is "Count" or "Length" or "LongLength") return DataFlow.Empty;
        if (ComputedProperty(property, flow) is { } computed) return computed;
        if (property.Arguments.Length > 0) // an indexer picks an element
            return (property.Arguments.Length == 1 ? RankElement(property, instance, flow, property.Arguments[0].Value) : null)
                ?? Element(flow, instance.Type, property.Arguments.Select(argument => argument.Value));
        return RankMember(property, flow) ?? Member(flow, instance.Type, property.Property.Name, property.Type);
    }

    /// <summary>
    /// A member of a value: rows kept in a member of an unknown container (a fold's <c>Train</c>, a
    /// tuple's <c>Item2</c>) are a subset of their own, distinct from the container's other members.
    /// </summary>
    private DataFlow Member(DataFlow instance, ITypeSymbol? instanceType, string name, ITypeSymbol? memberType)
    {
        if (instance.NamedPart("." + name) is { } part) return part; // a record of parts: the member is what was given for it
        if (!instance.Parts.IsDefault && name.StartsWith("Item", System.StringComparison.Ordinal)
            && int.TryParse(name.Substring(4), out int item) && item >= 1 && item <= instance.Parts.Length)
            return instance.Parts[item - 1];
        if (context.IsRowTyped(memberType) && !context.IsRowTyped(instanceType))
        {
            DataFlow member = instance.Narrow("." + name);
            string? role = RoleSegment(name);
            return role is null ? member : member.Narrow(role);
        }
        return instance.Parts.IsDefault ? instance : instance.WithParts(default);
    }

    /// <summary>
    /// A named tuple element (<c>parts.Train</c> of <c>(Train: a, Validation: b, Test: c)</c>) is the element given at its
    /// position, as <c>Item1</c> is, not every element of the tuple; null for any other field or a tuple whose parts are unknown.
    /// </summary>
    private DataFlow? TupleElement(IFieldReferenceOperation field)
    {
        if (field.Field.CorrespondingTupleField is not { } item || item.Equals(field.Field, SymbolEqualityComparer.Default)) return null;
        if (!item.Name.StartsWith("Item", System.StringComparison.Ordinal) || !int.TryParse(item.Name.Substring(4), out int position)) return null;
        DataFlow tuple = Eval(field.Instance);
        if (tuple.Parts.IsDefault || !tuple.PartNames.IsDefault || position < 1 || position > tuple.Parts.Length) return null;
        // An element named like a part (Test:) takes that part where its rows are in none yet, as a local so named does.
        DataFlow element = tuple.Parts[position - 1];
        return RoleSegment(field.Field.Name) is { } role ? InPart(element, role) : element;
    }

    /// <summary>Rows put in a part (a split's Test, a tuple's Test:) take its role where they have none yet, as a local so named does.</summary>
    private static DataFlow InPart(DataFlow flow, string segment)
    {
        if (flow.Rows.All(origin => origin.Role != Role.All)) return flow;
        var rows = flow.Rows.Select(origin => origin.Role == Role.All ? origin.Narrow(segment) : origin).ToImmutableHashSet();
        return new DataFlow(rows, flow.Events, flow.TrainedOn, flow.Parts, flow.PartNames);
    }

    /// <summary>
    /// An element: of rows, a row of them; of a collection of row collections (<c>parts[1]</c>) picked by a
    /// constant index, that part, distinct from the parts at other indices.
    /// </summary>
    private DataFlow Element(DataFlow collection, ITypeSymbol? collectionType, IEnumerable<IOperation> indices)
    {
        IOperation[] index = indices.ToArray();
        if (index.Length == 1 && PartName(index[0], collection) is { } name && collection.NamedPart(name) is { } part) return part;
        if (index.Length == 1 && FoldIndex(index[0]) is { } indexSet) return collection.Narrow(indexSet);
        if (index.Length == 1 && index[0].ConstantValue is { HasValue: true, Value: { } key } && HoldsCollectionsOfRows(collectionType))
            return collection.Narrow("[" + key + "]");
        return collection;
    }

    /// <summary>
    /// "fold.Train" or "fold.Validation" when the index is the variable of <c>foreach (int i in fold.Validation)</c>:
    /// <c>rows[i]</c> is then a row of that index set, as with <c>fold.Validation.Select(i =&gt; rows[i])</c>.
    /// </summary>
    private string? FoldIndex(IOperation index)
    {
        while (index is IConversionOperation conversion) index = conversion.Operand;
        if (index is not ILocalReferenceOperation local || Symbols.Fold is not { } fold) return null;
        foreach (SyntaxReference reference in local.Local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.ForEachStatementSyntax
                { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Train" or "Validation" } access }) continue;
            SemanticModel? model = index.SemanticModel;
            if (model is null || model.SyntaxTree != access.SyntaxTree) continue;
            if (SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(access.Expression).Type, fold)) return "fold." + access.Name.Identifier.ValueText;
        }
        return null;
    }

    /// <summary>
    /// The name of the part a constant index or key picks (<c>[2]</c>, <c>[valid]</c>), counting <c>^k</c> from the end of
    /// a container whose parts are all positional; null for any other index.
    /// </summary>
    private static string? PartName(IOperation index, DataFlow collection)
    {
        while (index is IConversionOperation conversion) index = conversion.Operand;
        if (index.ConstantValue is { HasValue: true, Value: { } key }) return Key(key);
        if (index is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat, Operand.ConstantValue: { HasValue: true, Value: int fromEnd } }
            && !collection.PartNames.IsDefault && collection.PartNames.Length >= fromEnd && fromEnd > 0 && collection.PartNames[collection.PartNames.Length - 1] == Key(collection.PartNames.Length - 1))
            return Key(collection.PartNames.Length - fromEnd);
        return null;
    }

    private static string Key(object key) => "[" + System.Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) + "]";

    /// <summary>The elements of an array or list of parts, each kept apart under its position.</summary>
    private DataFlow Positional(IReadOnlyList<IOperation> elements) =>
        DataFlow.Named(elements.Select(Eval).ToImmutableArray(), Enumerable.Range(0, elements.Count).Select(i => Key(i)).ToImmutableArray());

    /// <summary>
    /// A container of parts built in one expression, each part kept apart under the name that picks it: a record's
    /// constructor arguments and initialized members (<c>.Train</c>), a dictionary's constant keys (<c>[valid]</c>),
    /// a list initializer's positions (<c>[0]</c>). Null for anything else.
    /// </summary>
    private DataFlow? PartsContainer(IObjectCreationOperation creation)
    {
        if (creation.Type is not INamedTypeSymbol type || context.IsRowTyped(type) && !HoldsCollectionsOfRows(type)) return null;
        var parts = ImmutableArray.CreateBuilder<DataFlow>();
        var names = ImmutableArray.CreateBuilder<string>();
        DataFlow rest = DataFlow.Empty; // what the record holds besides parts (a fitted step beside them)
        if (type.IsRecord)
        {
            foreach (IArgumentOperation argument in creation.Arguments.OrderBy(argument => argument.Parameter?.Ordinal ?? 0))
            {
                if (argument.Parameter is not { } parameter || !context.IsRowTyped(parameter.Type))
                {
                    rest = rest.Join(Eval(argument.Value));
                    continue;
                }
                if (!type.GetMembers().OfType<IPropertySymbol>().Any(property => string.Equals(property.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase))) return null;
                parts.Add(Eval(argument.Value));
                names.Add("." + type.GetMembers().OfType<IPropertySymbol>().First(property => string.Equals(property.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase)).Name);
            }
            foreach (ISimpleAssignmentOperation assignment in creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>() ?? Enumerable.Empty<ISimpleAssignmentOperation>())
            {
                if (assignment.Target is not IPropertyReferenceOperation { Property: var property } || !context.IsRowTyped(property.Type))
                {
                    rest = rest.Join(Eval(assignment.Value));
                    continue;
                }
                parts.Add(Eval(assignment.Value));
                names.Add("." + property.Name);
            }
        }
        else if (HoldsCollectionsOfRows(type) && creation.Initializer is { } initializer && creation.Arguments.IsEmpty)
        {
            int position = 0;
            foreach (IOperation item in initializer.Initializers)
            {
                switch (item)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments: [{ Value.ConstantValue: { HasValue: true, Value: { } key } }] } } keyed:
                        parts.Add(Eval(keyed.Value));
                        names.Add(Key(key));
                        break;
                    case IInvocationOperation { Arguments: [{ Value.ConstantValue: { HasValue: true, Value: { } key } }, var value] }:
                        parts.Add(Eval(value.Value));
                        names.Add(Key(key));
                        break;
                    case IInvocationOperation { Arguments: [var element] }:
                        parts.Add(Eval(element.Value));
                        names.Add(Key(position++));
                        break;
                    default:
                        return null;
                }
            }
        }
        if (parts.Count == 0 || names.Distinct().Count() != names.Count) return null;
        return DataFlow.Named(parts.ToImmutable(), names.ToImmutable()).Join(rest.WithParts(default));
    }

    /// <summary>
    /// <c>new DataSplit&lt;T&gt;(train, validation, test, options)</c>: a split whose parts are the rows given for each, as a
    /// split's own parts are (<c>split.Test</c> is the third argument), not every part's rows at once. Null for any other creation.
    /// </summary>
    private DataFlow? SplitMade(IObjectCreationOperation creation)
    {
        if (!Symbols.IsDataSplit(creation.Type) || creation.Arguments.Length < 3) return null;
        var parts = new DataFlow[3];
        DataFlow rest = DataFlow.Empty;
        foreach (IArgumentOperation argument in creation.Arguments)
        {
            int part = argument.Parameter?.Ordinal ?? -1;
            if (part is >= 0 and < 3) parts[part] = InPart(Eval(argument.Value).WithParts(default), "TVX"[part].ToString());
            else rest = rest.Join(Eval(argument.Value));
        }
        if (parts.Any(part => part is null)) return null;
        DataFlow whole = DataFlow.Join(parts).Join(rest.WithParts(default));
        return whole.WithParts(ImmutableArray.Create(parts));
    }

    /// <summary><c>parts with { Validation = parts.Test }</c>: the members set replace their parts; the others are copied.</summary>
    private DataFlow WithParts(DataFlow container, IWithOperation with)
    {
        DataFlow[] parts = container.Parts.ToArray();
        DataFlow rest = DataFlow.Empty;
        foreach (IOperation item in with.Initializer.Initializers)
        {
            if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } assignment
                && PartIndex(container, property.Name) is var index and >= 0 && index < parts.Length)
                parts[index] = container.PartNames.IsDefault ? InPart(Eval(assignment.Value).WithParts(default), "TVX"[index].ToString()) : Eval(assignment.Value);
            else rest = rest.Join(Eval(item));
        }
        return DataFlow.Named(parts.ToImmutableArray(), container.PartNames).Join(rest.WithParts(default));
    }

    /// <summary>The part a member names: a record's <c>.Test</c>, or a split's Train, Validation and Test by position.</summary>
    private static int PartIndex(DataFlow container, string member) => !container.PartNames.IsDefault ? container.PartNames.IndexOf("." + member)
        : member switch { "Train" => 0, "Validation" => 1, "Test" => 2, _ => -1 };

    /// <summary>Whether the type is a collection whose elements are themselves collections of rows (parts of the data).</summary>
    private bool HoldsCollectionsOfRows(ITypeSymbol? type)
    {
        ITypeSymbol? element = type switch
        {
            IArrayTypeSymbol array => array.ElementType,
            INamedTypeSymbol { TypeArguments.Length: 1 or 2 } named => named.TypeArguments[named.TypeArguments.Length - 1], // a list's element, a dictionary's value
            _ => null,
        };
        return element is not null && !LeakageSymbols.HasAttribute(element, Symbols.DatasetAttribute) && context.IsRowTyped(element);
    }

    /// <summary><c>[.. rows, .. rows.Where(...)]</c>: spreading overlapping rows into one collection copies them.</summary>
    private DataFlow CollectionExpression(ICollectionExpressionOperation collection)
    {
        if (HoldsCollectionsOfRows(collection.Type) && !collection.Elements.Any(element => element is ISpreadOperation))
            return Positional(collection.Elements);
        var elements = collection.Elements.Select(element => element is ISpreadOperation spread ? Eval(spread.Operand) : Eval(element)).ToList();
        DataFlow joined = DataFlow.Join(elements).WithParts(default);
        for (int i = 0; i < elements.Count; i++)
            for (int j = i + 1; j < elements.Count; j++)
                if (DataFlow.Overlap(elements[i].Rows, elements[j].Rows))
                    return joined.WithEvent(new MultiplyEvent(collection.Syntax.GetLocation(), "A collection expression", joined.Rows));
        return joined;
    }

    private DataFlow Binary(IBinaryOperation binary)
    {
        DataFlow left = Eval(binary.LeftOperand), right = Eval(binary.RightOperand);
        ErrorAgainstLabels(binary, left, right);
        CompareScoresInSummary(binary, left, right);
        if (Observed is not null && IsComparison(binary.OperatorKind))
        {
            // Two test scores compared (or a score and the best so far) is a choice between candidates; a
            // score against a constant is a gate, and a training score against a test score a diagnosis.
            Observed.Compared.UnionWith(left.EventsOf<ScoreEvent>());
            Observed.Compared.UnionWith(right.EventsOf<ScoreEvent>());
            ScoreGap(left, right);
            ScoreEvent[] leftScores = ComparedTestScores(binary.LeftOperand, left), rightScores = ComparedTestScores(binary.RightOperand, right);
            if (leftScores.Length > 0 && rightScores.Length > 0)
            {
                Observed.Chose(leftScores, binary.Syntax.GetLocation());
                Observed.Chose(rightScores, binary.Syntax.GetLocation());
            }
        }
        return left.Join(right).WithParts(default);
    }

    private static ScoreEvent[] TestScores(DataFlow flow) => flow.EventsOf<ScoreEvent>().Where(score => score.FromRole(Role.Test)).ToArray();

    private static bool IsComparison(BinaryOperatorKind kind) => kind is BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual
        or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual;

    private DataFlow Creation(IObjectCreationOperation creation)
    {
        if (PartsContainer(creation) is { } container) return container;
        if (SplitMade(creation) is { } made) return made;
        if (ArraySegmentOf(creation) is { } window) return window;
        // An object of a type declared here made from a path (new CreditRun("credit.csv", seed)) reads that file's rows, as a helper
        // given the path does: its constructor's members (a Test part it splits off) are parts of those rows where it is used.
        DataFlow arguments = DataFlow.Join(creation.Arguments.Select(argument => ReadsPath(creation.Constructor, argument.Parameter) ? ArgumentFlow(argument.Value) : Eval(argument.Value)).ToList());
        DataFlow flow = arguments.Join(Eval(creation.Initializer));
        if (creation.Type is INamedTypeSymbol type && LeakageSymbols.HasAttribute(type, Symbols.ModelAttribute))
        {
            // A model's constructor arguments chosen by test scores steer the model.
            Observed?.Steering.UnionWith(flow.EventsOf<ScoreEvent>());
            Observed?.SteeringStatistics.UnionWith(Statistics(flow));
            return DataFlow.Empty;
        }
        flow = RowBuilt(flow.WithParts(default), creation.Type, creation.Initializer).Join(LearnedAtCreation(creation));
        if (ObjectWithParts(creation, flow) is { } kept) return kept;
        // A row built from values that hold no rows (random numbers, a counter, fields parsed from text) is a row of its own.
        return !BuiltFromRows(flow) && creation.Type is { } row && LeakageSymbols.HasAttribute(row, Symbols.DatasetAttribute)
            ? flow.Join(DataFlow.Of(new Origin(MadeRows.Source(creation.Syntax.GetLocation()), ""))) : flow;
    }

    /// <summary>
    /// A row built from values: whatever the values were learned from is now in the row's features.
    /// A running total enters a row at the member value that uses it, which is where it is reported.
    /// </summary>
    private DataFlow RowBuilt(DataFlow flow, ITypeSymbol? type, IObjectOrCollectionInitializerOperation? initializer)
    {
        if (initializer is not null && type is not null && LeakageSymbols.HasAttribute(type, Symbols.DatasetAttribute)) LabelStatisticsIntoFeatures(initializer, flow.Rows);
        if (Observed is null || initializer is null || !context.IsRowTyped(type)) return flow;
        foreach (ISimpleAssignmentOperation assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
        {
            DataFlow value = Eval(assignment.Value);
            Observed.BuiltIntoRows.UnionWith(value.Events);
            foreach (LearnEvent accumulated in value.EventsOf<LearnEvent>().Where(e => e.Kind == LearnKind.Accumulated))
                if (!Observed.Entries.ContainsKey(accumulated.Location)) Observed.Entries[accumulated.Location] = assignment.Value.Syntax.GetLocation();
        }
        return flow;
    }
}
