using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0017 for rows of a series looked up by time rather than by position: a feature reading the label (or the recorded
/// outcome it is taken from) of a row found under the current row's time moved forward (<c>byDay.TryGetValue(today.Day.AddDays(1),
/// out var previous)</c>, <c>byDay[today.Day + TimeSpan.FromDays(1)]</c>) or not moved at all reads today's or a later answer.
/// The past (<c>AddDays(-1)</c>, a key that is not the current row's time) stays silent.
/// </summary>
internal sealed partial class EntanglementRule
{
    private static readonly HashSet<string> TimeShifts = new(System.StringComparer.Ordinal)
    {
        "AddDays", "AddHours", "AddMinutes", "AddSeconds", "AddMilliseconds", "AddTicks", "AddMonths", "AddYears",
    };

    private void LookupsAhead(OperationAnalysisContext context, ITypeSymbol type, string primary, HashSet<ISymbol> outcomes,
        List<(ISymbol Target, ISimpleAssignmentOperation Assignment, List<Read> Reads)> assignments, HashSet<ISimpleAssignmentOperation> reported)
    {
        foreach ((ISymbol target, ISimpleAssignmentOperation assignment, _) in assignments)
        {
            if (!LeakageSymbols.HasAttribute(target, feature) || reported.Contains(assignment)) continue;
            foreach (IOperation node in Values(assignment.Value, HelperDepth))
            {
                if (node is not IMemberReferenceOperation { Instance: { } instance } member || !outcomes.Contains(member.Member)) continue;
                while (instance is IConversionOperation conversion) instance = conversion.Operand;
                if (instance is not ILocalReferenceOperation found || Key(found) == primary || LookupKey(found) is not { } key || !AtOrAfter(key, primary)) continue;
                reported.Add(assignment);
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelLeakage, key.Syntax.GetLocation(),
                    $"Feature '{target.Name}' of {type.Name} reads '{member.Member.Name}' of the row looked up at {key.Syntax}, which is not before the row it is made for: the model sees the answer it is to predict (or a later one), which it cannot at prediction time; look up an earlier time (a negative offset)"));
                break;
            }
        }
    }

    /// <summary>
    /// The key a local row was looked up by: <c>lookup.TryGetValue(key, out var row)</c>, an initializer <c>lookup[key]</c>
    /// or <c>lookup.GetValueOrDefault(key)</c> on a dictionary, or a search <c>series.FirstOrDefault(g =&gt; g.Day == key)</c>; null otherwise.
    /// </summary>
    private static IOperation? LookupKey(ILocalReferenceOperation local)
    {
        foreach (SyntaxReference reference in local.Local.DeclaringSyntaxReferences)
        {
            SyntaxNode declaration = reference.GetSyntax();
            if (declaration is SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } } }
                && local.SemanticModel is { } model && model.SyntaxTree == invocation.SyntaxTree
                && model.GetOperation(invocation) is IInvocationOperation { TargetMethod.Name: "TryGetValue", Instance: { } lookup, Arguments.Length: 2 } tryGet
                && IsDictionary(lookup.Type))
                return tryGet.Arguments[0].Value;
        }
        IOperation? initial = RowWindow.Initializer(local);
        // A fallback (byDay.GetValueOrDefault(key) ?? before) is still the row found under the key when there is one.
        while (initial is IConversionOperation or ICoalesceOperation)
            initial = initial is IConversionOperation conversion ? conversion.Operand : ((ICoalesceOperation)initial).Value;
        return initial switch
        {
            IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } lookup } indexer when IsDictionary(lookup.Type) => indexer.Arguments[0].Value,
            IInvocationOperation { TargetMethod.Name: "GetValueOrDefault" } call when (call.Instance ?? call.Arguments.FirstOrDefault()?.Value) is { } lookup && IsDictionary(lookup.Type)
                => (call.Instance is null ? call.Arguments.ElementAtOrDefault(1) : call.Arguments.FirstOrDefault())?.Value,
            IInvocationOperation { TargetMethod.Name: "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault" } search => SearchedTime(search),
            _ => null,
        };
    }

    /// <summary>
    /// The time a search of the series matches rows on: <c>gauge.First(g =&gt; g.Day == key)</c>, also through
    /// <c>Where(g =&gt; g.Day == key).FirstOrDefault()</c>; null for any other search.
    /// </summary>
    private static IOperation? SearchedTime(IInvocationOperation search)
    {
        IOperation? predicate = search.Arguments.LastOrDefault(argument => argument.Parameter?.Type.TypeKind == TypeKind.Delegate)?.Value;
        if (predicate is null && (search.Instance ?? search.Arguments.FirstOrDefault()?.Value) is IInvocationOperation { TargetMethod.Name: "Where" } where)
            predicate = where.Arguments.LastOrDefault(argument => argument.Parameter?.Type.TypeKind == TypeKind.Delegate)?.Value;
        while (predicate is IConversionOperation or IDelegateCreationOperation)
            predicate = predicate is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)predicate).Target;
        if (predicate is not IAnonymousFunctionOperation { Symbol.Parameters: [var row], Body.Operations: [IReturnOperation { ReturnedValue: { } condition }] }) return null;
        while (condition is IConversionOperation conversion) condition = conversion.Operand;
        if (condition is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals) return null;
        bool OfRow(IOperation side) => side is IMemberReferenceOperation { Instance: IParameterReferenceOperation { Parameter: var parameter } } member
            && SymbolEqualityComparer.Default.Equals(parameter, row) && IsTime(member.Type);
        IOperation left = Stripped(equals.LeftOperand), right = Stripped(equals.RightOperand);
        return OfRow(left) ? right : OfRow(right) ? left : null;

        static IOperation Stripped(IOperation value) => value is IConversionOperation conversion ? Stripped(conversion.Operand) : value;
    }

    private static bool IsDictionary(ITypeSymbol? type) => type is INamedTypeSymbol named
        && named.AllInterfaces.Append(named).Any(candidate => candidate.OriginalDefinition.Name is "IDictionary" or "IReadOnlyDictionary"
            && candidate.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic");

    /// <summary>
    /// Whether a key is the current row's own time moved forward by a constant, or not moved: <c>today.Day</c>,
    /// <c>today.Day.AddDays(1)</c>, <c>today.Day + TimeSpan.FromDays(1)</c>, <c>today.Day - TimeSpan.FromDays(-1)</c>.
    /// </summary>
    private static bool AtOrAfter(IOperation key, string primary)
    {
        while (key is IConversionOperation conversion) key = conversion.Operand;
        switch (key)
        {
            case IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol, Instance: { } instance } time:
                return IsTime(time.Type) && Key(instance) == primary;
            case IInvocationOperation { Instance: { } moved, Arguments: [{ Value: var amount }] } shift when TimeShifts.Contains(shift.TargetMethod.Name) && IsTime(moved.Type):
                return Constant(amount) is >= 0 && AtOrAfter(moved, primary);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } binary when IsTime(binary.Type):
                double? span = Span(binary.RightOperand);
                return span is not null && (binary.OperatorKind == BinaryOperatorKind.Add ? span >= 0 : span <= 0) && AtOrAfter(binary.LeftOperand, primary);
            default:
                return false;
        }
    }

    /// <summary>The constant a <c>TimeSpan.FromDays(c)</c> (FromHours, ...) is made of, or null.</summary>
    private static double? Span(IOperation value)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        return value is IInvocationOperation { TargetMethod.ContainingType.Name: "TimeSpan", Arguments: [{ Value: var amount }] } from
            && from.TargetMethod.Name.StartsWith("From", System.StringComparison.Ordinal) ? Constant(amount) : null;
    }

    private static double? Constant(IOperation value) =>
        value.ConstantValue is { HasValue: true, Value: { } constant } && constant is int or long or double or float or short
            ? System.Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static bool IsTime(ITypeSymbol? type) => type?.Name is "DateTime" or "DateTimeOffset" or "DateOnly";
}
