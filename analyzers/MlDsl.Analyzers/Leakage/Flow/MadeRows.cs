using System;
using Microsoft.CodeAnalysis;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Rows the program builds itself (<c>new Row { ... }</c> from values that hold no rows: random numbers, a loop counter,
/// fields parsed from text) are a source of their own, named by the place they are built. Each call of a helper that
/// builds rows builds new ones, so a summary's built rows are renamed per call (<see cref="AtCall"/>): two calls of a
/// fixture (<c>Points(300)</c> and <c>Points(60)</c>) give two sets of rows, as two reads of different files do.
/// </summary>
internal static class MadeRows
{
    private const string Prefix = "made:";

    /// <summary>The source of rows built at <paramref name="site"/>: its file, line and column.</summary>
    public static string Source(Location site)
    {
        FileLinePositionSpan span = site.GetLineSpan();
        return $"{Prefix}{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character}:{System.IO.Path.GetFileName(span.Path)}";
    }

    public static bool IsMade(string source) => source.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The rows a helper builds, as built for the call at <paramref name="call"/> (distinct from every other call's).</summary>
    public static string AtCall(string source, Location call) => source + "@" + call.SourceSpan.Start.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether the rows of <paramref name="source"/> are built by <paramref name="method"/> (or by a helper it calls): built at a
    /// place inside it, or last renamed at a call inside it. Rows a local function captures from the body around it are not.
    /// </summary>
    public static bool BuiltWithin(string source, IMethodSymbol method)
    {
        if (method.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction)) return true; // nothing captured
        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            int at = source.LastIndexOf('@');
            if (at >= 0)
            {
                if (int.TryParse(source.Substring(at + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int position)
                    && reference.Span.Contains(position)) return true;
                continue;
            }
            string[] parts = source.Substring(Prefix.Length).Split(new[] { ':' }, 3);
            if (parts.Length != 3 || !int.TryParse(parts[0], out int line) || !int.TryParse(parts[1], out int column)
                || System.IO.Path.GetFileName(reference.SyntaxTree.FilePath) != parts[2]) continue;
            FileLinePositionSpan span = reference.SyntaxTree.GetLineSpan(reference.Span);
            var place = new Microsoft.CodeAnalysis.Text.LinePosition(line - 1, column);
            if (span.StartLinePosition <= place && place < span.EndLinePosition) return true;
        }
        return false;
    }

    /// <summary>"the rows built on line 12" (the line of the outermost call when built by a helper is not known here).</summary>
    public static string Display(string source)
    {
        int end = source.IndexOf(':', Prefix.Length);
        return end < 0 ? "the rows built in the program" : $"the rows built on line {source.Substring(Prefix.Length, end - Prefix.Length)}";
    }
}
