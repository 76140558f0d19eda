using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Declarations.Models;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

/// <summary>Reads a [Block] class on its own: its members and its own mistakes (shapes are checked where it is used).</summary>
public static class BlockParser
{
    public const string BlockAttribute = GraphReader.BlockAttribute;

    public static BlockSpec Parse(INamedTypeSymbol type)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (DeclarationChecks.Block(type) is { } declaration) diagnostics.Add(declaration);
        var reader = new GraphReader(new Dictionary<LayerSpec, Location?>(), diagnostics);
        List<GraphNode> members = reader.Read(type);
        if (members.Count == 0 && diagnostics.Count == 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidBlockUse, type.Locations.FirstOrDefault(), $"Block '{type.Name}' declares no layer members"));
        diagnostics.AddRange(BranchReview.UnreadOutputs(members, reader.MemberLocations, type.Name, branches: false));
        ShortcutMode shortcut = members.Count == 0 ? ShortcutMode.None : ShortcutOf(type);
        return new BlockSpec(TypeIdentities.Of(type), members.ToEquatableArray(), shortcut, diagnostics.ToEquatableArray());
    }

    private static ShortcutMode ShortcutOf(INamedTypeSymbol type) => GraphReader.ShortcutOf(type);
}
