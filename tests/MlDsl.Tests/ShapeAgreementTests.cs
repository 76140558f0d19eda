using MlDsl.Examples.Mnist;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Tests;

/// <summary>The shapes and parameter counts inferred at compile time are the ones TorchSharp produces at run time.</summary>
public sealed class ShapeAgreementTests
{
    [Fact]
    public void Mnist_cnn_inferred_shapes_match_torchsharp() =>
        AssertInferenceMatches(new DigitCnn(seed: 1), DigitCnn.LayerShapes, DigitCnn.ParameterCount, 1, 28, 28);

    [Fact]
    public void Mlp_over_concatenated_features_matches_torchsharp() =>
        AssertInferenceMatches(new PointMlp(seed: 1), PointMlp.LayerShapes, PointMlp.ParameterCount, 4);

    [Fact]
    public void Padded_strided_pooled_batchnorm_net_matches_torchsharp() =>
        AssertInferenceMatches(new PatchNet(seed: 1), PatchNet.LayerShapes, PatchNet.ParameterCount, 3, 16, 16);

    [Fact]
    public void Spectrogram_front_end_shapes_match_torchsharp() =>
        AssertInferenceMatches(new ClipNet(seed: 1), ClipNet.LayerShapes, ClipNet.ParameterCount, 8000);

    [Fact]
    public void Mfcc_front_end_shapes_match_torchsharp() =>
        AssertInferenceMatches(new CepstralNet(seed: 1), CepstralNet.LayerShapes, CepstralNet.ParameterCount, 8000);

    private static void AssertInferenceMatches(Module<Tensor, Tensor> model, IReadOnlyList<LayerShape> layers, long parameterCount, params long[] input)
    {
        using var scope = NewDisposeScope();
        using var _ = model;
        model.eval();
        var children = model.named_children().ToDictionary(child => child.name, child => (Module<Tensor, Tensor>)child.module);
        Assert.Equal(layers.Select(layer => layer.Name).Order(), children.Keys.Order());

        Tensor x = randn(new long[] { 2 }.Concat(input).ToArray());
        foreach (LayerShape layer in layers)
        {
            Module<Tensor, Tensor> module = children[layer.Name];
            x = module.forward(x);
            Assert.Equal(new long[] { 2 }.Concat(layer.Output.Select(size => (long)size)), x.shape);
            Assert.Equal(layer.Parameters, module.parameters().Sum(parameter => parameter.numel()));
        }
        Assert.Equal(parameterCount, model.parameters().Sum(parameter => parameter.numel()));
        using Tensor whole = model.forward(randn(new long[] { 2 }.Concat(input).ToArray()));
        Assert.Equal(x.shape, whole.shape);
    }
}
