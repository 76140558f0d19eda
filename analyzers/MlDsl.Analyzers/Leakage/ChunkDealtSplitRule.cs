using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0019 for rows cut into chunks and dealt into parts by their place in each chunk:
/// <c>blocks = weeks.OrderBy(w =&gt; w.Week).Chunk(5)</c>, then <c>blocks.SelectMany(b =&gt; b[..^1])</c> to training and
/// <c>blocks.Select(b =&gt; b[^1])</c> to test. Every chunk gives rows to both parts, so over rows with a [Timestamp] each test
/// row lies between training rows (the same interleaving as <c>Where((r, i) =&gt; i % 5 == 4)</c>), and over rows with a
/// [GroupKey] a group's rows fall on both sides. Whole chunks given to one part (<c>quarters[..^1].SelectMany(q =&gt; q)</c>
/// to training and <c>quarters[^1]</c> to test) are a cut in time, and chunks dealt into training alone (thinning) place
/// nothing in a held-out part: both silent.
/// </summary>
internal static class ChunkDealtSplitRule
{
    /// <summary>Calls on one chunk that take rows by their place in it.</summary>
    private static readonly HashSet<string> PlaceTakers = new(System.StringComparer.Ordinal)
    {
        "First", "FirstOrDefault", "Last", "LastOrDefault", "ElementAt", "ElementAtOrDefault", "Take", "Skip", "TakeLast", "SkipLast",
    };

    private const int MaxHops = 4;

    public static void Check(OperationAnalysisContext context, IInvocationOperation call, LeakageSymbols symbols)
    {
        if (call.TargetMethod.Name != "Chunk" || call.TargetMethod.ContainingType?.Name is not ("Enumerable" or "Queryable")) return;
        if (call.TargetMethod.TypeArguments.FirstOrDefault() is not INamedTypeSymbol row) return;
        bool grouped = row.GetMembers().Any(member => LeakageSymbols.HasAttribute(member, symbols.GroupKeyAttribute));
        bool timed = row.GetMembers().Any(member => LeakageSymbols.HasAttribute(member, symbols.TimestampAttribute));
        if (!grouped && !timed) return;
        ModelUse.Role dealtTo = ModelUse.Role.None;
        foreach (IInvocationOperation deal in Deals(call)) dealtTo |= ModelUse.Of(deal, symbols);
        if (dealtTo != (ModelUse.Role.Training | ModelUse.Role.HeldOut)) return;
        string reason = grouped
            ? $"{row.Name} has a [GroupKey], but these rows are cut into chunks and each chunk is dealt into training and held-out parts: rows of one group land in both, so the test score measures recognising the group; place whole groups, or use Split with SplitKind.Grouped"
            : $"{row.Name} has a [Timestamp], but these rows are cut into chunks and each chunk is dealt into training and held-out parts: training and test rows interleave in time and the model trains on the future of its test rows; give whole chunks to one part (the last ones to test), or use Split with SplitKind.ByTime";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SplitIgnoresGroupsOrTime, call.Syntax.GetLocation(), reason));
    }

    /// <summary>The calls over the chunks (directly, through ToArray/ToList, or through the local they are kept in) that deal them by place.</summary>
    private static IEnumerable<IInvocationOperation> Deals(IInvocationOperation chunk)
    {
        var pending = new Stack<(IOperation Chunks, int Hops)>();
        pending.Push((chunk, 0));
        while (pending.Count > 0)
        {
            (IOperation chunks, int hops) = pending.Pop();
            if (hops > MaxHops) continue;
            IOperation? parent = chunks.Parent;
            while (parent is IConversionOperation) parent = parent.Parent;
            if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                foreach (ILocalReferenceOperation reference in LocalReferences.Of(parent).ReferencesTo(declarator.Symbol)) pending.Push((reference, hops + 1));
                continue;
            }
            if (RowsReceiver.Of(chunks) is not { } owner) continue;
            if (owner.TargetMethod.Name is "ToList" or "ToArray" or "AsEnumerable") pending.Push((owner, hops + 1));
            else if (owner.TargetMethod.Name is "Select" or "SelectMany" && TakesByPlace(owner)) yield return owner;
        }
    }

    /// <summary>Whether a projection of each chunk takes some of its rows by their place (<c>b[^1]</c>, <c>b[..^1]</c>, <c>b.Skip(1)</c>).</summary>
    internal static bool TakesByPlace(IInvocationOperation projection)
    {
        IAnonymousFunctionOperation? selector = projection.Arguments.LastOrDefault()?.Value.DescendantsAndSelf().OfType<IAnonymousFunctionOperation>().FirstOrDefault();
        if (selector is null || selector.Symbol.Parameters.Length == 0) return false;
        IParameterSymbol block = selector.Symbol.Parameters[0];
        bool IsBlock(IOperation? operation)
        {
            while (operation is IConversionOperation conversion) operation = conversion.Operand;
            return operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, block);
        }
        return selector.Body.Descendants().Any(node => node switch
        {
            IArrayElementReferenceOperation element => IsBlock(element.ArrayReference),
            IImplicitIndexerReferenceOperation indexer => IsBlock(indexer.Instance),
            IPropertyReferenceOperation { Property.IsIndexer: true } indexer => IsBlock(indexer.Instance),
            IInvocationOperation taken when PlaceTakers.Contains(taken.TargetMethod.Name) => IsBlock(taken.Instance ?? taken.Arguments.FirstOrDefault()?.Value),
            _ => false,
        });
    }
}
