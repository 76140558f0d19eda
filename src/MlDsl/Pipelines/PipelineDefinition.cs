using MlDsl.Data;
using MlDsl.Data.Encoding;
using MlDsl.Data.Imputation;
using MlDsl.Data.Resampling;
using MlDsl.Data.Selection;
using MlDsl.Data.Splits;
using MlDsl.Data.Validation;
using MlDsl.Deployment;
using MlDsl.Training;
using TorchSharp;

namespace MlDsl.Pipelines;

/// <summary>Which fitted transform a pipeline applies to features before training.</summary>
public enum TransformKind
{
    None,
    Standardize,
    MinMax,

    /// <summary>One mean and standard deviation per image channel, for rows of shape [C, H, W].</summary>
    ChannelNormalize,
}

/// <summary>
/// A whole pipeline: where rows come from, how they are split and transformed, which model trains
/// how, the gate a model must pass, and where the artifact goes. The [Pipeline] generator builds one
/// from attributes; scripts can build one directly.
/// </summary>
public sealed record PipelineDefinition<TRow, TModel>(
    string Name,
    Func<IReadOnlyList<TRow>> Ingest,
    Func<long, TModel> CreateModel,
    Func<string, TModel> LoadModel,
    string ModelName)
    where TRow : IDatasetRow<TRow>
    where TModel : torch.nn.Module, ITrainableModel<TRow>
{
    public SplitOptions Split { get; init; } = new();
    public ValidationRules Validation { get; init; } = new();
    public TransformKind Transform { get; init; }
    /// <summary>
    /// Categorical columns target-encoded before everything else that is fitted: out of fold on the training split, with the
    /// table fitted on all training rows for validation and test; saved in the artifact (<c>target_encoding.json</c>).
    /// </summary>
    public IReadOnlyList<TargetEncodingStep<TRow>> TargetEncodings { get; init; } = [];
    /// <summary>Missing values filled before the transform, with training-split statistics; saved in the artifact.</summary>
    public ImputeStrategy Impute { get; init; }
    /// <summary>Keep the best this many features (0: all), chosen on the filled training split before the transform; saved in the artifact.</summary>
    public int SelectK { get; init; }
    /// <summary>How <see cref="SelectK"/> scores features; null for AnovaF on a class label, FRegression on a regression label.</summary>
    public ScoreFunction? SelectScore { get; init; }
    /// <summary>Class balancing of the training rows only, after the transform.</summary>
    public OversampleKind Oversample { get; init; }
    public FitOptions Training { get; init; } = new();
    /// <summary>Slice values with fewer test rows than this are listed but not judged by the bias gap or the gate.</summary>
    public int MinSliceRows { get; init; } = 1;
    public Gate Gate { get; init; } = new();
    public string ExportDirectory { get; init; } = "artifacts/model";
    public IReadOnlyList<string>? ClassNames { get; init; }
    /// <summary>When <c>monitor</c> calls a feature drifted.</summary>
    public DriftThresholds Monitoring { get; init; } = new();

    /// <summary>How a file or folder named by <c>--data</c> is read (prediction, monitoring, or replacing the ingest); null when the rows cannot be read from files.</summary>
    public Func<string, IReadOnlyList<TRow>>? ReadData { get; init; }

    /// <summary>
    /// How the files named by <c>run --stream --data</c> become a lazy source (CSV shards read by byte offset and decoded on
    /// demand); null when the rows cannot be streamed from files. The generator sets it for rows with a generated CSV reader.
    /// </summary>
    public Func<IReadOnlyList<string>, MlDsl.Data.Streaming.RowSource<TRow>>? StreamData { get; init; }

    /// <summary>The model exported to <paramref name="directory"/> (the pipeline's export folder by default), ready to predict.</summary>
    /// <param name="directory">The artifact folder; the pipeline's <see cref="ExportDirectory"/> when null.</param>
    /// <param name="engine">
    /// What runs the forward pass: TorchSharp (the default) or ONNX Runtime on the artifact's verified <c>model.onnx</c>; either way
    /// the artifact's target encodings, imputer and transform are applied first and <c>Predict</c>, <c>Describe</c> and <c>Evaluate</c> answer alike.
    /// </param>
    /// <param name="threads">ONNX Runtime's intra-op threads; TorchSharp uses libtorch's (<c>torch.set_num_threads</c>).</param>
    /// <exception cref="ArtifactException">The artifact cannot be served by <paramref name="engine"/>; the message names the artifact's file and what is missing.</exception>
    public DeployedModel<TRow, TModel> Deploy(string? directory = null, ServingEngine engine = ServingEngine.TorchSharp, int threads = 1) =>
        DeployedModel<TRow, TModel>.Open(directory ?? ExportDirectory, LoadModel, engine, threads, Categoricals);

    /// <summary>The target-encoded columns, which prediction and monitoring encode raw rows with.</summary>
    internal IReadOnlyList<CategoricalColumn<TRow>> Categoricals => TargetEncodings.Select(step => step.Column).ToArray();

    internal IReadOnlyList<TRow> Read(string path) =>
        ReadData is { } read ? read(path) : throw new InvalidOperationException($"{Name} has no way to read {typeof(TRow).Name} rows from '{path}': give it a [ReadData] method, or make the row CSV-readable");
}

