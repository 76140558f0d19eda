using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Declarations.Models;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

/// <summary>Reads a [Model] class's layer members, infers every shape and records what went wrong where.</summary>
public static class ModelParser
{
    public const string ModelAttribute = "MlDsl.ModelAttribute";
    private const string LayerAttributeBase = "MlDsl.LayerAttribute";
    internal const string ModuleType = "TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>";

    public static ModelSpec? Parse(INamedTypeSymbol type, AttributeData modelAttribute)
    {
        TypeIdentity identity = TypeIdentities.Of(type);
        var diagnostics = new List<DiagnosticInfo>();
        if (modelAttribute.ConstructorArguments.FirstOrDefault().Value is not INamedTypeSymbol datasetType)
            return null; // the compiler already reports the malformed attribute

        if (DeclarationChecks.Model(type, datasetType) is { } declaration) diagnostics.Add(declaration);
        if (!TypeIdentities.HasAttribute(datasetType, DatasetParser.DatasetAttribute))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotADataset, TypeIdentities.LocationOf(modelAttribute, type), type.Name, datasetType.Name));
            return new ModelSpec(identity, TypeIdentities.Of(datasetType), "", EquatableArray<ResolvedLayer>.Empty, diagnostics.ToEquatableArray());
        }

        DatasetSpec dataset = DatasetParser.Parse(datasetType);
        var locations = new Dictionary<LayerSpec, Location?>();
        List<LayerSpec> layers = ReadLayers(type, locations, diagnostics);
        if (layers.Count == 0 && diagnostics.Count == 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoLayers, type.Locations.FirstOrDefault(), type.Name));

        // A dataset that cannot be emitted reports its own diagnostics; the model just stays unbuilt.
        if (!dataset.CanEmit || diagnostics.Count > 0)
            return new ModelSpec(identity, dataset.Type, dataset.InputDescription, EquatableArray<ResolvedLayer>.Empty, diagnostics.ToEquatableArray())
            {
                LabelKind = dataset.Label?.Kind ?? LabelKind.Class,
                RowImplemented = dataset.CanExtend,
            };

        LabelSpec label = dataset.Label!;
        InferenceResult inference = ShapeInference.Infer(dataset.InputShape!, layers, label.Classes, label.OutputsDescription);
        foreach (ShapeProblem problem in inference.Problems)
            diagnostics.Add(ShapeDiagnostics.For(problem, inference, locations[problem.Layer], dataset.InputShape!, SingleFeature(datasetType),
                PreviousLayer(inference, problem, locations)));
        if (inference.Succeeded)
            diagnostics.AddRange(ModelReview.Review(inference.Layers, locations, label));
        if (PartsDeclaringLayers(type) is var parts and > 1)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LayersAcrossPartials, type.Locations.FirstOrDefault(), type.Name, parts.ToString()));
        return new ModelSpec(identity, dataset.Type, dataset.InputDescription, inference.Layers, diagnostics.ToEquatableArray())
        {
            LabelKind = label.Kind,
            RowImplemented = true,
        };
    }

    private static List<LayerSpec> ReadLayers(INamedTypeSymbol type, Dictionary<LayerSpec, Location?> locations, List<DiagnosticInfo> diagnostics)
    {
        var layers = new List<LayerSpec>();
        foreach (ISymbol member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared) continue;
            List<AttributeData> attributes = member.GetAttributes().Where(IsLayerAttribute).ToList();
            if (attributes.Count == 0) continue;

            if (member is not IFieldSymbol { IsStatic: false, IsReadOnly: false } field || field.Type.ToDisplayString() != ModuleType)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLayerMember, member.Locations.FirstOrDefault(), member.Name));
                continue;
            }
            for (int position = 0; position < attributes.Count; position++)
            {
                AttributeData attribute = attributes[position];
                string attributeName = attribute.AttributeClass!.ToDisplayString();
                if (!LayerCatalogue.TryFindByAttribute(attributeName, out LayerDefinition definition))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownLayer, TypeIdentities.LocationOf(attribute, member), attribute.AttributeClass.Name, member.Name));
                    continue;
                }
                LayerSpec spec = LayerAttributeReader.Read(member.Name, position, definition, attribute);
                layers.Add(spec);
                locations[spec] = TypeIdentities.LocationOf(attribute, member);
            }
        }
        return layers;
    }

    /// <summary>Where the attribute that declares <paramref name="layer"/> is written on its member of <paramref name="type"/>.</summary>
    public static Location? LocationOf(INamedTypeSymbol type, LayerSpec layer)
    {
        foreach (ISymbol member in type.GetMembers(layer.Member))
        {
            List<AttributeData> attributes = member.GetAttributes().Where(IsLayerAttribute).ToList();
            if (layer.Position < attributes.Count) return TypeIdentities.LocationOf(attributes[layer.Position], member);
        }
        return null;
    }

    /// <summary>Where the layer before the problem's layer is written (MLDSL0003's fix puts Flatten after it).</summary>
    private static Location? PreviousLayer(InferenceResult inference, ShapeProblem problem, Dictionary<LayerSpec, Location?> locations)
    {
        ResolvedLayer? previous = null;
        foreach (ResolvedLayer layer in inference.Layers)
        {
            if (layer.Spec.Equals(problem.Layer)) break;
            previous = layer;
        }
        return previous is null ? null : locations[previous.Spec];
    }

    private static bool IsLayerAttribute(AttributeData attribute)
    {
        for (INamedTypeSymbol? type = attribute.AttributeClass; type is not null; type = type.BaseType)
            if (type.ToDisplayString() == LayerAttributeBase) return true;
        return false;
    }

    private static DatasetFeature? SingleFeature(INamedTypeSymbol dataset)
    {
        ISymbol[] features = dataset.GetMembers().Where(member => TypeIdentities.HasAttribute(member, "MlDsl.FeatureAttribute")).ToArray();
        if (features.Length != 1) return null;
        AttributeData? shape = TypeIdentities.FindAttribute(features[0], "MlDsl.ShapeAttribute");
        return new DatasetFeature(shape?.ApplicationSyntaxReference?.GetSyntax().GetLocation());
    }

    /// <summary>How many partial declarations of the model hold layer members.</summary>
    private static int PartsDeclaringLayers(INamedTypeSymbol type)
    {
        if (type.DeclaringSyntaxReferences.Length < 2) return 1;
        var parts = new HashSet<int>();
        foreach (ISymbol member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared || !member.GetAttributes().Any(IsLayerAttribute)) continue;
            foreach (SyntaxReference declaration in member.DeclaringSyntaxReferences)
                for (int part = 0; part < type.DeclaringSyntaxReferences.Length; part++)
                {
                    SyntaxReference candidate = type.DeclaringSyntaxReferences[part];
                    if (candidate.SyntaxTree == declaration.SyntaxTree && candidate.Span.Contains(declaration.Span)) parts.Add(part);
                }
        }
        return parts.Count;
    }
}
