using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace MlDsl.Analyzers;

/// <summary>
/// MlDsl's types by metadata name, for every analyzer of one compilation. <see cref="Compilation.GetTypeByMetadataName"/>
/// searches every referenced assembly (a .NET app references about 170) and caches per compilation only, and every
/// keystroke makes a new compilation: the analyzers' two dozen lookups at compilation start were about a tenth of the
/// leakage analysis of a script. Here the referenced assembly named MlDsl (else one search of the compilation) gives
/// <c>MlDsl.DatasetAttribute</c>, and every other name is looked up in its assembly alone, once per compilation for all analyzers.
/// </summary>
internal sealed class MlDslTypes
{
    private const string Anchor = "MlDsl.DatasetAttribute";
    private static readonly ConditionalWeakTable<Compilation, MlDslTypes> PerCompilation = new();

    private readonly IAssemblySymbol? assembly;
    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> types = new(System.StringComparer.Ordinal);

    private MlDslTypes(Compilation compilation)
    {
        // The referenced MlDsl assembly is found without the compilation's own declarations, which a lookup by the
        // compilation builds first (parsing the edited file): that is the compiler's work, done for it later anyway.
        // A compilation without that reference (MlDsl itself, or its types declared in source) is searched as a whole.
        INamedTypeSymbol? anchor = null;
        foreach (IAssemblySymbol referenced in compilation.SourceModule.ReferencedAssemblySymbols)
            if (referenced.Name == "MlDsl" && referenced.GetTypeByMetadataName(Anchor) is { } found)
            {
                anchor = found;
                break;
            }
        anchor ??= compilation.GetTypeByMetadataName(Anchor);
        assembly = anchor?.ContainingAssembly;
        if (anchor is not null) types[Anchor] = anchor;
    }

    public static MlDslTypes For(Compilation compilation) => PerCompilation.GetValue(compilation, c => new MlDslTypes(c));

    /// <summary>The MlDsl type with this metadata name, or null when MlDsl is not referenced or has no such type.</summary>
    public INamedTypeSymbol? Get(string metadataName) =>
        assembly is null ? null : types.GetOrAdd(metadataName, name => assembly.GetTypeByMetadataName(name));
}
