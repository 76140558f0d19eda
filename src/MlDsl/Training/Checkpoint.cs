using System.Text;
using System.Text.Json;
using MlDsl.Deployment;
using MlDsl.Persistence;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Training;

/// <summary>
/// Everything needed to continue a run after its last finished epoch: the weights (a model file,
/// checked entry by entry against the model), the optimizer's state and the epoch reports so far,
/// with a manifest giving each file's SHA-256. Saved as a new version of a
/// <see cref="VersionedFolder"/> after every epoch, so a crash at any instant leaves the previous or
/// the new checkpoint complete, and resuming verifies everything before a byte is used.
/// </summary>
internal static class Checkpoint
{
    private const int FormatVersion = 2, MaxEpochs = 1_000_000;
    private const string Manifest = "checkpoint.json", Weights = "weights.mldsl", OptimizerState = "optimizer.bin", Progress = "progress.json";
    private const string LegacyProgress = "progress.json";

    private static readonly FolderFormat Format = new("checkpoint", Manifest, [Weights, OptimizerState, Progress], [],
        MaxManifestBytes: 1L << 20, MaxJsonBytes: 256L << 20, MaxFileBytes: Array.MaxLength);

    public static void Save(string directory, nn.Module model, TorchSharp.Modules.OptimizerHelper optimizer, IReadOnlyList<EpochReport> reports, FitOptions options)
    {
        new VersionedFolder(directory, "checkpoint").Commit(version =>
        {
            version.Write(Weights, ModelFile.Serialize(model, model.GetName()));
            using (var state = new MemoryStream())
            {
                using (var writer = new BinaryWriter(state, Encoding.UTF8, leaveOpen: true)) optimizer.save_state_dict(writer);
                version.Write(OptimizerState, state.ToArray());
            }
            version.Write(Progress, JsonSerializer.SerializeToUtf8Bytes(reports.Select(SavedEpoch.From).ToArray()));
            return JsonSerializer.SerializeToUtf8Bytes(new CheckpointManifest(FormatVersion, model.GetName(), reports.Count,
                new Dictionary<string, string>(version.Checksums), DateTime.UtcNow, CheckpointRun.Of(options)));
        }, Manifest);
    }

    /// <summary>Refuses, before any epoch is trained, a file standing where the checkpoint folder goes.</summary>
    /// <exception cref="ArtifactException">Naming the path.</exception>
    public static void CheckFolder(string directory) => new VersionedFolder(directory, "checkpoint").RefuseNonFolder();

    /// <summary>
    /// Finishes or rolls back an interrupted save, then restores the newest complete checkpoint's
    /// weights and optimizer state and returns its epochs' reports; null when no checkpoint was ever
    /// completed (the run starts at epoch 1). Never returns null while a complete checkpoint exists.
    /// </summary>
    /// <exception cref="ArtifactException">
    /// The checkpoint is damaged, modified, malformed (a file with bytes after what it holds included) or of another model or
    /// optimizer, or a file stands where its folder goes.
    /// </exception>
    /// <exception cref="ModelFileException">Its weights do not fit the model.</exception>
    public static List<EpochReport>? Resume(string directory, nn.Module model, TorchSharp.Modules.OptimizerHelper optimizer, FitOptions options)
    {
        var store = new VersionedFolder(directory, "checkpoint");
        if (!store.Exists()) return null;
        using IDisposable guard = store.LockAndRecover();
        VerifiedVersion? version = VerifiedVersion.ReadCurrent(store.Root, Format);
        if (version is null)
        {
            if (File.Exists(Path.Combine(store.Root, LegacyProgress)))
                throw new ArtifactException(store.Root, "holds a checkpoint of an older MlDsl, without checksums: resume it with that version, or delete the folder to start over");
            return null;
        }

        int? format = StrictJson.TopLevelInteger(version.Manifest, nameof(CheckpointManifest.FormatVersion), version.Directory, Manifest);
        if (format != FormatVersion)
            throw new ArtifactException(version.Directory, Manifest, $"format version {format?.ToString() ?? "missing"}; this MlDsl reads version {FormatVersion}");
        CheckpointManifest manifest = StrictJson.Parse<CheckpointManifest>(version.Manifest, version.Directory, Manifest);
        if (manifest.ModelName != model.GetName())
            throw new ArtifactException(version.Directory, Manifest, $"ModelName is '{manifest.ModelName}'; resuming a '{model.GetName()}'");
        if (manifest.Files.FirstOrDefault(pair => pair.Value is null) is { Key: { } entry })
            throw new ArtifactException(version.Directory, Manifest, $"Files['{entry}'] is null; expected a SHA-256 of 64 hex digits");
        // Checkpoints written before the run's options were saved have no Run: they resume as before.
        if (manifest.Run is { } saved && saved.Differences(CheckpointRun.Of(options)) is { Count: > 0 } differences)
            throw new ArtifactException(version.Directory, Manifest, $"was saved by a run with other options: {string.Join(", ", differences)}; resume with the same options, or delete the folder to start over");
        IReadOnlyDictionary<string, byte[]> files = version.VerifyFiles(manifest.Files);

        List<EpochReport> reports = ReadProgress(files[Progress], version.Directory, manifest.Epochs);
        ModelFile.LoadBytes(model, model.GetName(), Path.Combine(version.Directory, Weights), files[Weights]);
        LoadOptimizer(files[OptimizerState], Path.Combine(version.Directory, OptimizerState), version.Directory, optimizer);
        return reports;
    }

