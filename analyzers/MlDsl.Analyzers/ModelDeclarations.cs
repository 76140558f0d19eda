using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Models;
using MlDsl.Declarations.Parsing;

namespace MlDsl.Analyzers;

/// <summary>
/// The [Dataset] and [Model] declarations of one compilation, parsed (layers read, every shape
/// inferred) once and shared: <see cref="ModelAnalyzer"/> reports their diagnostics and
/// <see cref="BatchSizeAnalyzer"/> reads their layers at every <c>Fit</c> call, and without this each
/// of them parsed the model again, the batch-size rule once per call; a row type is parsed once for
/// its own diagnostics and for every model of those rows. All analyzers of a build or an IDE analysis
/// run on the same <see cref="Compilation"/> object; an edit makes a new one, so nothing stale is ever read.
/// </summary>
internal sealed class ModelDeclarations
{
    private static readonly ConditionalWeakTable<Compilation, ModelDeclarations> PerCompilation = new();

    // Keyed by the attribute, not the type: a type's attributes are bound once per compilation, and a
    // type declaring [Model] twice (a compiler error) still gets each one parsed, as before.
    private readonly ConcurrentDictionary<AttributeData, Parsed> models = new();
    private readonly ConcurrentDictionary<INamedTypeSymbol, DatasetSpec> datasets = new(SymbolEqualityComparer.Default);
    private readonly System.Func<INamedTypeSymbol, DatasetSpec> parseDataset;

    private ModelDeclarations() => parseDataset = Dataset;

    public static ModelDeclarations For(Compilation compilation) => PerCompilation.GetValue(compilation, _ => new ModelDeclarations());

    /// <summary><see cref="ModelParser.Parse"/> of the type with this [Model] attribute, computed once.</summary>
    public ModelSpec? Parse(INamedTypeSymbol type, AttributeData modelAttribute) =>
        models.GetOrAdd(modelAttribute, attribute => new Parsed(ModelParser.Parse(type, attribute, parseDataset))).Model;

    /// <summary><see cref="DatasetParser.Parse"/> of a row type, computed once.</summary>
    public DatasetSpec Dataset(INamedTypeSymbol type) => datasets.GetOrAdd(type, DatasetParser.Parse);

    /// <summary>A box, so that "the parser returned null" is cached too.</summary>
    private sealed class Parsed
    {
        public Parsed(ModelSpec? model) => Model = model;

        public ModelSpec? Model { get; }
    }
}
