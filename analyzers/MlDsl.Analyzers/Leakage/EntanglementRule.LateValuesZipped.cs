using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0029 for a positional copy of late values paired back onto its own rows by Zip: with
/// <c>atExit = visits.Select(v =&gt; v.ExitAdverseEvents).ToArray()</c>, <c>visits.Zip(atExit, (v, exit) =&gt; v with { AdverseEvents =
/// v.AdverseEvents + exit })</c> gives each row its own <c>[KnownAt(WithLabel)]</c> value, as <c>atExit[i]</c> in an indexed projection
/// would (<see cref="LateValuesAtOwnPosition"/>). Reported on the assignment. A copy of another source (another file), one that
/// filters or reorders the rows, or one of values known before the label stays silent.
/// </summary>
internal sealed partial class EntanglementRule
{
    private bool LateValuesZippedBack(OperationAnalysisContext context, ITypeSymbol type, IOperation? current, ISymbol target, ISimpleAssignmentOperation assignment)
    {
        while (current is IConversionOperation conversion) current = conversion.Operand;
        if (current is not IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction, Parameters.Length: 2 } lambda } row }
            || ZipOf(current, lambda) is not { } zip) return false;
        IOperation[] sources = zip.Instance is null ? zip.Arguments.Take(2).Select(argument => argument.Value).ToArray()
            : new[] { zip.Instance, zip.Arguments[0].Value };
        if (sources.Length != 2) return false;
        IParameterSymbol partner = lambda.Parameters[1 - row.Ordinal];
        if (PositionalCopy(sources[partner.Ordinal], Key(sources[row.Ordinal]), context.Compilation) is not { } late) return false;
        foreach (IOperation node in Values(assignment.Value, HelperDepth))
        {
            if (node is not IParameterReferenceOperation { Parameter: var read } || !SymbolEqualityComparer.Default.Equals(read, partner)) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FeatureKnownAfterLabel, assignment.Syntax.GetLocation(),
                $"Feature '{target.Name}' of {type.Name} reads '{late.Name}' of its own row from a copy of the rows' values zipped back onto them ({partner.Name}), declared [KnownAt(FeatureTiming.{DatasetLeakageAnalyzer.KnownTooLate(late, knownAt!)})]: it is not known when the model predicts, so training on it learns from the outcome itself; compute it from values known before the label, or keep the value as metadata ([Ignore] or [Slice])"));
            return true;
        }
        return false;
    }

    /// <summary>The Zip whose result selector <paramref name="lambda"/> is (<paramref name="inside"/> lies in it); null otherwise.</summary>
    private static IInvocationOperation? ZipOf(IOperation inside, IMethodSymbol lambda)
    {
        IOperation? node = inside;
        while (node is not null && !(node is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))) node = node.Parent;
        node = node?.Parent;
        while (node is IDelegateCreationOperation or IConversionOperation) node = node.Parent;
        return node is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Zip" } zip } ? zip : null;
    }
}
