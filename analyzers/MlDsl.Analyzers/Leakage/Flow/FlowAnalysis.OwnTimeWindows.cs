using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Where a count over the rows up to and including the current row's time that reads the label (<see cref="OwnTimeWindow"/>)
/// is MLDSL0017's rather than a statistic: written in a feature of a row being built (<c>r with { Full = hours.Count(...) }</c>,
/// also through a local read there), where <see cref="EntanglementRule"/> reports the window.
/// </summary>
internal sealed partial class FlowAnalysis
{
    private static bool IsLabelMember(ISymbol member) =>
        member.GetAttributes().Any(data => data.AttributeClass?.ToDisplayString() == "MlDsl.LabelAttribute");

    /// <summary>Whether <paramref name="call"/> is inside the value of a [Feature] assigned in an object or with initializer, or initializes a local.</summary>
    private static bool InFeatureOfBuiltRow(IInvocationOperation call)
    {
        for (IOperation? node = call.Parent; node is not null; node = node.Parent)
        {
            if (node is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: var target }, Parent: IObjectOrCollectionInitializerOperation })
                return target.GetAttributes().Any(data => data.AttributeClass?.ToDisplayString() == "MlDsl.FeatureAttribute");
            // A local computed first and read in the row built after it (int full = hours.Count(...); rows.Add(r with { Full = full })).
            if (node is IVariableInitializerOperation)
                return node.Parent is not null && Ancestors(node.Parent).Any(outer => outer is ILoopOperation or IAnonymousFunctionOperation);
        }
        return false;
    }

    private static System.Collections.Generic.IEnumerable<IOperation> Ancestors(IOperation node)
    {
        for (IOperation? outer = node; outer is not null; outer = outer.Parent) yield return outer;
    }
}
