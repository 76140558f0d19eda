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
    internal const string ModuleType = "TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>";

    /// <param name="datasets">How the row type is parsed: <see cref="DatasetParser.Parse"/> unless the caller has it parsed already
    /// (the analyzers parse each [Dataset] once per compilation and share it with every model of those rows).</param>
    public static ModelSpec? Parse(INamedTypeSymbol type, AttributeData modelAttribute, System.Func<INamedTypeSymbol, DatasetSpec>? datasets = null)
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

        DatasetSpec dataset = datasets is null ? DatasetParser.Parse(datasetType) : datasets(datasetType);
        var locations = new Dictionary<LayerSpec, Location?>();
        var reader = new GraphReader(locations, diagnostics) { Features = dataset.Features, DatasetName = datasetType.Name };
        List<GraphNode> nodes = reader.Read(type);
        if (nodes.Count == 0 && diagnostics.Count == 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoLayers, type.Locations.FirstOrDefault(), type.Name));
        bool branched = nodes.OfType<InputNode>().Any();
        diagnostics.AddRange(BranchReview.Wiring(nodes, reader.MemberLocations, type.Name));
        // A row that is no single tensor (an image beside numbers) is read through branches only.
        if (!branched && dataset.ConcatenationFeature is { } feature && nodes.Count > 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFeature, TypeIdentities.LocationOf(modelAttribute, type), datasetType.Name, feature,
                $"{dataset.ConcatenationProblem}; {type.Name} reads the row as one tensor: read each feature in a branch of its own with [Input(nameof({datasetType.Name}.{feature}))] " +
                "and join the branches with [Concatenate] before the head, or give it a dataset of its own"));

        // A dataset that cannot be emitted reports its own diagnostics; the model just stays unbuilt.
        if (!dataset.CanEmit || diagnostics.Count > 0)
            return new ModelSpec(identity, dataset.Type, dataset.InputDescription, EquatableArray<ResolvedLayer>.Empty, diagnostics.ToEquatableArray())
            {
                LabelKind = dataset.Label?.Kind ?? LabelKind.Class,
                RowImplemented = dataset.CanExtend,
            };

        LabelSpec label = dataset.Label!;
        GraphInferenceResult graph = GraphInference.Infer(dataset.InputShape!, nodes, label.Classes, label.OutputsDescription);
        InferenceResult inference = graph.Flat;
        // A residual projection is no member of its own: it is written where its block is used.
        foreach (ResolvedLayer layer in inference.Layers)
            if (!locations.ContainsKey(layer.Spec)) locations[layer.Spec] = null;
        foreach (ShapeProblem problem in inference.Problems)
            diagnostics.Add(ShapeDiagnostics.For(problem, inference, locations[problem.Layer], dataset.InputShape!, SingleFeature(datasetType),
                PreviousLayer(inference, problem, locations)));
        foreach (ResidualProblem problem in graph.ResidualProblems)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ResidualShapeMismatch, reader.BlockLocations[problem.Block], problem.Message));
        foreach (JoinProblem problem in graph.JoinProblems)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.JoinShapeMismatch,
                reader.JoinLocations.TryGetValue(problem.Join, out Location? joinLocation) ? joinLocation : null, problem.Message));
        diagnostics.AddRange(BranchReview.Unused(nodes, reader.MemberLocations, dataset, type.Name, type.Locations.FirstOrDefault()));
        if (graph.Succeeded)
            diagnostics.AddRange(ModelReview.Review(inference.Layers, locations, label));
        if (PartsDeclaringLayers(type) is var parts and > 1)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LayersAcrossPartials, type.Locations.FirstOrDefault(), type.Name, parts.ToString()));
        string input = branched ? BranchInputs(nodes, datasetType.Name) : dataset.InputDescription;
        return new ModelSpec(identity, dataset.Type, input, inference.Layers, diagnostics.ToEquatableArray())
        {
            LabelKind = label.Kind,
            RowImplemented = true,
            Nodes = graph.Nodes,
            FeatureLength = dataset.FeatureLength,
        };
    }

    /// <summary>What a model with branches reads: <c>Spectrogram (1, 40, 101), Prompt + Duration (4) from Clip</c>.</summary>
    private static string BranchInputs(List<GraphNode> nodes, string dataset) =>
        string.Join(", ", nodes.OfType<InputNode>().Select(input =>
            string.Join(" + ", input.Features.Select(feature => feature.Name)) + " " +
            (input.Features.Count == 1 ? input.Features[0].Shape.ToString() : $"({input.Features.Sum(feature => feature.Length)})")))
        + " from " + dataset;

    /// <summary>Where the attribute that declares <paramref name="layer"/> is written on its member of <paramref name="type"/>.</summary>
    public static Location? LocationOf(INamedTypeSymbol type, LayerSpec layer)
    {
        foreach (ISymbol member in type.GetMembers(layer.Member))
        {
            List<AttributeData> attributes = member.GetAttributes().Where(GraphReader.IsLayerAttribute).ToList();
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
            if (member.IsImplicitlyDeclared || !(member.GetAttributes().Any(GraphReader.IsLayerAttribute) || GraphReader.BlockTypeOf(member) is not null)) continue;
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
