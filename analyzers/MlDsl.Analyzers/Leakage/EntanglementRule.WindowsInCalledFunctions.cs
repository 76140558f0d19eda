using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// A window read in a function called per row with the row's index (<c>float Rolling(int i) =&gt; raw.Skip(i - 2).Take(3).Average(r =&gt;
/// r.Occupancy)</c>, then <c>RollingOccupancy = Rolling(i)</c>): the window is moved to the call's index (<c>Rolling(i - 1)</c> reads
/// one row earlier) and judged as if written there: reaching the current row's label or a later one is reported on the window
/// inside the function; the rows strictly before stay silent.
/// </summary>
internal sealed partial class EntanglementRule
{
    /// <summary>
    /// The window in the body of the function <paramref name="call"/> invokes that reads <paramref name="outcomes"/> of the row
    /// <paramref name="at"/> of <paramref name="collection"/> or a later one, once moved to the index passed; null when none does.
    /// </summary>
    private static IOperation? FutureWindowInCall(IInvocationOperation call, string index, string collection, bool newestFirst, int at, HashSet<ISymbol> outcomes)
    {
        if (call.SemanticModel?.Compilation is not { } compilation || Flow.MethodSummary.Body(compilation, call.TargetMethod) is not { } body) return null;
        foreach (IArgumentOperation argument in call.Arguments)
        {
            if (argument.Parameter is not { Type.SpecialType: SpecialType.System_Int32 } parameter
                || RowWindow.Offset(argument.Value) is not { } passed || passed.Index != index) continue;
            foreach (IInvocationOperation inner in body.DescendantsAndSelf().OfType<IInvocationOperation>())
            {
                if (!Aggregates.Contains(inner.TargetMethod.Name) || RowWindow.OfReceiver(inner) is not { } window || window.Index != parameter.Name) continue;
                // The rows a helper is given (Rolling(raw, i)) are the caller's: compared under the argument's name.
                IOperation source = window.Collection;
                while (source is IConversionOperation conversion) source = conversion.Operand;
                if (source is IParameterReferenceOperation rowsParameter
                    && call.Arguments.FirstOrDefault(given => SymbolEqualityComparer.Default.Equals(given.Parameter, rowsParameter.Parameter)) is { } rows)
                    source = rows.Value;
                if (Key(source) != collection) continue;
                RowWindow.Span moved = window with { From = window.From + passed.Offset, To = window.To + passed.Offset };
                if (newestFirst) moved = moved.Mirrored;
                if (!(moved.To < at) && ReadsOutcomeOfParameter(inner, outcomes)) return window.Window;
            }
        }
        return null;
    }
}
