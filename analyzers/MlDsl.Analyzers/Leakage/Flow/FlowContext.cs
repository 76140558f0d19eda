using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// What the analysis of one compilation shares between methods: the MlDsl symbols, which types hold
/// rows, and the summaries of helper methods (what each returns in terms of its parameters).
/// </summary>
internal sealed class FlowContext
{
    /// <summary>How many helper calls deep summaries follow; deeper calls join their arguments.</summary>
    public const int MaxSummaryDepth = 3;

    private readonly ConcurrentDictionary<ITypeSymbol, bool> rowTyped = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary?> summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamespaceSymbol, bool> collectionNamespaces = new(SymbolEqualityComparer.Default);

    public FlowContext(LeakageSymbols symbols, Compilation compilation)
    {
        Symbols = symbols;
        Compilation = compilation;
        computeRowTyped = type => ComputeRowTyped(type, 0);
    }

    public LeakageSymbols Symbols { get; }
    public Compilation Compilation { get; }

    /// <summary>A [Dataset] row, a collection of rows (also nested, as in groups), or a split of rows.</summary>
    public bool IsRowTyped(ITypeSymbol? type)
    {
        if (type is null) return false;
        return rowTyped.GetOrAdd(type, computeRowTyped);
    }

    // Made once: a lambda over an instance method is a new delegate at every call, and this is asked of nearly every operation.
    private readonly System.Func<ITypeSymbol, bool> computeRowTyped;

    private bool ComputeRowTyped(ITypeSymbol type, int depth)
    {
        if (depth > 3) return false;
        if (type is IArrayTypeSymbol array) return ComputeRowTyped(array.ElementType, depth + 1);
        if (type is not INamedTypeSymbol named) return false;
        if (LeakageSymbols.HasAttribute(named, Symbols.DatasetAttribute) || Symbols.IsDataSplit(named)) return true;
        if (named.SpecialType == SpecialType.System_String) return false;
        IEnumerable<INamedTypeSymbol> enumerables = named.AllInterfaces.Append(named)
            .Where(candidate => candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
        return enumerables.Any(enumerable => ComputeRowTyped(enumerable.TypeArguments[0], depth + 1));
    }

    private readonly ConcurrentDictionary<ITypeSymbol, bool> keepsRowsOrModels = new(SymbolEqualityComparer.Default);
    private System.Func<ITypeSymbol, bool>? computeKeepsRowsOrModels;

    /// <summary>
    /// A type declared here whose own fields or properties hold rows, a split's parts or a model (an experiment class that keeps
    /// its Test part, a trainer that keeps its model): a call on an object of it may fit or score on what the object holds.
    /// </summary>
    public bool KeepsRowsOrModels(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { DeclaringSyntaxReferences.IsEmpty: false } || IsRowTyped(type)) return false;
        return keepsRowsOrModels.GetOrAdd(type, computeKeepsRowsOrModels ??= candidate => candidate.GetMembers().Any(member => member switch
        {
            IFieldSymbol { IsImplicitlyDeclared: false } field => IsRowTyped(field.Type) || Symbols.IsModelType(field.Type as INamedTypeSymbol),
            IPropertySymbol property => IsRowTyped(property.Type) || Symbols.IsModelType(property.Type as INamedTypeSymbol),
            _ => false,
        }));
    }

    /// <summary>A method of LINQ, the collections or arrays: it keeps, selects or aggregates the rows it is given.</summary>
    public bool IsEnumerableLike(IMethodSymbol method)
    {
        if (method.ContainingNamespace is { } space && collectionNamespaces.GetOrAdd(space, s => s.ToDisplayString() is "System.Linq" or "System.Collections.Generic" or "System.Collections.Immutable"))
            return true;
        return method.ContainingType?.SpecialType == SpecialType.System_Array || method.ContainingType?.Name == "Array";
    }

    /// <summary>The summary of a method declared in source, or null when it has no body here or is being summarised (recursion).</summary>
    public MethodSummary? Summary(IMethodSymbol method, int depth)
    {
        if (depth >= MaxSummaryDepth) return null;
        method = method.OriginalDefinition;
        if (summaries.TryGetValue(method, out MethodSummary? known)) return known;
        // Only this thread's own recursion sees "no summary": analyzers run concurrently, and another
        // method's analysis must never take a summary still being computed for missing.
        computing ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (!computing.Add(method)) return null;
        try
        {
            MethodSummary? summary = MethodSummary.Compute(this, method, depth + 1);
            return summaries.GetOrAdd(method, summary);
        }
        finally
        {
            computing.Remove(method);
        }
    }

    [System.ThreadStatic] private static HashSet<IMethodSymbol>? computing;

