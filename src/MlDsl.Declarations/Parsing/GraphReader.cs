using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

/// <summary>
/// Reads the members of a [Model] or [Block] class in declaration order into graph nodes: each layer
/// attribute of a layer member, and each member whose type is a [Block] class, whose body is read
/// with the arguments that member gives (<see cref="BlockArguments"/>). Layers inside blocks take
/// their path (<c>stage2.conv1</c>) as member and are located at the model's member that uses the
/// block, since a block used twice can be wrong in one use only.
/// </summary>
internal sealed class GraphReader(Dictionary<LayerSpec, Location?> locations, List<DiagnosticInfo> diagnostics)
{
    public const string BlockAttribute = "MlDsl.BlockAttribute";
    private const string ResidualAttribute = "MlDsl.ResidualAttribute";
    private const string LayerAttributeBase = "MlDsl.LayerAttribute";

    /// <summary>Where each block use is written (the model's member), for residual problems.</summary>
    public Dictionary<BlockNode, Location?> BlockLocations { get; } = new();

    /// <summary>Where each join is written (the model's member that uses its block, for a join inside a block), for join problems.</summary>
    public Dictionary<JoinNode, Location?> JoinLocations { get; } = new();

    /// <summary>The dataset's features, which a model's [Input] members read; null for a block, which cannot.</summary>
    public IReadOnlyList<Models.FeatureSpec>? Features { get; init; }

    /// <summary>The dataset's name, for messages about [Input].</summary>
    public string DatasetName { get; init; } = "";

    /// <summary>Where each of the model's own members is written: its [Input] or join attribute, else its name.</summary>
    public Dictionary<string, Location?> MemberLocations { get; } = new();

    /// <summary>Reads a model's or block's own members.</summary>
    public List<GraphNode> Read(INamedTypeSymbol type) =>
        Read(type, "", BlockArguments.Defaults(type), null, new List<string> { type.ToDisplayString() });

