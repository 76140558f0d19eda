using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// A feature that counts or averages the rows up to and including the time of the row being built and reads their label
/// (<c>r with { Full = hours.Count(h =&gt; h.Hour &lt;= r.Hour &amp;&amp; h.Hour &gt; r.Hour.AddHours(-24) &amp;&amp; h.Occupancy &gt; 0.95f) }</c>):
/// the row's own answer is among those counted, a window one row too long written as a time filter (<see cref="OwnTimeWindow"/>).
/// Reported on the aggregate; the same count over strictly earlier times (<see cref="EarlierRows"/>) is the row's past and silent.
/// </summary>
internal sealed partial class EntanglementRule
{
    private void OwnTimeWindows(OperationAnalysisContext context, ITypeSymbol type, string primary, HashSet<ISymbol> outcomes,
        List<(ISymbol Target, ISimpleAssignmentOperation Assignment, List<Read> Reads)> assignments, HashSet<ISimpleAssignmentOperation> reported)
    {
        foreach ((ISymbol target, ISimpleAssignmentOperation assignment, _) in assignments)
        {
            if (!LeakageSymbols.HasAttribute(target, feature) || reported.Contains(assignment)) continue;
            foreach (IOperation node in Values(assignment.Value, HelperDepth))
            {
                if (node is not IInvocationOperation call || OwnTimeWindow.Including(call, outcomes.Contains) is not { } current || Key(current) != primary) continue;
                reported.Add(assignment);
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelLeakage, call.Syntax.GetLocation(),
                    $"Feature '{target.Name}' of {type.Name} counts the label of the rows up to and including the time of the row it is made for ({call.Syntax}): the row's own answer is among them, which the model cannot have at prediction time; keep only strictly earlier times"));
                break;
            }
        }
    }
}
