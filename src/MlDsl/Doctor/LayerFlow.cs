namespace MlDsl.Doctor;

/// <summary>
/// One parameter's gradient flow over the check's steps: mean gradient norm, and the mean ratios of
/// gradient norm and update norm to weight norm (Karpathy's update/weight ratio, around 1e-3 for SGD;
/// Adam's first steps move every weight by about the learning rate, so higher there).
/// </summary>
public sealed record LayerFlow(string Parameter, double GradientNorm, double GradientToWeight, double UpdateToWeight);

/// <summary>The share of a ReLU layer's units (channels for convolutions) that are zero for every row of a batch: dead units.</summary>
public sealed record ReluActivity(string Layer, double DeadShare, int Units);
