using static TorchSharp.torch;

namespace MlDsl.Training;

/// <summary>How a generated model's <c>Fit</c> trains. Defaults follow Keras: Adam, learning rate 1e-3, batch 64.</summary>
public sealed record FitOptions
{
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 64;
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    public double LearningRate { get; init; } = 1e-3;
    public double WeightDecay { get; init; }
    /// <summary>Momentum for <see cref="OptimizerKind.Sgd"/>.</summary>
    public double Momentum { get; init; } = 0.9;
    /// <summary>Seeds libtorch (dropout masks) and the shuffling order.</summary>
    public long Seed { get; init; } = 42;
    /// <summary>libtorch intra-op threads; 0 keeps libtorch's choice.</summary>
    public int Threads { get; init; }
    /// <summary>Where the model and batches live; CPU when null.</summary>
    public Device? Device { get; init; }
    /// <summary>Called after every epoch, e.g. to print progress.</summary>
    public Action<EpochReport>? OnEpoch { get; init; }

    internal void Validate()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "FitOptions.Epochs must be at least 1.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "FitOptions.BatchSize must be at least 1.");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "FitOptions.LearningRate must be positive.");
        if (WeightDecay < 0) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "FitOptions.WeightDecay must not be negative.");
        if (Threads < 0) throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "FitOptions.Threads must not be negative.");
    }
}