    private readonly ConcurrentDictionary<IMethodSymbol, IReadOnlyList<IMethodSymbol>> implementations = new(SymbolEqualityComparer.Default);
    private INamedTypeSymbol[]? sourceTypes;

    /// <summary>
    /// The bodies an interface or abstract method declared here may run (<c>IStep.Apply</c>): its implementations in the
    /// compilation's own types. The types are listed once per compilation; each method's implementations once.
    /// </summary>
    public IReadOnlyList<IMethodSymbol> Implementations(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        if (!(method.IsAbstract || method.IsVirtual) || method.ContainingType is not { DeclaringSyntaxReferences.IsEmpty: false } declaring) return System.Array.Empty<IMethodSymbol>();
        return implementations.GetOrAdd(method, m =>
        {
            if (sourceTypes is null)
            {
                var types = new List<INamedTypeSymbol>();
                var pending = new Stack<INamespaceOrTypeSymbol>();
                pending.Push(Compilation.Assembly.GlobalNamespace);
                while (pending.Count > 0)
                    foreach (ISymbol member in pending.Pop().GetMembers())
                        if (member is INamespaceSymbol space) pending.Push(space);
                        else if (member is INamedTypeSymbol { IsAbstract: false, TypeKind: TypeKind.Class or TypeKind.Struct } type) { types.Add(type); pending.Push(type); }
                        else if (member is INamedTypeSymbol nested) pending.Push(nested);
                System.Threading.Interlocked.CompareExchange(ref sourceTypes, types.ToArray(), null);
            }
            var found = new List<IMethodSymbol>();
            foreach (INamedTypeSymbol type in sourceTypes!)
            {
                IMethodSymbol? body = declaring.TypeKind == TypeKind.Interface
                    ? type.FindImplementationForInterfaceMember(m) as IMethodSymbol
                    : Overrides(type, m);
                if (body is { IsAbstract: false, DeclaringSyntaxReferences.IsEmpty: false } && !found.Contains(body, SymbolEqualityComparer.Default)) found.Add(body);
            }
            return found;
        });
    }

