namespace MlDsl.Shapes.Layers;

/// <summary>MaxPool2d: the largest value of each window.</summary>
public sealed class MaxPool2dLayer : Pool2dLayer;
