namespace MlDsl.Shapes.Layers;

/// <summary>AvgPool1d (Keras AveragePooling1D): the mean of each window (zero padding counts in the mean, as in PyTorch).</summary>
public sealed class AvgPool1dLayer : Pool1dLayer;