    /// <param name="scope">The path of the block being read (empty for the model).</param>
    /// <param name="arguments">The block's argument values for this use.</param>
    /// <param name="useSite">Where the model's member that uses this block is written; null when reading the model itself.</param>
    /// <param name="path">The block types being read, outermost first, to refuse a block that holds itself.</param>
    private List<GraphNode> Read(INamedTypeSymbol type, string scope, BlockArguments arguments, Location? useSite, List<string> path)
    {
        var nodes = new List<GraphNode>();
        bool residual = TypeIdentities.HasAttribute(type, ResidualAttribute);
        var earlier = new List<string>();
        foreach (ISymbol member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared) continue;
            List<AttributeData> attributes = member.GetAttributes().Where(IsLayerAttribute).ToList();
            INamedTypeSymbol? block = BlockTypeOf(member);
            if (BranchMarkers.HasMarker(member))
            {
                // [Input] or a join comes before the member's layers; a join without layers is a member of its own.
                GraphNode? marker = BranchMarkers.Read(member, scope.Length == 0 ? member.Name : scope + "." + member.Name, type, DatasetName,
                    scope.Length == 0 ? Features : null, scope, earlier, diagnostics, useSite, out Location? markerLocation);
                if (scope.Length == 0) MemberLocations[member.Name] = markerLocation;
                if (marker is JoinNode join) JoinLocations[join] = markerLocation;
                if (marker is FromNode bare && attributes.Count == 0 && block is null)
                {
                    // A path of no layers is the member it reads: a join can name that member itself.
                    Report(DiagnosticDescriptors.InvalidBranch, markerLocation,
                        $"Path '{bare.Member}' reads '{bare.Source}' but has no layers; give it layers (or a block), or name that member in the join directly");
                    marker = null;
                }
                if (marker is not null) nodes.Add(marker);
                earlier.Add(member.Name);
                if (attributes.Count == 0 && block is null) continue;
            }
            else if (attributes.Count > 0 || block is not null)
            {
                if (scope.Length == 0) MemberLocations[member.Name] = member.Locations.FirstOrDefault();
                earlier.Add(member.Name);
            }
            if (attributes.Count == 0 && block is null)
            {
                if (UserModules.Uncontracted(member, scope.Length == 0 ? member.Name : scope + "." + member.Name) is { } message)
                    Report(DiagnosticDescriptors.UserModuleWithoutContract, useSite ?? member.Locations.FirstOrDefault(), message);
                continue;
            }

            Location? memberLocation = member.Locations.FirstOrDefault();
            string name = scope.Length == 0 ? member.Name : scope + "." + member.Name;
            if (residual && member.Name == "shortcut")
            {
                Report(DiagnosticDescriptors.InvalidBlockUse, useSite ?? memberLocation,
                    $"Member '{name}' of residual block '{type.Name}' is named 'shortcut', the name of the block's own shortcut; rename it");
                continue;
            }
            if (block is not null)
            {
                if (ReadBlock(member, block, attributes, name, arguments, useSite, path) is { } node) nodes.Add(node);
                continue;
            }

            if (member is not IFieldSymbol { IsStatic: false, IsReadOnly: false } field || !SymbolNames.Is(field.Type, ModelParser.ModuleType))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLayerMember, useSite ?? memberLocation, name));
                continue;
            }
            for (int position = 0; position < attributes.Count; position++)
            {
                AttributeData attribute = attributes[position];
                INamedTypeSymbol attributeClass = attribute.AttributeClass!; // a layer attribute: its class was found above
                string attributeName = SymbolNames.Of(attributeClass);
                if (!LayerCatalogue.TryFindByAttribute(attributeName, out LayerDefinition definition))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownLayer, useSite ?? TypeIdentities.LocationOf(attribute, member), attributeClass.Name, name));
                    continue;
                }
                if (UserModules.Unusable(attribute, name) is { } unusable)
                {
                    Report(DiagnosticDescriptors.UserModuleWithoutContract, useSite ?? TypeIdentities.LocationOf(attribute, member), unusable);
                    continue;
                }
                LayerSpec spec = LayerAttributeReader.Read(name, position, definition, attribute);
                if (definition.MemberArgument is { } memberArgument && spec.Arguments.Text(memberArgument) is { } read)
                {
                    bool inBlock = scope.Length > 0 || Features is null;
                    if (MemberRead(spec, memberArgument, read, member.Name, type, inBlock, earlier) is { } problem)
                    {
                        Report(DiagnosticDescriptors.InvalidBranch, useSite ?? TypeIdentities.LocationOf(attribute, member), problem);
                        continue;
                    }
                    // Paths from the model, as a [From] path's source is, so inference finds the member however deep the block is used.
                    if (scope.Length > 0)
                        spec = spec with { Arguments = new LayerArguments(spec.Arguments.Items.Concat(new[] { new LayerArgument(memberArgument, scope + "." + read) }).ToEquatableArray()) };
                }
                if (position > 0)
                    spec = spec with { Repeat = nodes.Count(node => node is LayerNode { Layer: var before } && before.Member == name && before.Position > 0 && before.Kind == spec.Kind) };
                if (arguments.Count > 0)
                {
                    spec = arguments.Substitute(spec, attribute, out string? problem);
                    if (problem is not null)
                        Report(DiagnosticDescriptors.BlockArgumentMismatch, useSite ?? TypeIdentities.LocationOf(attribute, member), $"'{name}' ({definition.Name}) {problem}");
                }
                nodes.Add(new LayerNode(spec));
                locations[spec] = useSite ?? TypeIdentities.LocationOf(attribute, member);
            }
        }
        ReportFieldCollisions(type, nodes);
        return nodes;
    }

    /// <summary>
    /// A member's second and later layers become generated fields named after it (<c>conv1</c>'s Relu is <c>conv1Relu</c>);
    /// one that takes the name of a member the user declared, or of another generated field, would not compile (a
    /// duplicate field in the generated class), so it is reported on the layer, naming both.
    /// </summary>
    private void ReportFieldCollisions(INamedTypeSymbol type, List<GraphNode> nodes)
    {
        var taken = new Dictionary<string, LayerSpec>(System.StringComparer.Ordinal);
        foreach (LayerSpec spec in nodes.OfType<LayerNode>().Select(node => node.Layer).Where(spec => spec.Position > 0))
        {
            string field = spec.FieldName.Substring(spec.FieldName.LastIndexOf('.') + 1);
            // Members the user wrote, not the generator's own output (an analyzer sees the generated partial too).
            string? holder = type.GetMembers(field).Any(member => !member.IsImplicitlyDeclared && member.Locations.Any(WrittenByUser)) ? $"member '{field}' of {type.Name}"
                : taken.TryGetValue(field, out LayerSpec? first) ? $"the field generated for '{first.Member}' ({first.Kind})"
                : null;
            taken[field] = spec;
            if (holder is null) continue;
            Report(DiagnosticDescriptors.GeneratedFieldCollision, locations.TryGetValue(spec, out Location? at) ? at : null,
                $"'{spec.Member}' ({spec.Kind}) becomes the generated field '{field}', a name {holder} already takes; rename one of them");
        }
    }

    private BlockNode? ReadBlock(ISymbol member, INamedTypeSymbol block, List<AttributeData> layerAttributes, string name, BlockArguments outer, Location? useSite, List<string> path)
    {
        Location? location = useSite ?? member.Locations.FirstOrDefault();
        if (layerAttributes.Count > 0)
        {
            Report(DiagnosticDescriptors.InvalidBlockUse, location,
                $"Member '{name}' is block '{block.Name}' and also carries layer attributes; put the layers in a member of their own");
            return null;
        }
        if (member is not IFieldSymbol { IsStatic: false, IsReadOnly: false })
        {
            Report(DiagnosticDescriptors.InvalidBlockUse, location, $"Block member '{name}' must be an instance field that is not readonly: {block.Name} {member.Name};");
            return null;
        }
        string blockName = block.ToDisplayString();
        if (path.Contains(blockName))
        {
            Report(DiagnosticDescriptors.InvalidBlockUse, location,
                $"Block '{block.Name}' holds itself through '{name}' ({string.Join(" -> ", path.Select(Simple).Concat(new[] { block.Name }))}); a block cannot contain itself");
            return null;
        }

        BlockArguments arguments = BlockArguments.Bind(member, block, outer, out string? problem, out Location? argumentsLocation);
        if (problem is not null)
            Report(DiagnosticDescriptors.BlockArgumentMismatch, useSite ?? argumentsLocation ?? location, $"Block member '{name}' {problem}");

        // The block's own mistakes are reported on the block; here one line says the use cannot be built.
        var inner = new List<DiagnosticInfo>();
        var reader = new GraphReader(locations, inner);
        List<GraphNode> body = reader.Read(block, name, arguments, location, new List<string>(path) { blockName });
        foreach (KeyValuePair<BlockNode, Location?> pair in reader.BlockLocations) BlockLocations[pair.Key] = pair.Value;
        foreach (KeyValuePair<JoinNode, Location?> pair in reader.JoinLocations) JoinLocations[pair.Key] = pair.Value;
        if (inner.Any(diagnostic => diagnostic.IsError))
        {
            // What this use causes (its arguments, a cycle through it) is said as is; the block's own
            // mistakes are reported on the block, and here one line says the use cannot be built.
            diagnostics.AddRange(inner.Where(diagnostic => diagnostic.DescriptorId == DiagnosticDescriptors.BlockArgumentMismatch.Id
                || diagnostic.DescriptorId == DiagnosticDescriptors.InvalidBlockUse.Id));
            if (inner.Any(diagnostic => diagnostic.IsError && diagnostic.DescriptorId != DiagnosticDescriptors.BlockArgumentMismatch.Id
                    && diagnostic.DescriptorId != DiagnosticDescriptors.InvalidBlockUse.Id))
                Report(DiagnosticDescriptors.InvalidBlockUse, location, $"Block member '{name}' uses block '{block.Name}', which has errors; fix the block first");
            return null;
        }
        if (body.Count == 0)
        {
            Report(DiagnosticDescriptors.InvalidBlockUse, location, $"Block '{block.Name}' used by '{name}' declares no layer members");
            return null;
        }
        var node = new BlockNode(name, member.Name, block.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), block.Name, body.ToEquatableArray(), ShortcutOf(block));
        BlockLocations[node] = location;
        return node;
    }

    /// <summary>
    /// Why a layer's member argument (<c>KeyValue = nameof(answer)</c>) cannot be read, or null: it must name a member declared
    /// before this one, or in a block the block's input (<c>BlockAttribute.Input</c>), as <c>[From]</c> does.
    /// </summary>
    private static string? MemberRead(LayerSpec spec, string argument, string read, string own, INamedTypeSymbol container, bool inBlock, List<string> earlier)
    {
        var before = earlier.Where(name => name != own).ToList();
        if ((read != own && before.Contains(read)) || (inBlock && read == BranchMarkers.BlockInput)) return null;
        string which = read == own ? "itself" : read.Length == 0 ? "no member" : $"'{read}', which is no earlier member of {container.Name}";
        return $"{spec.Describe()} reads {argument} from {which}; {argument} names a member declared before it"
            + (before.Count == 0 ? "" : $" ({string.Join(", ", before)})")
            + (inBlock ? " or the block's input (BlockAttribute.Input)" : "");
    }

    public static ShortcutMode ShortcutOf(INamedTypeSymbol block)
    {
        if (TypeIdentities.FindAttribute(block, ResidualAttribute) is not { } residual) return ShortcutMode.None;
        object? value = residual.NamedArguments.FirstOrDefault(argument => argument.Key == "Shortcut").Value.Value;
        return value is int shortcut ? shortcut switch { 1 => ShortcutMode.Identity, 2 => ShortcutMode.Projection, _ => ShortcutMode.Inferred } : ShortcutMode.Inferred;
    }

    /// <summary>The member's type when it is a [Block] class (fields and properties alike, so a misuse is reported, not ignored).</summary>
    public static INamedTypeSymbol? BlockTypeOf(ISymbol member)
    {
        ITypeSymbol? type = member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        return type is INamedTypeSymbol named && TypeIdentities.HasAttribute(named, BlockAttribute) ? named : null;
    }

    public static bool IsLayerAttribute(AttributeData attribute)
    {
        // object, the end of every chain, is displayed "object": never the layer base.
        for (INamedTypeSymbol? type = attribute.AttributeClass; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
            if (SymbolNames.Is(type, LayerAttributeBase)) return true;
        return false;
    }

    private static string Simple(string fullName) => fullName.Substring(fullName.LastIndexOf('.') + 1);

    private static bool WrittenByUser(Location location) =>
        location.IsInSource && !location.SourceTree!.FilePath.EndsWith(".g.cs", System.StringComparison.OrdinalIgnoreCase);

    private void Report(DiagnosticDescriptor descriptor, Location? location, string message) =>
        diagnostics.Add(DiagnosticInfo.Create(descriptor, location, message));
}
