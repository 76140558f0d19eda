using BindingFlags = System.Reflection.BindingFlags;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Doctor;

/// <summary>
/// A generated model's layers in the order its forward runs them. Generated models register the
/// user's fields before the generated ones (reflection order), so registration order is not forward
/// order; their static <c>LayerShapes</c> lists the layers as forward runs them, and forward is
/// straight-line over exactly those layers.
/// </summary>
internal static class LayerOrder
{
    /// <summary>The layers by name and kind (<c>Linear</c>, <c>ReLU</c>...), or null for a model that is not generated.</summary>
    public static IReadOnlyList<(string Name, string Kind, Module<Tensor, Tensor> Layer)>? Of(Module model)
    {
        if (model.GetType().GetProperty("LayerShapes", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is not IReadOnlyList<LayerShape> shapes)
            return null;
        var byName = model.named_children().ToDictionary(child => child.name, child => child.module);
        var layers = new List<(string, string, Module<Tensor, Tensor>)>();
        foreach (LayerShape shape in shapes)
        {
            if (byName.GetValueOrDefault(shape.Name) is not Module<Tensor, Tensor> layer) return null;
            layers.Add((shape.Name, shape.Type, layer));
        }
        return layers;
    }

    /// <summary>
    /// The output layer: the last layer with parameters in forward order, or, for a hand-written model,
    /// the module of the last registered weight.
    /// </summary>
    public static string LastWeighted(Module<Tensor, Tensor> model)
    {
        if (Of(model) is { } layers && layers.LastOrDefault(layer => layer.Layer.parameters().Any()) is { Name: { } name }) return name;
        string? weight = model.named_parameters().Select(pair => pair.name).LastOrDefault(name => name.EndsWith("weight", StringComparison.Ordinal));
        if (weight is null) return "the output layer";
        int dot = weight.LastIndexOf('.');
        return dot > 0 ? weight[..dot] : weight;
    }
}
