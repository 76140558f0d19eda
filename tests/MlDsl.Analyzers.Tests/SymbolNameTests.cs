using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MlDsl.Analyzers.Tests.Infrastructure;
using MlDsl.Declarations.Parsing;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// The parsers compare types with display strings through <see cref="SymbolNames"/> instead of building
/// the strings; every answer must be the string comparison's, for every kind of type they can meet.
/// </summary>
public sealed class SymbolNameTests
{
    private const string Source = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using Layer = TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>;

        namespace MlDsl { public sealed class LayerAttribute : Attribute { } }
        namespace TorchSharp.Fakes { public sealed class nn { public sealed class ModuleLike { } } }
        public sealed class TorchSharp2 { }
        public sealed class Outer { public sealed class Inner<T> { public sealed class Deepest { } } }
        namespace Deep.Space.Names
        {
            public record Row(int Id);
            public struct Value { }
            public interface IShape<in T> { }
            public sealed class Holder<T> where T : class
            {
                public Layer plain = null!;
                public Layer? annotated;
                public Layer[] array = null!;
                public TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor?, TorchSharp.torch.Tensor> argumentAnnotated = null!;
                public TorchSharp.Modules.ModuleList<Layer> list = null!;
                public TorchSharp.torch.nn.Module module = null!;
                public T parameter = null!;
                public T? parameterAnnotated;
                public int number;
                public int? maybe;
                public object thing = null!;
                public string text = "";
                public DateTime time;
                public IntPtr pointer;
                public (int Left, string Right) pair;
                public Outer.Inner<Row>.Deepest nested = null!;
                public Outer.Inner<int>.Deepest nestedSpecial = null!;
                public Dictionary<string, List<Row?>> map = null!;
                public IShape<Value> shape = null!;
                public Missing unresolved = null!;
                public global::MlDsl.LayerAttribute attribute = null!;
                public TorchSharp.Fakes.nn.ModuleLike moduleLike = null!;
                public TorchSharp2 lookalike = null!;
            }
        }
        """;

    [Fact]
    public void Comparing_a_type_with_a_display_string_agrees_with_building_the_string()
    {
        List<ITypeSymbol> types = Types();
        List<string> names = types.Select(type => type.ToDisplayString()).Distinct()
            .Concat(new[] { "TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>", "MlDsl.LayerAttribute", "MlDsl.Conv2dAttribute",
                "TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor", "TorchSharp.torch.nn.Module", "TorchSharp.torch", "", "object", "int" })
            .ToList();
        Assert.True(types.Count > 40, $"only {types.Count} types were collected");
        var disagreements = new List<string>();
        foreach (ITypeSymbol type in types)
        {
            string display = type.ToDisplayString();
            foreach (string name in names)
                if (SymbolNames.Is(type, name) != (display == name)) disagreements.Add($"Is({display}, {name})");
            if (type is INamedTypeSymbol named && SymbolNames.Of(named) != display) disagreements.Add($"Of({display}) = {SymbolNames.Of(named)}");
            foreach (string prefix in new[] { "TorchSharp", "System", "Deep", "Outer", "MlDsl", "TorchSharp2" })
                if (SymbolNames.StartsWith(type, prefix) != display.StartsWith(prefix + ".", StringComparison.Ordinal)) disagreements.Add($"StartsWith({display}, {prefix})");
        }
        Assert.Empty(disagreements);
        Assert.False(SymbolNames.Is(null, "MlDsl.LayerAttribute"));
    }

    [Fact]
    public void A_generic_list_definition_is_named_with_its_type_parameter_as_the_pipeline_parser_expects()
    {
        // PipelineParser accepts an [Ingest] method by comparing its return type's definition with this string.
        const string definition = "System.Collections.Generic.IReadOnlyList<T>";
        var compilation = CSharpCompilation.Create("Lists", new[] { CSharpSyntaxTree.ParseText("""
            using System.Collections.Generic;
            public sealed record Row(int Id);
            public static class Ingest
            {
                public static IReadOnlyList<Row> Rows() => new List<Row>();
                public static List<Row> List() => new();
                public static IReadOnlyCollection<Row> Collection() => new List<Row>();
            }
            """) }, References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        INamedTypeSymbol ingest = compilation.GetTypeByMetadataName("Ingest")!;
        INamedTypeSymbol Returned(string method) => (INamedTypeSymbol)((IMethodSymbol)ingest.GetMembers(method).Single()).ReturnType;

        Assert.Equal(definition, Returned("Rows").OriginalDefinition.ToDisplayString());
        Assert.True(SymbolNames.Is(Returned("Rows").OriginalDefinition, definition));
        Assert.False(SymbolNames.Is(Returned("Rows"), definition)); // the constructed type names its argument
        Assert.False(SymbolNames.Is(Returned("List").OriginalDefinition, definition));
        Assert.False(SymbolNames.Is(Returned("Collection").OriginalDefinition, definition));
    }

    /// <summary>Every type the source declares or uses, their type arguments, containing types, base types and original definitions.</summary>
    private static List<ITypeSymbol> Types()
    {
        var compilation = CSharpCompilation.Create("Names", new[] { CSharpSyntaxTree.ParseText(Source) }, References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var found = new HashSet<ITypeSymbol>(SymbolEqualityComparer.IncludeNullability);
        void Add(ITypeSymbol? type)
        {
            if (type is null || !found.Add(type)) return;
            if (type is IArrayTypeSymbol array) Add(array.ElementType);
            if (type is not INamedTypeSymbol named) return;
            foreach (ITypeSymbol argument in named.TypeArguments) Add(argument);
            Add(named.ContainingType);
            Add(named.BaseType);
            Add(named.OriginalDefinition);
            foreach (INamedTypeSymbol face in named.Interfaces) Add(face);
        }
        Visit(compilation.GlobalNamespace, Add);
        Add(compilation.GetTypeByMetadataName("MlDsl.Conv2dAttribute"));
        Add(compilation.GetTypeByMetadataName("MlDsl.DatasetAttribute"));
        return found.ToList();
    }

    private static void Visit(INamespaceOrTypeSymbol container, Action<ITypeSymbol?> add)
    {
        foreach (ISymbol member in container.GetMembers())
        {
            if (member is INamespaceSymbol space && space.Locations.Any(location => location.IsInSource)) Visit(space, add);
            if (member is INamedTypeSymbol type && type.Locations.Any(location => location.IsInSource))
            {
                add(type);
                foreach (IFieldSymbol field in type.GetMembers().OfType<IFieldSymbol>()) add(field.Type);
                Visit(type, add);
            }
        }
    }
}
