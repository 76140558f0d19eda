using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// MLDSL0026 for duplicates dropped only after the split: <c>split.Test.DistinctBy(r =&gt; r.Text)</c> shows the rows hold
/// duplicates (a review posted on every variant of a product, a record exported twice), and the split made before the
/// de-duplication already put copies of one row on both sides. Reported at the split, as copies made before it are.
/// Silent when the rows were de-duplicated before that split as well, when the split keeps groups whole, when only the
/// training part is de-duplicated (a smaller training set, nothing learned about held-out rows), for folds, for the parts
/// joined again and for held-out rows only counted (<c>test.Distinct().Count()</c>, a check that a part holds no copies).
/// </summary>
internal sealed partial class FlowRules
{
    private void DeduplicatedAfterSplit()
    {
        var splits = new HashSet<IInvocationOperation>();
        foreach ((IInvocationOperation dedupe, DataFlow rows) in observed.Deduplications)
        {
            // Held-out rows alone (not the parts joined again to check the split), kept as rows rather than counted.
            if (!rows.Rows.All(origin => origin.Role is Role.Validation or Role.Test) || OnlyCounted(dedupe)) continue;
            foreach (Origin part in rows.Rows.Where(origin => origin.Role is Role.Validation or Role.Test))
                foreach ((IInvocationOperation split, DataFlow input) in observed.Splits)
                {
                    if (!symbols.IsSplit(split.TargetMethod) || GroupedCut(split) || !input.Rows.Any(row => row.Overlaps(part) && row.Role == Role.All)
                        || DeduplicatedBefore(input)) continue;
                    if (!splits.Add(split)) continue;
                    Report(DiagnosticDescriptors.RowsMultipliedBeforeSplit, split.Syntax.GetLocation(), null,
                        $"The held-out rows are de-duplicated only after this split ({dedupe.TargetMethod.Name} at line {Line(dedupe.Syntax)}): the duplicates were there before it, so copies of one row already sit on both sides and the model is tested on rows it trained on; drop duplicates from all rows before splitting");
                }
        }
    }

    /// <summary>Whether the de-duplicated rows are only counted (<c>test.Distinct().Count()</c>, a check that the parts hold no copies).</summary>
    private static bool OnlyCounted(IInvocationOperation dedupe)
    {
        IOperation? parent = dedupe.Parent;
        while (parent is IConversionOperation or IArgumentOperation) parent = parent.Parent;
        return parent is IInvocationOperation { TargetMethod.Name: "Count" or "LongCount" or "Any" or "SequenceEqual" or "SetEquals" };
    }

    /// <summary>Whether the rows a split is given were de-duplicated on their way to it (a Distinct over the whole rows).</summary>
    private bool DeduplicatedBefore(DataFlow input) =>
        observed.Deduplications.Any(earlier => earlier.Rows.Rows.All(origin => origin.Role == Role.All)
            && earlier.Rows.Rows.Any(origin => input.Rows.Any(row => row.Overlaps(origin))));
}
