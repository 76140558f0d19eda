namespace MlDsl.Shapes.Layers;

/// <summary>AvgPool2d: the mean of each window (zero padding counts in the mean, as in PyTorch).</summary>
public sealed class AvgPool2dLayer : Pool2dLayer;
