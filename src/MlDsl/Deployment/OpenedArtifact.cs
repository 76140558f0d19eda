using MlDsl.Data;
using MlDsl.Data.Encoding;
using MlDsl.Data.Transforms;
using MlDsl.Persistence;
using TorchSharp;

namespace MlDsl.Deployment;

/// <summary>
/// A verified artifact: load its model and transform, check a row type against its schema, monitor
/// new data. Everything it serves comes from the bytes verified when it was opened.
/// </summary>
public sealed class OpenedArtifact
{
    private readonly string version;
    private readonly byte[] weights;
    private readonly double[][] reference;

    internal OpenedArtifact(string directory, string version, string digest, ArtifactManifest manifest, byte[] weights, AffineTransform? transform, double[][] reference)
    {
        Directory = directory;
        this.version = version;
        Digest = digest;
        Manifest = manifest;
        this.weights = weights;
        Transform = transform;
        this.reference = reference;
    }

    /// <summary>The artifact folder.</summary>
    public string Directory { get; }

    /// <summary>
    /// The SHA-256 (64 hex digits) of the opened export's manifest, which covers every file's SHA-256:
    /// pass it to <see cref="ModelArtifact.Open"/> to accept exactly this export and no other.
    /// </summary>
    public string Digest { get; }

    public ArtifactManifest Manifest { get; }

    /// <summary>The fitted transform stored with the model; null when the pipeline had none.</summary>
    public AffineTransform? Transform { get; }

    /// <summary>The missing-value filling fitted on the training split, applied before <see cref="Transform"/>; null when the pipeline had none.</summary>
    public MlDsl.Data.Imputation.Imputer? Imputer { get; internal init; }

    /// <summary>The feature selection fitted on the filled training split (selection.json), applied after the imputer; null when the pipeline selects none.</summary>
    public MlDsl.Data.Selection.SelectKBest? Selector { get; internal init; }

    /// <summary>The saved target encodings (target_encoding.json), unbound; null when the pipeline encoded no column.</summary>
    internal IReadOnlyList<SavedTargetEncoding>? SavedTargetEncodings { get; init; }

    /// <summary>The categorical columns the stored target encodings are for, in the order they apply; empty when the pipeline encoded none.</summary>
    public IReadOnlyList<string> TargetEncodedColumns => SavedTargetEncodings?.Select(saved => saved.Column).ToArray() ?? [];

    /// <summary>
    /// The target encodings fitted on the training split, bound to the columns that read each row's category and write its
    /// encoding (a pipeline's [TargetEncode] columns, <c>Definition.TargetEncodings</c>, in order); applied to raw rows before the imputer.
    /// </summary>
    /// <exception cref="ArtifactException">
    /// Naming target_encoding.json: the artifact encodes other columns than <paramref name="columns"/> (none given included: its
    /// encodings cannot be applied without them), or holds no encodings though columns are given (a model trained without them).
    /// </exception>
    public IReadOnlyList<TargetEncoding<TRow>> TargetEncodings<TRow>(IReadOnlyList<CategoricalColumn<TRow>> columns) where TRow : IDatasetRow<TRow>
    {
        if (SavedTargetEncodings is not { } saved)
            return columns.Count == 0 ? [] : throw new ArtifactException(version, ArtifactFormat.TargetEncoding,
                $"missing, but {typeof(TRow).Name} rows are target-encoded by [{string.Join(", ", columns.Select(column => column.Name))}]: the model was trained without these encodings; export it again");
        (TargetEncoding<TRow>[]? encodings, string? problem) = TargetEncodingFile.Bind(saved, columns);
        return encodings ?? throw new ArtifactException(version, ArtifactFormat.TargetEncoding, problem + (columns.Count == 0
            ? "; open the artifact with the pipeline's Deploy (or give its Definition.TargetEncodings' columns), which reads each row's category and writes its encoding"
            : ""));
    }

    /// <summary>The tokenizer fitted on the training split that turns text into token ids; null when the pipeline had none.</summary>
    public MlDsl.Data.Text.Tokenizer? Tokenizer { get; internal init; }

    /// <summary>The verified bytes of <c>model.onnx</c>, the forward pass for ONNX Runtime; null when the export had none (a layer without an ONNX lowering).</summary>
    internal byte[]? Onnx { get; init; }

    /// <summary>The version folder the files were read from, for messages naming a file.</summary>
    internal string Version => version;

