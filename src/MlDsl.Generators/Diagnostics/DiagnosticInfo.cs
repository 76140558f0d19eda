using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using MlDsl.Shapes;

namespace MlDsl.Generators.Diagnostics;

/// <summary>
/// A diagnostic as plain values (descriptor id, file, span, arguments) so it can live in an
/// equatable pipeline model; a <see cref="Location"/> would pin the whole compilation.
/// </summary>
public sealed record DiagnosticInfo(string DescriptorId, string FilePath, TextSpan Span, LinePositionSpan Lines, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor.Id,
            location?.SourceTree?.FilePath ?? "",
            location?.SourceSpan ?? default,
            location?.GetLineSpan().Span ?? default,
            arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(
            DiagnosticDescriptors.ById(DescriptorId),
            FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, Lines),
            Arguments.Cast<object>().ToArray());
}