    /// <summary>The method of <paramref name="type"/> (or its bases) that overrides <paramref name="method"/>, if any.</summary>
    private static IMethodSymbol? Overrides(INamedTypeSymbol type, IMethodSymbol method)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            foreach (IMethodSymbol candidate in current.GetMembers(method.Name).OfType<IMethodSymbol>())
                for (IMethodSymbol? overridden = candidate; overridden is not null; overridden = overridden.OverriddenMethod)
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method)) return candidate;
        return null;
    }

    private readonly ConcurrentDictionary<INamedTypeSymbol, Dictionary<ISymbol, DataFlow>> memberFlows = new(SymbolEqualityComparer.Default);
    [System.ThreadStatic] private static HashSet<INamedTypeSymbol>? summarisingTypes;

    /// <summary>
    /// What a field or property of a type declared here may hold wherever it is read: the join of its
    /// initializer, of every value the type's constructors and methods assign to it (their parameters
    /// standing for rows of their own), and of a computed property's getter. Empty while the type's own
    /// members are being summarised (a read there keeps the member's own source).
    /// </summary>
    public DataFlow MemberFlow(ISymbol member)
    {
        if (member.ContainingType is not { DeclaringSyntaxReferences.IsEmpty: false } type) return DataFlow.Empty;
        type = type.OriginalDefinition;
        if (!memberFlows.TryGetValue(type, out Dictionary<ISymbol, DataFlow>? flows))
        {
            summarisingTypes ??= new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            if (!summarisingTypes.Add(type)) return DataFlow.Empty;
            try
            {
                flows = memberFlows.GetOrAdd(type, ComputeMemberFlows(type));
            }
            finally
            {
                summarisingTypes.Remove(type);
            }
        }
        return flows.TryGetValue(member.OriginalDefinition, out DataFlow? flow) ? flow : DataFlow.Empty;
    }

    private Dictionary<ISymbol, DataFlow> ComputeMemberFlows(INamedTypeSymbol type)
    {
        var flows = new Dictionary<ISymbol, DataFlow>(SymbolEqualityComparer.Default);
        void Add(ISymbol member, DataFlow flow)
        {
            if (flow.IsEmpty) return;
            flows[member] = flows.TryGetValue(member, out DataFlow? known) ? known.Join(flow) : flow;
        }
        ImmutableArray<ISymbol> members = type.GetMembers();
        var names = new HashSet<string>(members.Where(member => member is IFieldSymbol or IPropertySymbol).Select(member => member.Name), System.StringComparer.Ordinal);
        foreach (ISymbol member in members)
        {
            // A positional record's property (record Prep(Imputer Imputer, ...)) holds what the record is created with. Rows kept
            // in one (a record of parts) are read through the part given for it, not the whole record, so they are left alone.
            // A model kept in one (record Stacker(CropNet Net)) is the model given for it, trained on what that model was trained on.
            if (member is IPropertySymbol { IsStatic: false } positional && type.IsRecord && !IsRowTyped(positional.Type)
                && positional.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.ParameterSyntax))
                Add(member, Symbols.IsModelType(positional.Type as INamedTypeSymbol)
                    ? DataFlow.Empty.WithTrainedOn(ImmutableHashSet.Create(new Origin(MethodSummary.Self, ObjectState.ArgumentSegment(positional.Name))))
                    : DataFlow.Of(new Origin(MethodSummary.Self, MethodSummary.PositionalPath)));
            if (member is IFieldSymbol or IPropertySymbol)
            {
                foreach (IOperation initializer in Initializers(member))
                {
                    var analysis = new FlowAnalysis(this, new Dictionary<ISymbol, DataFlow>(SymbolEqualityComparer.Default), outer: null, depth: 1, owner: null);
                    analysis.Run(initializer);
                    Add(member, analysis.ValueOf(initializer));
                }
                continue;
            }
            if (member is not IMethodSymbol method || method.IsAbstract || !WritesMembers(method, names)) continue;
            if (MethodSummary.Compute(this, method, depth: 1) is not { } summary) continue;
            // A parameter of the method is a source of its own here: nobody knows which call set the member.
            // A constructor's parameters are what the object is created with, read at each use of the object.
            // Each constructor parameter is the argument given for it (new Tuner(train, held)), kept apart from the others.
            var arguments = method.Parameters.Select(parameter => method.MethodKind == MethodKind.Constructor && !method.IsStatic
                ? MethodSummary.Parameter(parameter, ObjectState.ConstructorArgument(parameter), this)
                : MethodSummary.Parameter(parameter, $"{type.Name}.{method.Name}({parameter.Name})", this)).ToList();
            foreach ((ISymbol written, DataFlow flow) in summary.MemberWrites)
                if (SymbolEqualityComparer.Default.Equals(written.ContainingType?.OriginalDefinition, type))
                    Add(written.OriginalDefinition, summary.Substitute(flow, arguments, call: null));
            if (method.MethodKind == MethodKind.PropertyGet && method.AssociatedSymbol is { } property)
                Add(property, summary.Substitute(summary.Returned, arguments, call: null));
        }
        return flows;
    }

    /// <summary>A field's or property's initializer value (<c>= MinMaxScaler.Fit(...)</c>), if any.</summary>
    private IEnumerable<IOperation> Initializers(ISymbol member)
    {
        foreach (SyntaxReference reference in member.DeclaringSyntaxReferences)
        {
            if (GeneratedCode.Is(reference.SyntaxTree)) continue;
            SyntaxNode? value = reference.GetSyntax() switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: { } initializer } => initializer,
                Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { Initializer: { } initializer } => initializer,
                _ => null,
            };
            if (value is null || !Compilation.ContainsSyntaxTree(value.SyntaxTree)) continue;
            if (Compilation.GetSemanticModel(value.SyntaxTree).GetOperation(value) is ISymbolInitializerOperation { Value: { } operation }) yield return operation;
        }
    }

    /// <summary>
    /// Whether a method may change a member (assigns one of <paramref name="names"/>, or calls a method on one,
    /// as <c>first.Fit(rows)</c> does); a property getter computes its value. Only those are summarised, and never
    /// a member only in generated code: the generator's members of a row keep no rows, and binding its whole output
    /// on every keystroke (the driver binds no generated file) was about a quarter of a script's leakage analysis.
    /// </summary>
    private static bool WritesMembers(IMethodSymbol method, HashSet<string> names)
    {
        if (method.DeclaringSyntaxReferences.All(reference => GeneratedCode.Is(reference.SyntaxTree))) return false;
        if (method.MethodKind == MethodKind.PropertyGet) return method.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax { Body: null, ExpressionBody: null });
        static string? Rightmost(SyntaxNode node) => node switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };
        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
            foreach (SyntaxNode node in reference.GetSyntax().DescendantNodes())
            {
                // (Train, Validation, Test) = (...): each element of a deconstruction's tuple is assigned.
                if (node is Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax { Left: Microsoft.CodeAnalysis.CSharp.Syntax.TupleExpressionSyntax tuple }
                    && tuple.Arguments.Any(argument => Rightmost(argument.Expression) is { } element && names.Contains(element)))
                    return true;
                string? name = node switch
                {
                    Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax assignment => Rightmost(assignment.Left),
                    Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access } => Rightmost(access.Expression),
                    _ => null,
                };
                if (name is not null && names.Contains(name)) return true;
            }
        return false;
    }
}
