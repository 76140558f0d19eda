using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

internal sealed partial class FlowAnalysis
{
    /// <summary>
    /// Locals declared before a loop but written on every pass of it: a <c>while</c> or <c>do</c> loop's counter
    /// (<c>int i = 0; while (i &lt; raw.Count) { ...raw[i]...; i++; }</c>), a cursor moved by <c>i += 2</c> or
    /// <c>i = i + 1</c>. A row built from them is a different row each pass, one per source row, as in a
    /// <c>for</c> loop over the same index: a projection, not the same rows added again.
    /// </summary>
    private static IEnumerable<ILocalSymbol> WrittenInLoop(ILoopOperation loop)
    {
        foreach (IOperation operation in loop.DescendantsAndSelf())
        {
            IOperation? target = operation switch
            {
                IIncrementOrDecrementOperation step => step.Target,
                ICompoundAssignmentOperation compound => compound.Target,
                // Only an update from the local's own value (i = i + 1, node = node.Next) moves it along; a fresh value
                // (batch = minority.ToList()) may be the same rows every pass.
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation updated } assignment
                    when assignment.Value.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(read => SymbolEqualityComparer.Default.Equals(read.Local, updated.Local))
                    => assignment.Target,
                _ => null,
            };
            if (target is ILocalReferenceOperation local) yield return local.Local;
        }
    }
}
