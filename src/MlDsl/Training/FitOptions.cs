using static TorchSharp.torch;

namespace MlDsl.Training;

/// <summary>How a generated model's <c>Fit</c> trains. Defaults follow Keras: Adam, learning rate 1e-3, batch 64.</summary>
public sealed record FitOptions
{
    public int Epochs { get; init; } = 10;
    /// <summary>
    /// Rows per training step. A trailing batch of fewer than 2 rows per rank joins the batch before it (no row is
    /// dropped; BatchNorm cannot normalize one row), so the last step of an epoch can hold up to <c>BatchSize + 1</c> rows on one rank.
    /// </summary>
    public int BatchSize { get; init; } = 64;
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    public double LearningRate { get; init; } = 1e-3;
    public double WeightDecay { get; init; }
    /// <summary>Momentum for <see cref="OptimizerKind.Sgd"/>.</summary>
    public double Momentum { get; init; } = 0.9;
    /// <summary>Seeds libtorch (dropout masks) and the shuffling order.</summary>
    public long Seed { get; init; } = 42;
    /// <summary>libtorch intra-op threads during this Fit (restored afterwards, also when it throws); 0 keeps libtorch's choice.</summary>
    public int Threads { get; init; }
    /// <summary>Where the model and batches live; CPU when null.</summary>
    public Device? Device { get; init; }
    /// <summary>
    /// What Fit prints by itself, as Keras's <c>fit(verbose=...)</c>: 0 nothing, 1 a progress bar on one line (redrawn in
    /// place; it reads every step's loss back from the device), 2 one line per epoch (loss, accuracy or MAE, validation
    /// loss and score, time). Null chooses 1 on an interactive console and 2 when the output is redirected or
    /// <see cref="ProgressWriter"/> is set. Lines never exceed 79 columns. <see cref="OnEpoch"/> and <see cref="OnBatch"/> are called either way.
    /// </summary>
    public int? Verbose { get; init; }
    /// <summary>Where <see cref="Verbose"/> progress goes; the console when null.</summary>
    public TextWriter? ProgressWriter { get; init; }
    /// <summary>Called after every epoch, e.g. to record progress.</summary>
    public Action<EpochReport>? OnEpoch { get; init; }
    /// <summary>Called after every training step, e.g. for a progress bar; it reads the step's loss, which costs a device sync.</summary>
    public Action<BatchProgress>? OnBatch { get; init; }

    /// <summary>How the learning rate changes over the run; constant when null.</summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>Stop after this many epochs without a lower validation loss; the best epoch's weights are kept either way. Needs a validation split (never the test split).</summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>Rescale gradients whose global L2 norm exceeds this.</summary>
    public double? GradientClipNorm { get; init; }

    /// <summary>One loss weight per class, e.g. inverse class frequencies for imbalanced data.</summary>
    public IReadOnlyList<float>? ClassWeights { get; init; }

    /// <summary>
    /// A folder to write a checkpoint to after every epoch. A file standing there is refused before the first epoch
    /// (an <see cref="MlDsl.Deployment.ArtifactException"/> naming it), and is left untouched.
    /// </summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Continue from <see cref="CheckpointDirectory"/> when it holds a checkpoint.</summary>
    public bool Resume { get; init; }

    /// <summary>How a lazy source's rows are decoded (workers, prefetch, shuffle buffer); the defaults when null. Ignored for rows in memory.</summary>
    public StreamingOptions? Streaming { get; init; }

    /// <summary>
    /// Train data-parallel over these ranks (e.g. <see cref="MlDsl.Distributed.MpiRanks"/> under <c>mpiexec.mpich -n N</c>):
    /// every rank starts from rank 0's weights, steps on its slice of each batch of <see cref="BatchSize"/> rows, and
    /// applies the mean gradient of the whole batch; only rank 0 reports epochs and writes checkpoints. Null trains on this process alone.
    /// </summary>
    public MlDsl.Distributed.IRankGroup? Ranks { get; init; }

    internal void Validate(int classes, MlDsl.Data.LabelKind labels, bool hasValidation)
    {
        if (EarlyStoppingPatience is { } patience && (patience < 1 || !hasValidation))
            throw new ArgumentException(patience < 1 ? "FitOptions.EarlyStoppingPatience must be at least 1." : "FitOptions.EarlyStoppingPatience needs validation rows to watch.", nameof(EarlyStoppingPatience));
        if (GradientClipNorm is { } clip && !(clip > 0))
            throw new ArgumentOutOfRangeException(nameof(GradientClipNorm), clip, "FitOptions.GradientClipNorm must be positive.");
        if (ClassWeights is not null && labels == MlDsl.Data.LabelKind.Regression)
            throw new ArgumentException("FitOptions.ClassWeights applies to class and multi-label labels, not to a regression target.", nameof(ClassWeights));
        if (ClassWeights is { } weights && (weights.Count != classes || weights.Any(weight => !(weight >= 0))))
            throw new ArgumentException($"FitOptions.ClassWeights needs {classes} non-negative weights, one per class, but has {weights.Count}.", nameof(ClassWeights));
        if (Resume && CheckpointDirectory is null)
            throw new ArgumentException("FitOptions.Resume needs a CheckpointDirectory to resume from.", nameof(Resume));
        Validate();
    }

    internal void Validate()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "FitOptions.Epochs must be at least 1.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "FitOptions.BatchSize must be at least 1.");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "FitOptions.LearningRate must be positive.");
        if (WeightDecay < 0) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "FitOptions.WeightDecay must not be negative.");
        if (Verbose is < 0 or > 2) throw new ArgumentOutOfRangeException(nameof(Verbose), Verbose, "FitOptions.Verbose is 0 (silent), 1 (progress bar) or 2 (a line per epoch).");
        // libtorch's thread pool aborts the whole process (no exception) on a count such as 100000: refuse it here.
        if (Threads < 0 || Threads > MlDsl.Pipelines.ComputeOptions.MaxThreads)
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads,
                $"FitOptions.Threads must be between 0 (libtorch's choice) and {MlDsl.Pipelines.ComputeOptions.MaxThreads} (4 per logical processor, at least 64; this machine has {Environment.ProcessorCount}).");
    }
}
