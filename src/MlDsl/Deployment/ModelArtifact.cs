using System.Text.Json;
using MlDsl.Analysis;
using MlDsl.Data;
using MlDsl.Persistence;
using TorchSharp;

namespace MlDsl.Deployment;

/// <summary>What goes into an artifact besides the model.</summary>
public sealed record ArtifactContents<TRow>(
    IReadOnlyList<TRow> TrainingRows,
    IEvaluationReport Evaluation,
    IReadOnlyList<string>? ClassNames = null,
    MlDsl.Data.Transforms.AffineTransform? Transform = null,
    IReadOnlyDictionary<string, string>? Settings = null)
    where TRow : IDatasetRow<TRow>
{
    /// <summary>Target encodings fitted on the training split, applied to raw rows before everything else.</summary>
    public IReadOnlyList<MlDsl.Data.Encoding.TargetEncoding<TRow>>? TargetEncodings { get; init; }

    /// <summary>Missing-value filling fitted on the training split, applied before <see cref="Transform"/>.</summary>
    public MlDsl.Data.Imputation.Imputer? Imputer { get; init; }

    /// <summary>Feature selection fitted on the filled training split, applied after <see cref="Imputer"/> and before <see cref="Transform"/>.</summary>
    public MlDsl.Data.Selection.SelectKBest? Selector { get; init; }

    /// <summary>The tokenizer fitted on the training split that turns text into the rows' token ids.</summary>
    public MlDsl.Data.Text.Tokenizer? Tokenizer { get; init; }
}

/// <summary>
/// A self-contained folder to serve and monitor a model from: weights, fitted transform, label
/// names, dataset schema, metrics, settings, a reference sample of the training features for drift
/// monitoring, and a manifest with a SHA-256 per file. Each export is a new version folder made
/// current by one atomic rename of the pointer file, so the folder always holds the old or the new
/// export, complete (see <see cref="VersionedFolder"/>); opening verifies the pointer's digest of
/// the manifest, the format's fixed file set, every file's SHA-256 and every JSON file's shape.
/// </summary>
public static partial class ModelArtifact
{
    public const int FormatVersion = ArtifactFormat.Version;
    private const int ReferenceRows = 2000;
    /// <summary>Wide rows (waveforms, images) are monitored on this many evenly spaced features, which keeps the reference small.</summary>
    internal const int MonitoredFeatures = 64;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes a new version of the artifact in <paramref name="directory"/> and makes it current.</summary>
    /// <exception cref="ArgumentException">The class names do not match the row type's class count.</exception>
    /// <exception cref="ArgumentException"><see cref="ArtifactContents{TRow}.TrainingRows"/> is empty: the drift reference would hold no row.</exception>
    /// <exception cref="ArtifactException">
    /// A file stands where the folder goes (it is left untouched), the folder cannot be made, or another process is exporting to it.
    /// </exception>
    public static void Export<TRow>(string directory, torch.nn.Module model, string modelName, ArtifactContents<TRow> contents)
        where TRow : IDatasetRow<TRow>
    {
        string[] classNames = TRow.LabelKind == LabelKind.Regression ? Array.Empty<string>()
            : contents.ClassNames?.ToArray() ?? Enumerable.Range(0, TRow.ClassCount).Select(c => c.ToString()).ToArray();
        if (TRow.LabelKind != LabelKind.Regression && classNames.Length != TRow.ClassCount)
            throw new ArgumentException($"{classNames.Length} class names for {typeof(TRow).Name}, whose label {TRow.LabelName} has {TRow.ClassCount} classes", nameof(contents));

        ArgumentNullException.ThrowIfNull(contents.TrainingRows);
        // The reference sample of the training rows is the drift baseline: an artifact of none could never be monitored.
        if (contents.TrainingRows.Count == 0)
            throw new ArgumentException($"{nameof(ArtifactContents<TRow>.TrainingRows)} is empty; the artifact's drift reference needs at least one training row", nameof(contents));

        var store = new VersionedFolder(directory, "artifact");
        store.Commit(version =>
        {
            version.Write(ArtifactFormat.Weights, ModelFile.Serialize(model, modelName));
            if (OnnxBytes(model) is { } onnx) version.Write(ArtifactFormat.Onnx, onnx);
            if (contents.Transform is { } transform) version.Write(ArtifactFormat.Transform, transform.Save);
            if (contents.TargetEncodings is { Count: > 0 } encodings) version.Write(ArtifactFormat.TargetEncoding, MlDsl.Data.Encoding.TargetEncodingFile.Serialize(encodings));
            if (contents.Imputer is { } imputer) version.Write(ArtifactFormat.Imputer, imputer.Save);
            if (contents.Selector is { } selector) version.Write(ArtifactFormat.Selection, selector.Save);
            if (contents.Tokenizer is { } tokenizer) version.Write(ArtifactFormat.Tokenizer, tokenizer.Save);
            version.Write(ArtifactFormat.Reference, JsonSerializer.SerializeToUtf8Bytes(ReferenceSample(contents.TrainingRows)));
            if (AudioReferenceSample(model, contents.TrainingRows) is { } audio) version.Write(ArtifactFormat.AudioReference, JsonSerializer.SerializeToUtf8Bytes(audio));
            // JSON has no NaN: a metric that could not be computed (R² of constant targets) is left out.
            var metrics = contents.Evaluation.Metrics.Where(pair => double.IsFinite(pair.Value)).ToDictionary(pair => pair.Key, pair => pair.Value);
            var manifest = new ArtifactManifest(FormatVersion, modelName, typeof(TRow).Name, TRow.FeatureNames.ToArray(), TRow.LabelName,
                classNames, metrics, new Dictionary<string, string>(contents.Settings ?? new Dictionary<string, string>()),
                new Dictionary<string, string>(version.Checksums), DateTime.UtcNow);
            return JsonSerializer.SerializeToUtf8Bytes(manifest, Json);
        }, ArtifactFormat.Manifest);
        RemoveLegacyFiles(store.Root);
    }