    /// <summary>Clip summaries of the training waveforms, for a model that starts with an audio front end; null otherwise (and in format-2 artifacts).</summary>
    public AudioReference? AudioReference { get; internal init; }

    /// <summary>Loads the model with its generated <c>Load</c>, e.g. <c>artifact.LoadModel(DigitCnn.Load)</c>, from the verified bytes.</summary>
    /// <exception cref="ModelFileException">The weights do not fit the model (another model, other shapes).</exception>
    /// <exception cref="ArtifactException">The manifest names another model than the one loaded.</exception>
    public TModel LoadModel<TModel>(Func<string, TModel> load)
    {
        TModel model = ModelFile.LoadVerified(load, Path.Combine(version, ArtifactFormat.Weights), weights, Manifest.ModelName);
        if (model is torch.nn.Module module && module.GetName() != Manifest.ModelName)
        {
            module.Dispose();
            throw new ArtifactException(version, ArtifactFormat.Manifest, $"ModelName is '{Manifest.ModelName}', but the model loaded is a '{module.GetName()}'");
        }
        return model;
    }

    /// <summary>
    /// Refuses a row type other than the one the model was trained on: its name, its features (names
    /// and order), its label, and its class count against the manifest's class names.
    /// </summary>
    /// <exception cref="ArtifactException">Naming the manifest member that differs, with both values.</exception>
    public void CheckSchema<TRow>() where TRow : IDatasetRow<TRow>
    {
        if (!TRow.FeatureNames.SequenceEqual(Manifest.Features))
            throw new ArtifactException(Directory,
                $"made for {Manifest.RowType} with {Manifest.Features.Length} features, but {typeof(TRow).Name} has {TRow.FeatureLength} features [{string.Join(", ", TRow.FeatureNames.Take(4))}...]");
        if (Manifest.RowType != typeof(TRow).Name)
            throw new ArtifactException(version, ArtifactFormat.Manifest, $"RowType is '{Manifest.RowType}'; the rows given are {typeof(TRow).Name}");
        if (Manifest.Label != TRow.LabelName)
            throw new ArtifactException(version, ArtifactFormat.Manifest, $"Label is '{Manifest.Label}'; {typeof(TRow).Name}'s label is {TRow.LabelName}");
        int classes = TRow.LabelKind == LabelKind.Regression ? 0 : TRow.ClassCount;
        if (Manifest.ClassNames.Length != classes)
            throw new ArtifactException(version, ArtifactFormat.Manifest,
                $"ClassNames lists {Manifest.ClassNames.Length} names; {typeof(TRow).Name}'s {TRow.LabelKind.ToString().ToLowerInvariant()} label {TRow.LabelName} has {classes}");
    }

    /// <summary>
    /// Compares <paramref name="rows"/> with the training reference sample stored in the artifact. Rows of an audio
    /// model (one with an <see cref="AudioReference"/>) are compared by what they sound like — RMS, zero-crossing
    /// rate, spectral centroid, rolloff, flatness and MFCC means per clip — rather than by raw sample positions.
    /// </summary>
    /// <param name="rows">Raw rows, as prediction takes them.</param>
    /// <param name="thresholds">When a feature counts as drifted.</param>
    /// <param name="categoricals">
    /// The columns the artifact's target encodings are for (see <see cref="TargetEncodings{TRow}"/>): rows are encoded first, as
    /// the reference was, so an encoded feature is compared with itself rather than with whatever raw rows hold there.
    /// </param>
    /// <exception cref="ArtifactException">The artifact's target encodings are for other columns than <paramref name="categoricals"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is empty, or a threshold is out of its range (see <see cref="DriftMonitor.Compare"/>).</exception>
    public DriftReport Monitor<TRow>(IReadOnlyList<TRow> rows, DriftThresholds? thresholds = null, IReadOnlyList<CategoricalColumn<TRow>>? categoricals = null) where TRow : IDatasetRow<TRow>
    {
        CheckSchema<TRow>();
        rows = TargetEncodingSteps.Apply(TargetEncodings(categoricals ?? []), rows);
        if (AudioReference is { } audio)
            return DriftMonitor.Compare(audio.Features, audio.Columns, MlDsl.Audio.Monitoring.ClipSummary.Columns(ModelArtifact.Waveforms(rows), audio.SampleRate), thresholds);
        string[] monitored = ModelArtifact.MonitoredIndices(Manifest.Features.Length).Select(index => Manifest.Features[index]).ToArray();
        return DriftMonitor.Compare(monitored, reference, ModelArtifact.MonitoredColumns(rows), thresholds);
    }
}
