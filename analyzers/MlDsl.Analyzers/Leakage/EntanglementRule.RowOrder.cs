using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// Which neighbour of the current row is the past. Both lag checks (the label's recorded value read from another row, and
/// a feature reading a later row's label, window or element) ask here, so they agree on the direction: in rows held
/// newest first (<see cref="TimeOrder"/>) row <c>i + k</c> is earlier than row <c>i</c> and row <c>i - k</c> later; in rows
/// held oldest first, or in an order not known, the other way round (an export in file order is taken to run forward).
/// </summary>
internal sealed partial class EntanglementRule
{
    /// <summary>
    /// The row a built row is made from: the with's receiver, or the instance most members are read from
    /// (<paramref name="primary"/>); a local holding <c>raw[i]</c> is <c>raw[i]</c>. Null when there is none.
    /// </summary>
    private static IOperation? CurrentRow(IOperation? receiver, IObjectOrCollectionInitializerOperation initializer, string primary)
    {
        IOperation? current = receiver ?? initializer.Descendants().OfType<IMemberReferenceOperation>()
            .FirstOrDefault(member => member.Instance is { } instance && Key(instance) == primary)?.Instance;
        while (current is IConversionOperation conversion) current = conversion.Operand;
        if (current is ILocalReferenceOperation local && RowWindow.Initializer(local) is { } picked) current = picked;
        return current;
    }

    /// <summary>Whether the current row is picked by an index (<c>rows[i]</c>) from rows known to be held newest first.</summary>
    private static bool HeldNewestFirst(OperationAnalysisContext context, IOperation? current) =>
        IndexedRow(current) is { } row
        && context.Compilation.GetTypeByMetadataName("MlDsl.TimestampAttribute") is { } timestamp
        && TimeOrder.IsNewestFirst(row.Collection, timestamp);

    /// <summary>The current row as row <c>i</c> of a collection: picked by an index (<c>raw[i]</c>) or the element of an indexed projection.</summary>
    private static RowWindow.Span? IndexedRow(IOperation? current) =>
        current is null ? null : RowWindow.Element(current) ?? RowWindow.IndexedProjectionRow(current);
}
