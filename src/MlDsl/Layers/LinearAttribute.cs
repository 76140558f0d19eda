namespace MlDsl;

/// <summary>Fully connected layer. In-features are inferred unless given.</summary>
public sealed class LinearAttribute(int outFeatures) : LayerAttribute
{
    public int OutFeatures { get; } = outFeatures;
    /// <summary>0 means "infer from the previous layer".</summary>
    public int InFeatures { get; set; }
    /// <summary>False leaves out the bias (torchvision's ResNets: a layer followed by BatchNorm, whose shift makes a bias redundant).</summary>
    public bool Bias { get; set; } = true;
}
