namespace MlDsl.Shapes.Layers;

/// <summary>MaxPool1d (Keras MaxPooling1D): the largest value of each window along the length.</summary>
public sealed class MaxPool1dLayer : Pool1dLayer;
