using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

internal sealed partial class FlowAnalysis
{
    /// <summary>
    /// <c>Array.Copy(source, destination, n)</c>, <c>Array.Copy(source, i, destination, j, n)</c>, <c>source.CopyTo(destination, j)</c>
    /// (an array's or a list's): the destination gains the source's rows, as an <c>AddRange</c> would give them. The same rows
    /// copied into it twice (every row at 0 and again at n) are rows multiplied; two disjoint parts copied side by side are not.
    /// Returns false for any other call.
    /// </summary>
    private bool CopiedIntoArray(IInvocationOperation call)
    {
        IMethodSymbol method = call.TargetMethod;
        IOperation? source, destination;
        if (method.Name == "Copy" && method.IsStatic && method.ContainingType?.SpecialType == SpecialType.System_Array)
        {
            source = Argument(call, "sourceArray");
            destination = Argument(call, "destinationArray");
        }
        else if (method.Name == "CopyTo" && call.Instance is not null && Argument(call, "array") is { } array)
        {
            source = call.Instance;
            destination = array;
        }
        else return false;
        if (source is null || Holder(destination) is not { } collection) return false;
        DataFlow copied = Eval(source);
        if (copied.Rows.IsEmpty) return false;
        Contribute(collection, call, copied);
        return true;
    }

    private static IOperation? Argument(IInvocationOperation call, string parameter) =>
        call.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == parameter)?.Value;
}
