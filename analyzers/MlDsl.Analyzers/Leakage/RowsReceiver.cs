using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>The call a value of rows is handed to as its receiver: <c>rows.Take(n)</c> as an instance call, or as an extension's first argument.</summary>
internal static class RowsReceiver
{
    /// <summary>The call <paramref name="rows"/> is the receiver of (conversions between them looked through), or null.</summary>
    public static IInvocationOperation? Of(IOperation rows)
    {
        IOperation? parent = rows.Parent;
        while (parent is IConversionOperation) parent = parent.Parent;
        return parent switch
        {
            IArgumentOperation { Parent: IInvocationOperation { Instance: null } invocation } argument when invocation.Arguments.FirstOrDefault() == argument => invocation,
            IInvocationOperation { Instance: not null } invocation => invocation,
            _ => null,
        };
    }
}
