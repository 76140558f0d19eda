using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Shapes;

namespace MlDsl.Generators.Emit;

/// <summary>The throw expression the members of a declaration that cannot be built get: it names the first error.</summary>
internal static class Failure
{
    /// <param name="otherwise">Why, when the declaration itself has no error (its dataset or model has).</param>
    public static string Reason(string name, EquatableArray<DiagnosticInfo> diagnostics, string otherwise)
    {
        DiagnosticInfo? error = diagnostics.FirstOrDefault(diagnostic => diagnostic.IsError);
        return $"{name} was not generated because {(error is null ? otherwise : error.Describe())}; fix the declaration and rebuild";
    }

    public static string Throw(string reason) => $"throw new global::System.InvalidOperationException({Literal(reason)})";

    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
