using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// A feature that counts (or averages) outcomes over rows up to and including the row's own time
/// (<see cref="OutcomesUpToTheRow"/>): the row's own answer is counted in, reported on the count.
/// </summary>
internal sealed partial class EntanglementRule
{
    private static void OutcomesCountedUpToTheRow(OperationAnalysisContext context, ITypeSymbol type,
        List<(ISymbol Target, ISimpleAssignmentOperation Assignment, List<Read> Reads)> assignments, INamedTypeSymbol feature)
    {
        foreach ((ISymbol target, ISimpleAssignmentOperation assignment, _) in assignments)
        {
            if (!LeakageSymbols.HasAttribute(target, feature)) continue;
            if (assignment.Value.DescendantsAndSelf().OfType<IInvocationOperation>().FirstOrDefault(OutcomesUpToTheRow.Counts) is not { } count) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelLeakage, count.Syntax.GetLocation(),
                $"Feature '{target.Name}' of {type.Name} counts outcomes up to and including the row's own time ({count.Syntax}): the row's own label is in it, which the model cannot have at prediction time; count strictly earlier rows only"));
        }
    }
}
