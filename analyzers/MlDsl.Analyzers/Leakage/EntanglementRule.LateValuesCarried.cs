using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0029 for a late value carried into a feature by a container rather than read off the row: a table of the rows'
/// <c>[KnownAt(WithLabel)]</c> or <c>[KnownAt(AfterLabel)]</c> values (<c>refunds = subscribers.ToDictionary(s =&gt; s.Account,
/// s =&gt; s.RefundIssued)</c>, a tuple key, or filled by hand in a loop) looked up under the row's own key into a feature (<c>refunds[s.Account]</c>), and a late member of
/// the row written into the feature array a row is rebuilt from (<c>IcuStay.WithFeatures(s, new[] { ..., s.Vasopressors })</c>).
/// Reported on the lookup or the array element. A table filed under a moved key (yesterday's value) or an element read from
/// another row (an earlier one's, known by now) stays silent.
/// </summary>
internal sealed partial class EntanglementRule
{
    /// <summary>A lookup in a feature's value of a table of late values, under the built row's own key: whether one was reported.</summary>
    private bool LateValuesLookedUp(OperationAnalysisContext context, ITypeSymbol type, string primary, ISymbol target, ISimpleAssignmentOperation assignment)
    {
        foreach (IOperation node in Values(assignment.Value, HelperDepth))
        {
            (IOperation? table, IOperation? key) = node switch
            {
                IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } lookup } indexer => (lookup, indexer.Arguments[0].Value),
                IInvocationOperation { TargetMethod.Name: "GetValueOrDefault" } call when (call.Instance ?? call.Arguments.FirstOrDefault()?.Value) is { } lookup
                    => (lookup, (call.Instance is null ? call.Arguments.ElementAtOrDefault(1) : call.Arguments.FirstOrDefault())?.Value),
                _ => (null, null),
            };
            if (table is null || key is null || !IsDictionary(table.Type) || LateTable(table, context.Compilation) is not ({ } filedUnder, { } late)
                || !OwnOrLaterKey(key, primary, filedUnder)) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FeatureKnownAfterLabel, node.Syntax.GetLocation(),
                $"Feature '{target.Name}' of {type.Name} looks up '{late.Name}' of its own row ({node.Syntax}), declared [KnownAt(FeatureTiming.{DatasetLeakageAnalyzer.KnownTooLate(late, knownAt!)})]: it is not known when the model predicts, so training on it learns from the outcome itself; compute it from values known before the label, or keep the value as metadata ([Ignore] or [Slice])"));
            return true;
        }
        return false;
    }

    /// <summary>
    /// For a local table of late values: the members the entries are filed under and the late member their values read of
    /// the same row. Made by <c>rows.ToDictionary(r =&gt; r.Key, r =&gt; ... r.Late ...)</c> (a tuple key <c>r =&gt; (r.A, r.B)</c> too),
    /// or filled by hand (<c>changes[b.Reference] = b.Changes</c>, <c>Add</c>, <c>TryAdd</c> in a loop over the rows). Nulls for
    /// anything else.
    /// </summary>
    private (ISymbol[]? FiledUnder, ISymbol? Late) LateTable(IOperation table, Compilation compilation)
    {
        while (table is IConversionOperation conversion) table = conversion.Operand;
        if (table is not ILocalReferenceOperation local) return (null, null);
        IOperation? made = Initializer(local);
        while (made is IConversionOperation conversion) made = conversion.Operand;
        if (made is IInvocationOperation { TargetMethod.Name: "ToDictionary" } call)
        {
            IAnonymousFunctionOperation?[] selectors = call.Arguments.Select(argument => Lambda(argument.Value)).Where(lambda => lambda is not null).ToArray();
            if (selectors.Length != 2 || selectors[0] is not { } keyOf || selectors[1] is not { Symbol.Parameters.Length: 1 } valueOf
                || OwnKey(keyOf) is not { } filedUnder) return (null, null);
            return (filedUnder, LateRead(valueOf.Body, LambdaParameterKey(valueOf.Symbol.Parameters[0]), compilation));
        }
        foreach ((IOperation key, IOperation value) in HandFiledEntries(local))
        {
            if (KeyOfOneRecord(key) is not ({ } record, { } filedUnder)) continue;
            if (LateRead(value, record, compilation) is { } late) return (filedUnder, late);
        }
        return (null, null);
    }

    /// <summary>The late member <paramref name="value"/> reads of the record keyed <paramref name="record"/>, or null.</summary>
    private ISymbol? LateRead(IOperation value, string record, Compilation compilation)
    {
        foreach (IMemberReferenceOperation read in value.DescendantsAndSelf().OfType<IMemberReferenceOperation>())
            if (read.Instance is { } owner && Key(owner) == record && LateMember(read.Member, compilation, HelperDepth) is { } late) return late;
        return null;
    }

    /// <summary>
    /// <c>Row.WithFeatures(row, new[] { ... })</c>: an element of the feature array that reads a late member of the row being
    /// rebuilt (directly, through locals, helpers or computed members) puts that value in a feature.
    /// </summary>
    public void CheckFeatureArray(OperationAnalysisContext context)
    {
        if (knownAt is null || context.Operation is not IInvocationOperation { TargetMethod: { Name: "WithFeatures", IsStatic: true, ContainingType: { } type }, Arguments.Length: 2 } call
            || !LeakageSymbols.HasAttribute(type, dataset)) return;
        string row = Key(call.Arguments[0].Value);
        IOperation features = call.Arguments[1].Value;
        while (features is IConversionOperation conversion) features = conversion.Operand;
        IEnumerable<IOperation> elements = features switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            ICollectionExpressionOperation collection => collection.Elements,
            _ => Enumerable.Empty<IOperation>(),
        };
        foreach (IOperation element in elements)
        {
            var reads = new List<Read>();
            Collect(element, reads, new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default), HelperDepth);
            if (reads.Where(read => read.Instance == row).Select(read => LateMember(read.Member, context.Compilation, HelperDepth)).FirstOrDefault(late => late is not null) is not { } late) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FeatureKnownAfterLabel, element.Syntax.GetLocation(),
                $"A feature of {type.Name} rebuilt by WithFeatures is computed from '{late.Name}', declared [KnownAt(FeatureTiming.{DatasetLeakageAnalyzer.KnownTooLate(late, knownAt)})]: it is not known when the model predicts, so training on it learns from the outcome itself; compute it from values known before the label, or keep the value as metadata ([Ignore] or [Slice])"));
        }
    }
}
