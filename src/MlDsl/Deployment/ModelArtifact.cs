using System.Security.Cryptography;
using System.Text.Json;
using MlDsl.Analysis;
using MlDsl.Data;
using MlDsl.Data.Imputation;
using MlDsl.Data.Transforms;
using MlDsl.Persistence;
using TorchSharp;

namespace MlDsl.Deployment;

/// <summary>What goes into an artifact besides the model.</summary>
public sealed record ArtifactContents<TRow>(
    IReadOnlyList<TRow> TrainingRows,
    IEvaluationReport Evaluation,
    IReadOnlyList<string>? ClassNames = null,
    AffineTransform? Transform = null,
    IReadOnlyDictionary<string, string>? Settings = null)
{
    /// <summary>Missing-value filling fitted on the training split, applied before <see cref="Transform"/>.</summary>
    public Imputer? Imputer { get; init; }
}

/// <summary>
/// A self-contained folder to serve and monitor a model from: weights, fitted transform, label
/// names, dataset schema, metrics, settings, a reference sample of the training features for drift
/// monitoring, and a manifest with a checksum per file. Written to a temporary folder and renamed,
/// so a crash never leaves half an artifact; opening it verifies format, checksums and schema.
/// </summary>
public static class ModelArtifact
{
    public const int FormatVersion = 1;
    private const string Manifest = "manifest.json", Weights = "model.mldsl", TransformFile = "transform.json", ImputerFile = "imputer.json", Reference = "reference.json";
    private const int ReferenceRows = 2000;
    /// <summary>Wide rows (waveforms, images) are monitored on this many evenly spaced features, which keeps the reference small.</summary>
    internal const int MonitoredFeatures = 64;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void Export<TRow>(string directory, torch.nn.Module model, string modelName, ArtifactContents<TRow> contents)
        where TRow : IDatasetRow<TRow>
    {
        string target = Path.GetFullPath(directory);
        string staging = target + ".staging-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(staging);
        try
        {
            ModelFile.Save(model, modelName, Path.Combine(staging, Weights));
            contents.Transform?.Save(Path.Combine(staging, TransformFile));
            contents.Imputer?.Save(Path.Combine(staging, ImputerFile));
            File.WriteAllText(Path.Combine(staging, Reference), JsonSerializer.Serialize(ReferenceSample(contents.TrainingRows)));

            string[] classNames = TRow.LabelKind == LabelKind.Regression ? Array.Empty<string>()
                : contents.ClassNames?.ToArray() ?? Enumerable.Range(0, TRow.ClassCount).Select(c => c.ToString()).ToArray();
            // JSON has no NaN: a metric that could not be computed (R² of constant targets) is left out.
            var metrics = contents.Evaluation.Metrics.Where(pair => double.IsFinite(pair.Value)).ToDictionary(pair => pair.Key, pair => pair.Value);
            var files = Directory.GetFiles(staging).ToDictionary(path => Path.GetFileName(path), path => Checksum(path));
            var manifest = new ArtifactManifest(FormatVersion, modelName, typeof(TRow).Name, TRow.FeatureNames.ToArray(), TRow.LabelName,
                classNames, metrics, new Dictionary<string, string>(contents.Settings ?? new Dictionary<string, string>()), files, DateTime.UtcNow);
            File.WriteAllText(Path.Combine(staging, Manifest), JsonSerializer.Serialize(manifest, Json));

            string retired = target + ".retired-" + Guid.NewGuid().ToString("N")[..8];
            if (Directory.Exists(target)) Directory.Move(target, retired);
            Directory.Move(staging, target);
            if (Directory.Exists(retired)) Directory.Delete(retired, recursive: true);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Opens and verifies an artifact: format version and every file's checksum.</summary>
    public static OpenedArtifact Open(string directory)
    {
        string manifestPath = Path.Combine(directory, Manifest);
        if (!File.Exists(manifestPath)) throw new ArtifactException(directory, $"no {Manifest}: not an MlDsl artifact, or an export that did not finish");
        ArtifactManifest manifest = JsonSerializer.Deserialize<ArtifactManifest>(File.ReadAllText(manifestPath))
            ?? throw new ArtifactException(directory, $"{Manifest} is empty");
        if (manifest.FormatVersion != FormatVersion)
            throw new ArtifactException(directory, $"format version {manifest.FormatVersion}; this MlDsl reads version {FormatVersion}");
        foreach ((string file, string expected) in manifest.Files)
        {
            string path = Path.Combine(directory, file);
            if (!File.Exists(path)) throw new ArtifactException(directory, $"{file} is missing");
            if (Checksum(path) != expected) throw new ArtifactException(directory, $"{file} does not match its checksum: the artifact was modified or damaged");
        }
        return new OpenedArtifact(directory, manifest);
    }

    internal static string WeightsPath(string directory) => Path.Combine(directory, Weights);

    internal static string TransformPath(string directory) => Path.Combine(directory, TransformFile);

    internal static string ImputerPath(string directory) => Path.Combine(directory, ImputerFile);

    internal static double[][] LoadReference(string directory) =>
        JsonSerializer.Deserialize<double[][]>(File.ReadAllText(Path.Combine(directory, Reference))) ?? Array.Empty<double[]>();

    /// <summary>The features drift is measured on: all of them, or evenly spaced ones for wide rows.</summary>
    internal static int[] MonitoredIndices(int featureLength) =>
        featureLength <= MonitoredFeatures
            ? Enumerable.Range(0, featureLength).ToArray()
            : Enumerable.Range(0, MonitoredFeatures).Select(i => (int)((long)i * featureLength / MonitoredFeatures)).ToArray();

    /// <summary>Per monitored feature, the values of up to <paramref name="limit"/> evenly spaced rows.</summary>
    internal static double[][] MonitoredColumns<TRow>(IReadOnlyList<TRow> rows, int limit = int.MaxValue) where TRow : IDatasetRow<TRow> =>
        FeatureColumns.Of(rows, MonitoredIndices(TRow.FeatureLength), limit);

    private static double[][] ReferenceSample<TRow>(IReadOnlyList<TRow> rows) where TRow : IDatasetRow<TRow> => MonitoredColumns(rows, ReferenceRows);

    private static string Checksum(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}

/// <summary>A verified artifact: load its model and transform, check a row type against its schema, monitor new data.</summary>
public sealed class OpenedArtifact(string directory, ArtifactManifest manifest)
{
    public ArtifactManifest Manifest { get; } = manifest;

    /// <summary>Loads the model with its generated <c>Load</c>, e.g. <c>artifact.LoadModel(DigitCnn.Load)</c>.</summary>
    public TModel LoadModel<TModel>(Func<string, TModel> load) => load(ModelArtifact.WeightsPath(directory));

    public AffineTransform? Transform => File.Exists(ModelArtifact.TransformPath(directory)) ? AffineTransform.Load(ModelArtifact.TransformPath(directory)) : null;

    /// <summary>The missing-value filling applied before <see cref="Transform"/>; null when the pipeline imputes nothing.</summary>
    public Imputer? Imputer => File.Exists(ModelArtifact.ImputerPath(directory)) ? Imputer.Load(ModelArtifact.ImputerPath(directory)) : null;

    /// <summary>Refuses a row type whose features differ from the ones the model was trained on.</summary>
    public void CheckSchema<TRow>() where TRow : IDatasetRow<TRow>
    {
        if (!TRow.FeatureNames.SequenceEqual(Manifest.Features))
            throw new ArtifactException(directory,
                $"made for {Manifest.RowType} with {Manifest.Features.Length} features, but {typeof(TRow).Name} has {TRow.FeatureLength} features [{string.Join(", ", TRow.FeatureNames.Take(4))}...]");
    }

    /// <summary>Compares <paramref name="rows"/> with the training reference sample stored in the artifact.</summary>
    public DriftReport Monitor<TRow>(IReadOnlyList<TRow> rows, DriftThresholds? thresholds = null) where TRow : IDatasetRow<TRow>
    {
        CheckSchema<TRow>();
        string[] monitored = ModelArtifact.MonitoredIndices(Manifest.Features.Length).Select(index => Manifest.Features[index]).ToArray();
        return DriftMonitor.Compare(monitored, ModelArtifact.LoadReference(directory), ModelArtifact.MonitoredColumns(rows), thresholds);
    }
}