    /// <summary>The model's forward pass as ONNX, for serving without libtorch; null when a layer cannot be lowered to ONNX (a [UserModule]).</summary>
    private static byte[]? OnnxBytes(torch.nn.Module model)
    {
        if (model is not Onnx.IOnnxExportable exportable) return null;
        var bytes = new MemoryStream();
        try
        {
            exportable.ExportOnnx(bytes);
        }
        catch (Onnx.OnnxExportException)
        {
            // A [UserModule] model: served with TorchSharp from model.mldsl; anything else that fails is a bug to see.
            return null;
        }
        return bytes.ToArray();
    }

    /// <summary>
    /// Opens and verifies the artifact's current version: the manifest against the SHA-256 in the
    /// pointer (and against <paramref name="expectedDigest"/> when given, to pin one export), the
    /// format's required files, every file's SHA-256, and the JSON files' contents. Never writes.
    /// </summary>
    /// <param name="directory">The artifact folder (the one given to <see cref="Export{TRow}"/>).</param>
    /// <param name="expectedDigest">The <see cref="OpenedArtifact.Digest"/> of the export to accept (64 hex digits), or null for the current one.</param>
    /// <exception cref="ArtifactException">The artifact is missing, a file rather than a folder (said so), damaged, modified, malformed, or not the pinned export.</exception>
    public static OpenedArtifact Open(string directory, string? expectedDigest = null)
    {
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (MlDsl.Persistence.FolderInput.Problem(root, "an artifact folder (the one given to Export)") is { } problem) throw new ArtifactException(directory, problem);
        // An export that commits while this reads removes the version being read: read the new one.
        for (int attempt = 1; ; attempt++)
        {
            string? pointed = PointedVersion(root);
            try
            {
                return OpenCurrent(root, directory, expectedDigest);
            }
            catch (ArtifactException) when (attempt < 3 && PointedVersion(root) != pointed)
            {
            }
        }
    }

    private static string? PointedVersion(string root)
    {
        try
        {
            return FolderPointer.Read(root)?.Version;
        }
        catch (ArtifactException)
        {
            return null;
        }
    }

    private static OpenedArtifact OpenCurrent(string root, string directory, string? expectedDigest)
    {
        VerifiedVersion version = VerifiedVersion.ReadCurrent(root, ArtifactFormat.Folder, expectedDigest)
            ?? throw new ArtifactException(directory, File.Exists(Path.Combine(root, ArtifactFormat.Manifest))
                ? $"a format-1 artifact (no {FolderPointer.FileName} pointer, no digest over its manifest): export it again"
                : $"no {FolderPointer.FileName} pointer: not an MlDsl artifact, or its first export did not finish");
        ArtifactManifest manifest = ArtifactJson.Manifest(version.Manifest, version.Directory);
        IReadOnlyDictionary<string, byte[]> files = version.VerifyFiles(manifest.Files);
        var transform = files.TryGetValue(ArtifactFormat.Transform, out byte[]? json) ? ArtifactJson.Transform(json, version.Directory, manifest) : null;
        var imputer = files.TryGetValue(ArtifactFormat.Imputer, out byte[]? imputerJson) ? ArtifactJson.Imputer(imputerJson, version.Directory) : null;
        var selector = files.TryGetValue(ArtifactFormat.Selection, out byte[]? selectionJson) ? ArtifactJson.Selection(selectionJson, version.Directory) : null;
        var encodings = files.TryGetValue(ArtifactFormat.TargetEncoding, out byte[]? encodingJson) ? ArtifactJson.TargetEncodings(encodingJson, version.Directory) : null;
        var tokenizer = files.TryGetValue(ArtifactFormat.Tokenizer, out byte[]? tokenizerJson) ? ArtifactJson.Tokenizer(tokenizerJson, version.Directory) : null;
        double[][] reference = ArtifactJson.Reference(files[ArtifactFormat.Reference], version.Directory, manifest);
        AudioReference? audio = files.TryGetValue(ArtifactFormat.AudioReference, out byte[]? audioJson) ? ArtifactJson.AudioReference(audioJson, version.Directory) : null;
        return new OpenedArtifact(root, version.Directory, version.Digest, manifest, files[ArtifactFormat.Weights], transform, reference)
        {
            Imputer = imputer,
            Selector = selector,
            SavedTargetEncodings = encodings,
            Tokenizer = tokenizer,
            AudioReference = audio,
            Onnx = files.TryGetValue(ArtifactFormat.Onnx, out byte[]? onnx) ? onnx : null,
        };
    }

