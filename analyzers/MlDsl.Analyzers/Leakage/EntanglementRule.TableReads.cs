using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0017 through a lookup table of the rows' answers: a table built from the records with each record's outcome filed
/// under its own key (<c>meters.ToDictionary(m =&gt; m.Day, m =&gt; m.Load)</c>, <c>ToLookup</c>, <c>byDay[m.Day] = m.Load</c> in a
/// loop, or the records themselves, <c>ToDictionary(m =&gt; m.Day)</c> then <c>.Load</c>), read for a feature under the row's own
/// key (<c>byDay[m.Day]</c>: today's answer) or, for a time, a later one (<c>LoadAt(m.Day.AddDays(1))</c> through a lookup
/// function: tomorrow's). Read under an earlier time (<c>AddDays(-1)</c>, a lag) or another key it is known at prediction time and
/// stays silent; so does a table of an input (a temperature forecast).
/// </summary>
internal sealed partial class EntanglementRule
{
    /// <summary>One read of a table: the table, the key it is read under (as the caller wrote it), and the answer member when the entries are records.</summary>
    private readonly record struct TableRead(IOperation Table, IOperation Key, ISymbol? Member);

    private void TableReadsOfAnswers(OperationAnalysisContext context, ITypeSymbol type, string primary, HashSet<ISymbol> outcomes,
        List<(ISymbol Target, ISimpleAssignmentOperation Assignment, List<Read> Reads)> assignments, HashSet<ISimpleAssignmentOperation> reported)
    {
        foreach ((ISymbol target, ISimpleAssignmentOperation assignment, _) in assignments)
        {
            if (!LeakageSymbols.HasAttribute(target, feature) || reported.Contains(assignment)) continue;
            foreach (TableRead read in TableReads(assignment.Value, new Dictionary<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default), HelperDepth))
            {
                if (FiledAnswer(read, outcomes) is not { } filed || !OwnOrLaterKey(read.Key, primary, filed.KeyMembers)) continue;
                reported.Add(assignment);
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelLeakage, read.Key.Syntax.GetLocation(),
                    $"Feature '{target.Name}' of {type.Name} reads '{filed.Answer.Name}' filed under {read.Key.Syntax} in {read.Table.Syntax}, which is the row it is made for or a later one: the model sees the answer it is to predict, which it cannot at prediction time; read an earlier key (a negative offset)"));
                break;
            }
        }
    }

    /// <summary>
    /// Every read of a keyed table in <paramref name="value"/>: an indexer, <c>GetValueOrDefault</c>, <c>TryGetValue</c>, also inside
    /// locals' initializers and methods or local functions called with the key (<c>LoadAt(m.Day.AddDays(1))</c>), whose parameter
    /// then stands for the argument given.
    /// </summary>
    private IEnumerable<TableRead> TableReads(IOperation value, Dictionary<IParameterSymbol, IOperation> given, int depth)
    {
        foreach (IOperation node in WithoutThrows(value))
        {
            switch (node)
            {
                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } table } indexer when IsKeyedTable(table.Type):
                    yield return new TableRead(table, Given(indexer.Arguments[0].Value, given), AnswerMemberOf(indexer));
                    break;
                case IInvocationOperation { TargetMethod.Name: "GetValueOrDefault" or "TryGetValue" } call
                    when (call.Instance ?? call.Arguments.FirstOrDefault()?.Value) is { } table && IsKeyedTable(table.Type)
                    && (call.Instance is null ? call.Arguments.ElementAtOrDefault(1) : call.Arguments.FirstOrDefault())?.Value is { } key:
                    yield return new TableRead(table, Given(key, given), AnswerMemberOf(call));
                    break;
                case IInvocationOperation call when depth > 0 && node.SemanticModel?.Compilation is { } compilation
                    && Flow.MethodSummary.Body(compilation, call.TargetMethod) is { } body:
                {
                    var mapped = new Dictionary<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default);
                    foreach (IArgumentOperation argument in call.Arguments)
                        if (argument.Parameter is { } parameter) mapped[parameter] = Given(argument.Value, given);
                    foreach (TableRead inner in TableReads(body, mapped, depth - 1)) yield return inner;
                    break;
                }
                case ILocalReferenceOperation { IsDeclaration: false } local when depth > 0 && !IsCollectionOfRecords(local.Local.Type) && Initializer(local) is { } initial:
                    foreach (TableRead inner in TableReads(initial, given, depth - 1)) yield return inner;
                    break;
            }
        }
    }

    /// <summary>The caller's argument a helper's parameter stands for, or the value itself.</summary>
    private static IOperation Given(IOperation value, Dictionary<IParameterSymbol, IOperation> given)
    {
        IOperation stripped = value;
        while (stripped is IConversionOperation conversion) stripped = conversion.Operand;
        return stripped is IParameterReferenceOperation { Parameter: var parameter } && given.TryGetValue(parameter, out IOperation? argument) ? argument : value;
    }

    /// <summary>The member read from the entry a read finds, when the entries are records (<c>byDay[key].Load</c>, <c>?.Load</c>).</summary>
    private static ISymbol? AnswerMemberOf(IOperation read)
    {
        IOperation? parent = read.Parent;
        while (parent is IConversionOperation) parent = parent.Parent;
        if (parent is IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } member && member.Instance is { } instance && Unwrapped(instance) == read) return member.Member;
        // byDay.GetValueOrDefault(key)?.Load: the member is read from the conditional access's instance.
        if (parent is IConditionalAccessOperation { WhenNotNull: IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol, Instance: IConditionalAccessInstanceOperation } found } access
            && Unwrapped(access.Operation) == read)
            return found.Member;
        return null;

        static IOperation Unwrapped(IOperation value) => value is IConversionOperation conversion ? Unwrapped(conversion.Operand) : value;
    }

    /// <summary>
    /// The answer member a table's entries hold and the members of the record they are filed under: from the table's
    /// initializer (<c>ToDictionary(m =&gt; m.Day, m =&gt; m.Load)</c>, <c>ToLookup</c>, or the records themselves with the answer
    /// read from the entry found), or from the assignments that fill it (<c>byDay[m.Day] = m.Load</c>). A tuple key
    /// (<c>r =&gt; (r.Tail, r.Departure)</c>) files under each of its members in order. Null when the entries hold no answer, or
    /// are filed under anything but plain members of their record (a key moved by a year is a lag).
    /// </summary>
    private static (ISymbol Answer, ISymbol[] KeyMembers)? FiledAnswer(TableRead read, HashSet<ISymbol> outcomes)
    {
        IOperation table = read.Table;
        while (table is IConversionOperation conversion) table = conversion.Operand;
        if (table is not ILocalReferenceOperation local) return null;
        if (Initializer(local) is { } initial)
        {
            while (initial is IConversionOperation conversion) initial = conversion.Operand;
            if (initial is IInvocationOperation { TargetMethod.Name: "ToDictionary" or "ToLookup" } made)
            {
                IOperation[] selectors = (made.Instance is null ? made.Arguments.Skip(1) : made.Arguments)
                    .Select(argument => argument.Value).Where(argument => Lambda(argument) is not null).ToArray();
                if (selectors.Length == 0 || OwnKey(Lambda(selectors[0])!) is not { } keyMembers) return null;
                ISymbol? answer = selectors.Length >= 2 ? OwnMember(Lambda(selectors[1])!) : read.Member;
                return answer is not null && outcomes.Contains(answer) ? (answer, keyMembers) : null;
            }
        }
        // Filled by hand: byDay[m.Day] = m.Load (or Add(m.Day, m.Load)) where m is one record.
        foreach ((IOperation key, IOperation value) in HandFiledEntries(local))
        {
            if (KeyOfOneRecord(key) is not ({ } record, { } keyMembers)) continue;
            ISymbol? answer = PlainMember(value) is { } valueRead && Key(valueRead.Instance!) == record ? valueRead.Member
                : Key(value) == record ? read.Member : null;
            if (answer is not null && outcomes.Contains(answer)) return (answer, keyMembers);
        }
        return null;
    }

    private static IAnonymousFunctionOperation? Lambda(IOperation value)
    {
        while (value is IConversionOperation or IDelegateCreationOperation)
            value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
        return value as IAnonymousFunctionOperation;
    }

    /// <summary>The member a one-line lambda returns of its own parameter (<c>m =&gt; m.Load</c>); null for anything else.</summary>
    private static ISymbol? OwnMember(IAnonymousFunctionOperation lambda)
    {
        if (lambda is not { Symbol.Parameters: [var parameter], Body.Operations: [IReturnOperation { ReturnedValue: { } returned }] }) return null;
        return PlainMember(returned) is { Instance: IParameterReferenceOperation { Parameter: var owner } } member
            && SymbolEqualityComparer.Default.Equals(owner, parameter) ? member.Member : null;
    }

    /// <summary>The members a one-line key lambda returns of its own parameter: one (<c>m =&gt; m.Day</c>) or a tuple of them (<c>r =&gt; (r.Tail, r.Departure)</c>).</summary>
    private static ISymbol[]? OwnKey(IAnonymousFunctionOperation lambda)
    {
        if (lambda is not { Symbol.Parameters: [var parameter], Body.Operations: [IReturnOperation { ReturnedValue: { } returned }] }) return null;
        return KeyOfOneRecord(returned) is ({ } record, { } members) && record == LambdaParameterKey(parameter) ? members : null;
    }

    /// <summary>
    /// A key made of plain members of one record: <c>m.Day</c>, or a tuple <c>(r.Tail, r.Departure)</c> whose elements are all read
    /// from the same record. The record's key (<see cref="Key"/>) and the members in order; nulls for anything else.
    /// </summary>
    private static (string? Record, ISymbol[]? Members) KeyOfOneRecord(IOperation key)
    {
        while (key is IConversionOperation conversion) key = conversion.Operand;
        IOperation[] parts = key is ITupleOperation tuple ? tuple.Elements.ToArray() : new[] { key };
        var members = new ISymbol[parts.Length];
        string? record = null;
        for (int at = 0; at < parts.Length; at++)
        {
            if (PlainMember(parts[at]) is not { } part || (record ??= Key(part.Instance!)) != Key(part.Instance!)) return (null, null);
            members[at] = part.Member;
        }
        return (record, members);
    }

    private static IMemberReferenceOperation? PlainMember(IOperation value)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        return value is IMemberReferenceOperation { Member: IPropertySymbol { IsIndexer: false } or IFieldSymbol, Instance: { } } member ? member : null;
    }

    /// <summary>
    /// Whether a key is the row's own value of the members the table files under (<c>m.Day</c>, <c>(r.Tail, r.Departure)</c>: the
    /// row itself), or with its time moved forward (<c>m.Day.AddDays(1)</c>, <c>(r.Tail, r.Departure.AddHours(2))</c>: a later row).
    /// A tuple is the row's only when every element is.
    /// </summary>
    private static bool OwnOrLaterKey(IOperation key, string primary, ISymbol[] keyMembers)
    {
        IOperation stripped = key;
        while (stripped is IConversionOperation conversion) stripped = conversion.Operand;
        if (stripped is ITupleOperation tuple)
            return tuple.Elements.Length == keyMembers.Length && keyMembers.Length > 1
                && tuple.Elements.Select((element, at) => OwnOrLaterKey(element, primary, keyMembers[at])).All(own => own);
        return keyMembers.Length == 1 && OwnOrLaterKey(stripped, primary, keyMembers[0]);
    }

    private static bool OwnOrLaterKey(IOperation stripped, string primary, ISymbol keyMember)
    {
        while (stripped is IConversionOperation conversion) stripped = conversion.Operand;
        if (PlainMember(stripped) is { } own && SymbolEqualityComparer.Default.Equals(own.Member, keyMember)) return Key(own.Instance!) == primary;
        return IsTime(TypeOf(keyMember)) && AtOrAfter(stripped, primary) && Moved(stripped) is { } moved && SymbolEqualityComparer.Default.Equals(moved, keyMember);
    }

    /// <summary>The member a time key is moved from (<c>Day</c> of <c>m.Day.AddDays(1)</c>, <c>m.Day + TimeSpan.FromDays(1)</c>).</summary>
    private static ISymbol? Moved(IOperation key)
    {
        for (int hops = 0; hops < 8; hops++)
        {
            while (key is IConversionOperation conversion) key = conversion.Operand;
            switch (key)
            {
                case IMemberReferenceOperation member: return member.Member;
                case IInvocationOperation { Instance: { } moved }: key = moved; continue;
                case IBinaryOperation binary: key = binary.LeftOperand; continue;
                default: return null;
            }
        }
        return null;
    }

    private static ITypeSymbol? TypeOf(ISymbol member) => member switch { IPropertySymbol property => property.Type, IFieldSymbol field => field.Type, _ => null };

    /// <summary>A dictionary or a lookup (<c>ILookup</c>): entries found by key.</summary>
    private static bool IsKeyedTable(ITypeSymbol? type) => IsDictionary(type) || type is INamedTypeSymbol named && named.AllInterfaces.Append(named)
        .Any(candidate => candidate.OriginalDefinition.Name == "ILookup" && candidate.ContainingNamespace?.ToDisplayString() == "System.Linq");

    /// <summary>
    /// The entries filed into the dictionary <paramref name="table"/> by hand anywhere in its method — <c>byKey[key] = value</c>,
    /// <c>Add(key, value)</c>, <c>TryAdd(key, value)</c> — as the tables of answers and of late values both read them.
    /// </summary>
    private static IEnumerable<(IOperation Key, IOperation Value)> HandFiledEntries(ILocalReferenceOperation table)
    {
        IOperation root = table;
        while (root.Parent is not null) root = root.Parent;
        foreach (IOperation node in root.Descendants())
        {
            (IOperation? key, IOperation? value) = node switch
            {
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: ILocalReferenceOperation filled } indexer } assignment
                    when SymbolEqualityComparer.Default.Equals(filled.Local, table.Local) => (indexer.Arguments[0].Value, assignment.Value),
                IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd", Instance: ILocalReferenceOperation filled, Arguments.Length: 2 } add
                    when SymbolEqualityComparer.Default.Equals(filled.Local, table.Local) => (add.Arguments[0].Value, add.Arguments[1].Value),
                _ => (null, null),
            };
            if (key is not null && value is not null) yield return (key, value);
        }
    }
}