/// <summary>What the command line can change for one run.</summary>
public sealed record PipelineOptions
{
    public int? Seed { get; init; }
    public int? Epochs { get; init; }
    public string OutputDirectory { get; init; } = "out";
    public bool Resume { get; init; }
    public bool Quiet { get; init; }
    /// <summary>A CSV read instead of the pipeline's own ingest.</summary>
    public string? DataPath { get; init; }
    /// <summary>libtorch intra-op threads for training; the pipeline's <see cref="FitOptions.Threads"/> when null.</summary>
    public int? Threads { get; init; }
    /// <summary>Where the model trains; the pipeline's <see cref="FitOptions.Device"/> (CPU) when null.</summary>
    public torch.Device? Device { get; init; }

    /// <summary>
    /// Stream the training data instead of reading it into memory (<c>run --stream</c>): <see cref="DataPath"/> names CSV
    /// files or folders of CSV shards (several separated by the path separator), rows stay references until a batch needs them.
    /// </summary>
    public bool Stream { get; init; }

    /// <summary>
    /// Train data-parallel over these ranks (<c>run --distributed</c> under <c>mpiexec.mpich -n N</c>): every rank
    /// ingests, splits and transforms the same rows and trains on its slice of each batch; rank 0 alone logs and
    /// writes the report, plots, checkpoints and artifact, and judges the gate.
    /// </summary>
    public MlDsl.Distributed.IRankGroup? Ranks { get; init; }

    /// <summary>
    /// Refuses what the command line would have refused, before anything is read or libtorch is told: a thread count
    /// outside 1 to <see cref="ComputeOptions.MaxThreads"/> (libtorch's thread pool aborts the whole process on a count
    /// such as 100000), fewer than one epoch, and no output folder.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Threads or Epochs out of range; the parameter name is the option's.</exception>
    /// <exception cref="ArgumentException">OutputDirectory is empty.</exception>
    internal void Validate()
    {
        if (Threads is { } threads && (threads < 1 || threads > ComputeOptions.MaxThreads))
            throw new ArgumentOutOfRangeException(nameof(Threads), threads,
                $"PipelineOptions.Threads must be between 1 and {ComputeOptions.MaxThreads} (4 per logical processor, at least 64; this machine has {Environment.ProcessorCount}), or null for the pipeline's FitOptions.Threads.");
        if (Epochs is < 1)
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "PipelineOptions.Epochs must be at least 1, or null for the pipeline's FitOptions.Epochs.");
        if (string.IsNullOrWhiteSpace(OutputDirectory))
            throw new ArgumentException("PipelineOptions.OutputDirectory must name a folder (made when missing).", nameof(OutputDirectory));
    }
}