    private static List<EpochReport> ReadProgress(byte[] json, string directory, int epochs)
    {
        SavedEpoch[] saved = StrictJson.Parse<SavedEpoch[]>(json, directory, Progress);
        if (epochs is < 1 or > MaxEpochs || saved.Length != epochs)
            throw new ArtifactException(directory, Progress, $"holds {saved.Length} epochs; {Manifest} says {epochs}");
        for (int i = 0; i < saved.Length; i++)
        {
            if (saved[i] is null || saved[i].Epoch != i + 1 || saved[i].Epochs < 1 || !double.IsFinite(saved[i].TrainLoss) || saved[i].Seconds is not (>= 0 and <= 1e9))
                throw new ArtifactException(directory, Progress, $"entry {i}: expected epoch {i + 1} with a finite loss and duration; found {(saved[i] is null ? "null" : $"epoch {saved[i].Epoch}")}");
        }
        return saved.Select(epoch => epoch.ToReport()).ToList();
    }

    private static void LoadOptimizer(byte[] bytes, string path, string directory, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        // The stream starts with the optimizer's type name (as BinaryWriter writes a string): check it
        // here, so a checkpoint of another optimizer is named as such, not as a shape mismatch.
        var header = new BoundedReader(bytes, path);
        string saved = header.ReadString("the optimizer's name", 256);
        if (saved != optimizer.GetType().Name)
            throw new ArtifactException(directory, OptimizerState, $"holds the state of a {saved} optimizer; this run uses {optimizer.GetType().Name}");
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
            optimizer.load_state_dict(reader);
            // The state is read by what it declares, so bytes after it would be ignored without a word: a file holds
            // exactly what was saved, as model files do.
            long read = reader.BaseStream.Position;
            if (read != bytes.Length)
                throw new ArtifactException(directory, OptimizerState, $"holds {bytes.Length} bytes, but the {saved} state ends after {read}; expected nothing after it");
        }
        catch (Exception error) when (error is ArgumentException or IOException or InvalidDataException or NotImplementedException or OverflowException or FormatException)
        {
            throw new ArtifactException(directory, OptimizerState, $"does not fit this run's optimizer: {error.Message}");
        }
    }

    // The manifest: which model, how many epochs, a SHA-256 per file, and the options the run trained with (absent before they were saved).
    private sealed record CheckpointManifest(int FormatVersion, string ModelName, int Epochs, Dictionary<string, string> Files, DateTime CreatedUtc, CheckpointRun? Run = null);

    // NaN does not survive JSON, so scores a run did not measure are stored as null.
    private sealed record SavedEpoch(int Epoch, int Epochs, double TrainLoss, double? TrainAccuracy, double? ValidationLoss, double? ValidationAccuracy, int ValidationCount, double Seconds, double? LearningRate,
        double? TrainMeanAbsoluteError = null, double? ValidationMeanAbsoluteError = null)
    {
        public static SavedEpoch From(EpochReport report) => new(report.Epoch, report.Epochs, report.TrainLoss, Known(report.TrainAccuracy),
            report.Validation?.Loss, Known(report.Validation?.Accuracy), report.Validation?.Count ?? 0, report.Duration.TotalSeconds, Known(report.LearningRate),
            Known(report.TrainMeanAbsoluteError), Known(report.Validation?.MeanAbsoluteError));

        public EpochReport ToReport() => new(Epoch, Epochs, TrainLoss, TrainAccuracy ?? double.NaN,
            ValidationLoss is { } loss
                ? new Evaluation(loss, ValidationAccuracy ?? double.NaN, ValidationCount) { MeanAbsoluteError = ValidationMeanAbsoluteError ?? double.NaN }
                : null,
            TimeSpan.FromSeconds(Seconds), LearningRate ?? double.NaN)
        {
            TrainMeanAbsoluteError = TrainMeanAbsoluteError ?? double.NaN,
        };

        private static double? Known(double? value) => value is { } number && double.IsFinite(number) ? number : null;
    }
}
