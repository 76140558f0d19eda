using System.Reflection;
using MlDsl.Examples.Mnist;
using MlDsl.Shapes;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Tests.Layers;

/// <summary>
/// The shapes and parameter counts inferred at compile time are the ones TorchSharp produces at run
/// time, for every layer kind in the catalogue: a new layer without a parity model here fails.
/// </summary>
public sealed class LayerParityTests
{
    /// <summary>Every generated model whose layers are checked, with one example's input shape.</summary>
    internal static readonly (Type Model, long[] Input)[] Models =
    {
        (typeof(DigitCnn), new long[] { 1, 28, 28 }),
        (typeof(PointMlp), new long[] { 4 }),
        (typeof(PatchNet), new long[] { 3, 16, 16 }),
        (typeof(ClipNet), new long[] { 8000 }),
        (typeof(CepstralNet), new long[] { 8000 }),
        (typeof(SquashingMlp), new long[] { 4 }),
        (typeof(PulseNet), new long[] { 1, 64 }),
        (typeof(TileNet), new long[] { 3, 12, 12 }),
        (typeof(GaugeMlp), new long[] { 6 }),
        (typeof(TokenLstm), new long[] { 12 }),
        (typeof(TokenTransformer), new long[] { 12 }),
        (typeof(TokenSelfAttention), new long[] { 12 }),
        (typeof(FrameGru), new long[] { 10, 6 }),
        (typeof(GlueNet), new long[] { 10, 6 }),
        (typeof(ScaledPatchNet), new long[] { 3, 16, 16 }),
        (typeof(StackedStemNet), new long[] { 3, 16, 16 }),
        (typeof(WindowNet), new long[] { 3, 16, 16 }),
        (typeof(GroupedPulseNet), new long[] { 1, 64 }),
        (typeof(UpsamplingNet), new long[] { 3, 16, 16 }),
        (typeof(PeakPulseNet), new long[] { 1, 64 }),
        (typeof(PulseDecoderNet), new long[] { 1, 64 }),
        (typeof(GroupedUpsamplingNet), new long[] { 3, 16, 16 }),
        (typeof(SmoothUpsamplingNet), new long[] { 3, 16, 16 }),
        (typeof(LinearUpsamplingPulseNet), new long[] { 1, 64 }),
        (typeof(CeilPoolingNet), new long[] { 3, 16, 16 }),
        (typeof(CeilPoolingPulseNet), new long[] { 1, 64 }),
        (typeof(AnisotropicUpsamplingNet), new long[] { 3, 16, 16 }),
        (typeof(SizedUpsamplingPulseNet), new long[] { 1, 64 }),
    };

    public static TheoryData<string> Kinds => new(LayerCatalogue.All.Select(definition => definition.Name));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_layer_kind_infers_the_shapes_and_parameter_counts_torchsharp_produces(string kind)
    {
        var covering = Models.Where(model => ShapesOf(model.Model).Any(layer => layer.Kind == kind)).ToList();
        Assert.True(covering.Count > 0, $"No parity model uses [{kind}]; add one to {nameof(LayerParityTests)}.{nameof(Models)}");
        foreach ((Type model, long[] input) in covering)
            AssertInferenceMatches(model, input);
    }

    [Fact]
    public void Every_parity_model_names_only_kinds_of_the_catalogue()
    {
        var kinds = LayerCatalogue.All.Select(definition => definition.Name).ToHashSet();
        Assert.All(Models.SelectMany(model => ShapesOf(model.Model)), layer => Assert.Contains(layer.Kind, kinds));
    }

    /// <summary>Random features; token ids (as the float batch buffer carries them) when the model starts with an Embedding.</summary>
    private static Tensor ExampleFor(IReadOnlyList<LayerShape> layers, Dictionary<string, Module<Tensor, Tensor>> children, long[] shape)
    {
        if (layers[0].Kind != "Embedding") return randn(shape);
        long rows = children[layers[0].Name].parameters().First().shape[0];
        return randint(0, rows, shape).to_type(ScalarType.Float32);
    }

    internal static IReadOnlyList<LayerShape> ShapesOf(Type model) =>
        (IReadOnlyList<LayerShape>)model.GetProperty("LayerShapes", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>
    /// Runs the layers one by one in forward order (eval mode, so train-only layers are the identity) and
    /// checks each output shape and parameter count against the compile-time ones, then checks that the
    /// generated forward computes exactly that composition.
    /// </summary>
    private static void AssertInferenceMatches(Type modelType, long[] input)
    {
        using var scope = NewDisposeScope();
        using var model = (Module<Tensor, Tensor>)Activator.CreateInstance(modelType, (long?)1)!;
        IReadOnlyList<LayerShape> layers = ShapesOf(modelType);
        long parameterCount = (long)modelType.GetField("ParameterCount")!.GetValue(null)!;
        model.eval();
        var children = model.named_children().ToDictionary(child => child.name, child => (Module<Tensor, Tensor>)child.module);
        Assert.Equal(layers.Select(layer => layer.Name).Order(), children.Keys.Order());

        Tensor example = ExampleFor(layers, children, new long[] { 2 }.Concat(input).ToArray());
        Tensor x = example;
        foreach (LayerShape layer in layers)
        {
            Module<Tensor, Tensor> module = children[layer.Name];
            x = module.forward(x);
            Assert.True(new long[] { 2 }.Concat(layer.Output.Select(size => (long)size)).SequenceEqual(x.shape),
                $"{modelType.Name}.{layer.Name} ({layer.Kind}): inferred (N, {string.Join(", ", layer.Output)}), TorchSharp gives ({string.Join(", ", x.shape)})");
            Assert.True(layer.Parameters == module.parameters().Sum(parameter => parameter.numel()),
                $"{modelType.Name}.{layer.Name} ({layer.Kind}): inferred {layer.Parameters} parameters, TorchSharp has {module.parameters().Sum(parameter => parameter.numel())}");
        }
        Assert.Equal(parameterCount, model.parameters().Sum(parameter => parameter.numel()));
        using Tensor whole = model.forward(example);
        Assert.True(whole.allclose(x), $"{modelType.Name}: the generated forward differs from running its layers in order");
    }
}
