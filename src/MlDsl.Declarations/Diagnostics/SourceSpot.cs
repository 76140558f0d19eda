using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MlDsl.Declarations.Diagnostics;

/// <summary>A place in a source file as plain values; a <see cref="Location"/> would pin the whole compilation.</summary>
public sealed record SourceSpot(string FilePath, TextSpan Span, LinePositionSpan Lines)
{
    public static SourceSpot? From(Location? location) =>
        location is null || location.SourceTree is null
            ? null
            : new SourceSpot(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    /// <summary>A location inside <paramref name="compilation"/>'s trees (analyzers must report those), else a file location.</summary>
    public Location ToLocation(Compilation? compilation)
    {
        if (compilation is not null)
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
                if (tree.FilePath == FilePath) return Location.Create(tree, Span);
        return Location.Create(FilePath, Span, Lines);
    }
}
