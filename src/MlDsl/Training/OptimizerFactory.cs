using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlDsl.Training;

/// <summary>
/// The optimizer a run asks for: MlDsl's own steps over TorchSharp's optimizers and state, whose Scalars outlive
/// the native calls that read them (see <see cref="MlDsl.Runtime.HeldScalars"/>).
/// </summary>
internal static class OptimizerFactory
{
    public static OptimizerHelper Create(FitOptions options, IEnumerable<Parameter> parameters) => options.Optimizer switch
    {
        OptimizerKind.Adam => new Optimizers.Adam(parameters, options.LearningRate, options.WeightDecay),
        OptimizerKind.AdamW => new Optimizers.AdamW(parameters, options.LearningRate, options.WeightDecay),
        OptimizerKind.Sgd => new Optimizers.SGD(parameters, options.LearningRate, options.Momentum, options.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "Unknown optimizer."),
    };
}
