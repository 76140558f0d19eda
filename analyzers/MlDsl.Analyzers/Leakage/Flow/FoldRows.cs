using System;
using Microsoft.CodeAnalysis;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// The rows a <c>FoldScorer</c> lambda is called with: a source of their own, named by the lambda's place, cut into the fold's
/// training and validation rows (see <see cref="FlowAnalysis"/>'s fold scorer parameters).
/// </summary>
internal static class FoldRows
{
    private const string Prefix = "fold:";

    public static string Source(Location lambda) => Prefix + lambda.SourceSpan.Start.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsFold(string source) => source.StartsWith(Prefix, StringComparison.Ordinal);

    public const string Display = "the rows of a cross-validation fold";
}