    /// <summary>The features drift is measured on: all of them, or evenly spaced ones for wide rows.</summary>
    internal static int[] MonitoredIndices(int featureLength) =>
        featureLength <= MonitoredFeatures
            ? Enumerable.Range(0, featureLength).ToArray()
            : Enumerable.Range(0, MonitoredFeatures).Select(i => (int)((long)i * featureLength / MonitoredFeatures)).ToArray();

    /// <summary>Per monitored feature, the values of up to <paramref name="limit"/> evenly spaced rows.</summary>
    internal static double[][] MonitoredColumns<TRow>(IReadOnlyList<TRow> rows, int limit = int.MaxValue) where TRow : IDatasetRow<TRow> =>
        FeatureColumns.Of(rows, MonitoredIndices(TRow.FeatureLength), limit);

    private static double[][] ReferenceSample<TRow>(IReadOnlyList<TRow> rows) where TRow : IDatasetRow<TRow> => MonitoredColumns(rows, ReferenceRows);

    /// <summary>
    /// For a model that starts with an audio front end (its rows are waveforms), the clip summaries of up to
    /// <see cref="ReferenceRows"/> evenly spaced training rows; null for any other model.
    /// </summary>
    private static AudioReference? AudioReferenceSample<TRow>(torch.nn.Module model, IReadOnlyList<TRow> rows) where TRow : IDatasetRow<TRow>
    {
        if (MlDsl.Pipelines.AudioFrontEnd.Find(model) is not { } frontEnd || rows.Count == 0) return null;
        int rate = frontEnd.SampleRate;
        return new AudioReference(rate, MlDsl.Audio.Monitoring.ClipSummary.Names.ToArray(), MlDsl.Audio.Monitoring.ClipSummary.Columns(Waveforms(rows, ReferenceRows), rate));
    }

    /// <summary>The feature buffers of up to <paramref name="limit"/> evenly spaced rows: the waveforms an audio model takes.</summary>
    internal static float[][] Waveforms<TRow>(IReadOnlyList<TRow> rows, int limit = int.MaxValue) where TRow : IDatasetRow<TRow>
    {
        int count = Math.Min(rows.Count, limit);
        return Enumerable.Range(0, count).Select(i =>
        {
            var samples = new float[TRow.FeatureLength];
            TRow.WriteFeatures(rows[(int)((long)i * rows.Count / count)], samples);
            return samples;
        }).ToArray();
    }

    // A format-1 export wrote its files straight into the folder, staged beside it in "<name>.staging-<8 hex>"
    // and moved the old one to "<name>.retired-<8 hex>"; the new version replaces all three.
    private static void RemoveLegacyFiles(string root)
    {
        if (Path.GetDirectoryName(root) is { } parent && Directory.Exists(parent))
        {
            string prefix = Path.GetFileName(root) + ".";
            foreach (string sibling in Directory.EnumerateDirectories(parent))
            {
                string name = Path.GetFileName(sibling);
                if (name.StartsWith(prefix, StringComparison.Ordinal) && LegacySibling().IsMatch(name[prefix.Length..]) && new DirectoryInfo(sibling).LinkTarget is null)
                    Directory.Delete(sibling, recursive: true);
            }
        }
        if (!File.Exists(Path.Combine(root, ArtifactFormat.Manifest))) return;
        foreach (string name in ArtifactFormat.LegacyFiles)
        {
            string path = Path.Combine(root, name);
            if (File.Exists(path) && new FileInfo(path).LinkTarget is null) File.Delete(path);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^(staging|retired)-[0-9a-f]{8}$")]
    private static partial System.Text.RegularExpressions.Regex LegacySibling();
}
