using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MlDsl.Analyzers.Leakage;

/// <summary>The MlDsl types the leakage rules look for, resolved once per compilation.</summary>
internal sealed class LeakageSymbols
{
    private LeakageSymbols(INamedTypeSymbol splitter, INamedTypeSymbol dataSplit, INamedTypeSymbol transform, INamedTypeSymbol model,
        INamedTypeSymbol splitKind, INamedTypeSymbol groupKey, INamedTypeSymbol timestamp, INamedTypeSymbol dataset,
        INamedTypeSymbol? learnsFrom, INamedTypeSymbol? multipliesRows, INamedTypeSymbol? foldOptions, INamedTypeSymbol? fold)
    {
        FoldOptions = foldOptions;
        Fold = fold;
        DatasetAttribute = dataset;
        learnsFromAttribute = learnsFrom;
        multipliesRowsAttribute = multipliesRows;
        Splitter = splitter;
        DataSplit = dataSplit;
        Transform = transform;
        ModelAttribute = model;
        SplitKind = splitKind;
        GroupKeyAttribute = groupKey;
        TimestampAttribute = timestamp;
    }

    public INamedTypeSymbol Splitter { get; }
    public INamedTypeSymbol DataSplit { get; }
    public INamedTypeSymbol Transform { get; }
    public INamedTypeSymbol ModelAttribute { get; }
    public INamedTypeSymbol SplitKind { get; }
    public INamedTypeSymbol GroupKeyAttribute { get; }
    public INamedTypeSymbol TimestampAttribute { get; }
    public INamedTypeSymbol DatasetAttribute { get; }

    /// <summary>How cross-validation cuts folds; null in a compilation without it.</summary>
    public INamedTypeSymbol? FoldOptions { get; }

    /// <summary>One fold's training and validation index sets; null in a compilation without it.</summary>
    public INamedTypeSymbol? Fold { get; }

    private readonly INamedTypeSymbol? learnsFromAttribute;
    private readonly INamedTypeSymbol? multipliesRowsAttribute;

    // The flow analysis asks these of every call it evaluates, on every pass: answered once per symbol.
    private readonly ConcurrentDictionary<IMethodSymbol, Roles> roles = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> modelTypes = new(SymbolEqualityComparer.Default);

    private sealed class Roles
    {
        public Roles(string? learnsFrom, string? multipliesRows)
        {
            LearnsFrom = learnsFrom;
            MultipliesRows = multipliesRows;
        }

        public string? LearnsFrom { get; }
        public string? MultipliesRows { get; }
    }

    public static LeakageSymbols? Resolve(Compilation compilation)
    {
        MlDslTypes types = MlDslTypes.For(compilation);
        INamedTypeSymbol? Get(string name) => types.Get(name);
        return Get("MlDsl.Data.Splits.Splitter") is { } splitter
            && Get("MlDsl.Data.Splits.DataSplit`1") is { } dataSplit
            && Get("MlDsl.Data.Transforms.AffineTransform") is { } transform
            && Get("MlDsl.ModelAttribute") is { } model
            && Get("MlDsl.Data.Splits.SplitKind") is { } kind
            && Get("MlDsl.GroupKeyAttribute") is { } groupKey
            && Get("MlDsl.TimestampAttribute") is { } timestamp
            && Get("MlDsl.DatasetAttribute") is { } dataset
            ? new LeakageSymbols(splitter, dataSplit, transform, model, kind, groupKey, timestamp, dataset,
                Get("MlDsl.LearnsFromAttribute"), Get("MlDsl.MultipliesRowsAttribute"), Get("MlDsl.Data.Splits.FoldOptions"), Get("MlDsl.Data.Splits.Fold"))
            : null;
    }

    public bool IsSplit(IMethodSymbol method) => method.Name == "Split" && Is(method.ContainingType, Splitter);

    /// <summary>A [Model] class (generated members included).</summary>
    /// <remarks>
    /// The interfaces every generated model implements (<c>ITrainableModel&lt;T&gt;</c>, <c>IClassifier&lt;T&gt;</c>, ...) count too: a
    /// helper given <c>ITrainableModel&lt;House&gt; model</c> fits and scores a model as one given the class does.
    /// </remarks>
    public bool IsModelType(INamedTypeSymbol? type) => type is not null && modelTypes.GetOrAdd(type, isModelType ??= t => HasAttribute(t, ModelAttribute) || IsModelInterface(t));

    // The cache's value factories, made once: a lambda over instance members is a new delegate at every call, and these are asked at every call analysed.
    private System.Func<INamedTypeSymbol, bool>? isModelType;
    private System.Func<IMethodSymbol, bool>? declaresBalancing;
    private System.Func<IMethodSymbol, Roles>? readRoles;

    private static bool IsModelInterface(INamedTypeSymbol type) => type.TypeKind == TypeKind.Interface
        && type.AllInterfaces.Append(type).Any(candidate => candidate.OriginalDefinition is { Name: "ITrainableModel", Arity: 1 } trainable
            && trainable.ContainingNamespace?.ToDisplayString() == "MlDsl.Training");

    /// <summary>The parameter a [LearnsFrom] method learns from, or null.</summary>
    public string? LearnsFrom(IMethodSymbol method) => RolesOf(method).LearnsFrom;

    /// <summary>The parameter whose rows a [MultipliesRows] method multiplies, or null.</summary>
    public string? MultipliesRows(IMethodSymbol method) => RolesOf(method).MultipliesRows;

    /// <summary>Whether a [MultipliesRows] method declares that its copies rebalance the classes (<c>BalancesClasses = true</c>).</summary>
    public bool BalancesClasses(IMethodSymbol method) => balancing.GetOrAdd(method, declaresBalancing ??= m => DeclaresBalancing(m.OriginalDefinition));

    private readonly ConcurrentDictionary<IMethodSymbol, bool> balancing = new(SymbolEqualityComparer.Default);

    private bool DeclaresBalancing(IMethodSymbol method)
    {
        if (multipliesRowsAttribute is null) return false;
        foreach (AttributeData data in method.GetAttributes())
            if (Is(data.AttributeClass, multipliesRowsAttribute))
                return data.NamedArguments.Any(named => named.Key == "BalancesClasses" && named.Value.Value is true);
        return method.ReducedFrom is { } reduced && DeclaresBalancing(reduced.OriginalDefinition);
    }

    private Roles RolesOf(IMethodSymbol method) =>
        roles.GetOrAdd(method, readRoles ??= m => new Roles(ParameterOf(m, learnsFromAttribute), ParameterOf(m, multipliesRowsAttribute)));

    private static string? ParameterOf(IMethodSymbol method, INamedTypeSymbol? attribute)
    {
        if (attribute is null) return null;
        foreach (AttributeData data in method.OriginalDefinition.GetAttributes())
            if (Is(data.AttributeClass, attribute) && data.ConstructorArguments.Length == 1) return data.ConstructorArguments[0].Value as string;
        if (method.ReducedFrom is { } reduced) return ParameterOf(reduced, attribute);
        return null;
    }

    public bool IsDataSplit(ITypeSymbol? type) => type is INamedTypeSymbol named && Is(named.OriginalDefinition, DataSplit);

    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute)
    {
        foreach (AttributeData data in symbol.GetAttributes())
            if (Is(data.AttributeClass, attribute)) return true;
        return false;
    }

    private static bool Is(ISymbol? left, ISymbol right) => SymbolEqualityComparer.Default.Equals(left, right);
}
