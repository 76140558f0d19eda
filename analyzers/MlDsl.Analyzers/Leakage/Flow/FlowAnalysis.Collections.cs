using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Statistics kept in collections and in objects: a lookup filled from many rows (per-group medians, a vocabulary), what a
/// fitted object keeps in its fields and its other methods read (<c>index.Fit(all)</c>, then <c>index.Encode</c>), and rows a
/// helper builds from settings (a count, a seed) rather than from rows it is given.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>
    /// Whether a row built from <paramref name="flow"/> is built from rows: origins that stand for a helper's parameters which
    /// hold no rows (a count, a seed, a list of records that are no [Dataset] rows) do not count. Such a parameter stays in the
    /// flow (what its argument carries still reaches the row at the call), but the row itself is a new one.
    /// </summary>
    private bool BuiltFromRows(DataFlow flow) => flow.Rows.Any(origin => !IsValueParameter(origin));

    /// <summary>An origin standing for a parameter of the helper being summarised whose type holds no rows.</summary>
    private bool IsValueParameter(Origin origin)
    {
        if (owner is null || depth == 0 || !origin.Source.StartsWith("$p", System.StringComparison.Ordinal)) return false;
        return int.TryParse(origin.Source.Substring(2), out int ordinal) && ordinal < owner.Parameters.Length
            && !context.IsRowTyped(owner.Parameters[ordinal].Type) && !Symbols.IsModelType(owner.Parameters[ordinal].Type as INamedTypeSymbol);
    }

    /// <summary>
    /// Whether a value stored in a lookup reads a collection of rows (a group of a GroupBy, a list of rows): a statistic of
    /// many rows (<c>guess[cell.Key] = Median(cell.Select(p =&gt; p.Age))</c>), not one record's own value indexed by its key.
    /// </summary>
    private bool ReadsManyRows(IOperation value) => value.DescendantsAndSelf().Any(node =>
        node is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
        && node.Type is { } type && context.IsRowTyped(type) && !LeakageSymbols.HasAttribute(type, Symbols.DatasetAttribute));

    /// <summary>
    /// What the fields of an object a method reads hold here, as far as statistics go: <c>index.Fit(reviews)</c> fills a field
    /// of <c>index</c>, and <c>index.Encode</c> (called, or given as a method group) reads it. The method's summary sees the
    /// field only as its type's methods fill it, from rows of nobody knows which call; the caller knows which rows it was.
    /// Only the events are joined (the statistics), never rows: the field is a lookup, not rows of the caller's.
    /// </summary>
    private DataFlow MembersRead(IMethodSymbol method)
    {
        INamedTypeSymbol? type = method.ContainingType?.OriginalDefinition;
        if (type is null || type.DeclaringSyntaxReferences.IsEmpty) return DataFlow.Empty;
        DataFlow joined = DataFlow.Empty;
        for (FlowAnalysis? analysis = this; analysis is not null; analysis = analysis.outer)
            foreach (System.Collections.Generic.KeyValuePair<ISymbol, DataFlow> pair in analysis.state)
            {
                if (pair.Key is not (IFieldSymbol or IPropertySymbol) || pair.Value.Events.IsEmpty || !Mentions(method, pair.Key.Name)) continue;
                // A static member of another class (Settings.MaxCalls) is one value wherever it is read: a helper reading it reads
                // what this body stored there. Another class's instance members belong to other objects.
                if (!SymbolEqualityComparer.Default.Equals(pair.Key.ContainingType?.OriginalDefinition, type) && !(pair.Key.IsStatic && ReadsMember(method, pair.Key))) continue;
                joined = joined.Join(new DataFlow(ImmutableHashSet<Origin>.Empty, pair.Value.Events, ImmutableHashSet<Origin>.Empty, default));
            }
        return joined;
    }

    /// <summary>Whether the body of <paramref name="method"/> refers to <paramref name="member"/> itself (not another symbol of its name).</summary>
    private bool ReadsMember(IMethodSymbol method, ISymbol member) => method.DeclaringSyntaxReferences.Any(reference =>
        context.Compilation.ContainsSyntaxTree(reference.SyntaxTree) && reference.GetSyntax().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax>().Any(identifier => identifier.Identifier.ValueText == member.Name
                && SymbolEqualityComparer.Default.Equals(context.Compilation.GetSemanticModel(reference.SyntaxTree).GetSymbolInfo(identifier).Symbol?.OriginalDefinition, member.OriginalDefinition)));

    /// <summary>Whether the body of <paramref name="method"/> names a member called <paramref name="name"/>.</summary>
    private static bool Mentions(IMethodSymbol method, string name) => method.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax().DescendantNodes()
        .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax>().Any(identifier => identifier.Identifier.ValueText == name));

    /// <summary>The events (not the rows) a value carries: what a key or a fallback brings into the lookup it is used with.</summary>
    private static DataFlow EventsOnly(DataFlow flow) =>
        flow.Events.IsEmpty ? DataFlow.Empty : new DataFlow(ImmutableHashSet<Origin>.Empty, flow.Events, ImmutableHashSet<Origin>.Empty, default);

    /// <summary>
    /// What an object learned, without the rows it holds: its statistics, and what each model it holds (the whole object's, and each
    /// named part's: the argument given for a constructor parameter) was trained on.
    /// </summary>
    private static DataFlow LearnedOnly(DataFlow flow) => flow.Events.IsEmpty && flow.TrainedOn.IsEmpty && flow.Parts.IsDefault ? DataFlow.Empty
        : new DataFlow(ImmutableHashSet<Origin>.Empty, flow.Events, flow.TrainedOn, flow.Parts.IsDefault ? default : flow.Parts.Select(LearnedOnly).ToImmutableArray(), flow.PartNames);

    /// <summary>
    /// A helper given a statistic of labels (a churn rate per customer, learned elsewhere) that returns rows among those the
    /// statistic was learned from: it wrote each row's own label, averaged in, into a feature (in-sample target encoding).
    /// Written inline or in a helper that computes it, the row's own member reads show it (<see cref="EntanglementRule"/>);
    /// handed over as an argument they do not.
    /// </summary>
    private void LabelStatisticsIntoOwnRows(System.Collections.Generic.List<DataFlow> arguments, DataFlow returned)
    {
        if (returned.Rows.IsEmpty) return;
        foreach (DataFlow argument in arguments)
            foreach (LearnEvent statistic in argument.EventsOf<LearnEvent>())
                if (statistic is { OfLabels: true, Kind: LearnKind.Aggregate, ReportedInHelper: false } && DataFlow.Overlap(statistic.From, returned.Rows))
                    Observed!.LabelStatisticsInOwnRows.Add(statistic);
    }

    /// <summary>
    /// Whether an aggregate runs over the groups of the rows' [GroupKey] (<c>rows.GroupBy(s =&gt; s.Customer).ToDictionary(...)</c>):
    /// a label rate per group is then each group's own answer, which a row of a group in training reads back in-sample and a
    /// row of an unseen group never has. A rate per category shared by many groups (a ward, a district) is target encoding
    /// that smoothing and folds make honest; it is not counted here.
    /// </summary>
    private bool ByGroupKey(IInvocationOperation call)
    {
        IOperation? receiver = call.Instance ?? call.Arguments.FirstOrDefault()?.Value;
        for (int hops = 0; hops < 6 && receiver is not null; hops++)
        {
            while (receiver is IConversionOperation conversion) receiver = conversion.Operand;
            if (receiver is not IInvocationOperation link) return false;
            if (link.TargetMethod.Name == "GroupBy")
            {
                IOperation? key = (link.Instance is null ? link.Arguments.Skip(1) : link.Arguments).FirstOrDefault()?.Value;
                return key is not null && key.DescendantsAndSelf().OfType<IPropertyReferenceOperation>()
                    .Any(member => LeakageSymbols.HasAttribute(member.Property, Symbols.GroupKeyAttribute));
            }
            receiver = link.Instance ?? link.Arguments.FirstOrDefault()?.Value;
        }
        return false;
    }
}
