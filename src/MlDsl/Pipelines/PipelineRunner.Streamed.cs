using MlDsl.Analysis;
using MlDsl.Audio.Augmentation;
using MlDsl.Data;
using MlDsl.Data.Streaming;
using MlDsl.Data.Transforms;
using MlDsl.Data.Validation;
using MlDsl.Deployment;
using MlDsl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Pipelines;

public static partial class PipelineRunner
{
    /// <summary>Training rows kept (decoded, untransformed) as the artifact's drift reference when training streams.</summary>
    internal const int StreamedReferenceRows = 2000;

    /// <summary>
    /// <c>run --stream</c>: the rows stay references (CSV shards by byte offset) from ingest to training. The split works on
    /// references, validation and the transform's statistics come from one streaming pass over the training part
    /// (<see cref="SourceReport"/>), training decodes batches on worker threads; only the test part (for analysis and the
    /// gate) and a seeded sample of training rows (the drift reference) are decoded into memory.
    /// </summary>
    private static PipelineRun RunStreamed<TRow, TModel>(PipelineDefinition<TRow, TModel> pipeline, PipelineOptions options, TextWriter log,
        StageRunner stage, Func<DataReport?, FitReport?, IEvaluationReport?, GateVerdict?, string?, int, PipelineRun> finish, List<string> files)
        where TRow : IDatasetRow<TRow>
        where TModel : torch.nn.Module, ITrainableModel<TRow>
    {
        if (pipeline.StreamData is not { } stream)
            throw new CommandLineInputException($"--stream: {pipeline.Name} cannot stream its rows ({typeof(TRow).Name} has no generated CSV reader); run without --stream");
        if (options.DataPath is not { Length: > 0 } data)
            throw new CommandLineInputException($"--stream needs --data: CSV files or folders of CSV shards (several separated by '{Path.PathSeparator}')");
        string? inMemoryOnly = pipeline.TargetEncodings.Count > 0 ? "[TargetEncode(...)]"
            : pipeline.Impute != MlDsl.Data.Imputation.ImputeStrategy.None ? "[Transform(Impute = ...)]"
            : pipeline.SelectK != 0 ? "[Transform(SelectK = ...)]"
            : pipeline.Oversample != MlDsl.Data.Resampling.OversampleKind.None ? "oversampling"
            : pipeline.Transform == TransformKind.ChannelNormalize ? "a channel normalization"
            : AudioAugmentation.Declared<TRow>() is not null ? "[AudioAugment]" : null;
        if (inMemoryOnly is not null)
            throw new CommandLineInputException($"--stream: {pipeline.Name} declares {inMemoryOnly}, which needs the training rows in memory; run without --stream");

        string[] paths = data.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (paths.Length == 0)
            throw new CommandLineInputException($"--data '{data}': names no file or folder; expected CSV files or folders of CSV shards (several separated by '{Path.PathSeparator}')");
        RowSource<TRow> source = stage.Run("ingest", () => stream(paths),
            source => $"{source.Count} {typeof(TRow).Name} rows referenced in {source.ShardStarts.Count} shard(s), decoded on demand");
        if (source.Count == 0) throw new CommandLineInputException($"--data {data}: no rows; expected CSV records after the header");
        MlDsl.Data.Splits.SplitOptions splitOptions = options.Seed is { } seed ? pipeline.Split with { Seed = seed } : pipeline.Split;
        SourceSplit<TRow> split = stage.Run("split", () => source.Split(splitOptions),
            split => $"{splitOptions.Kind}: {split.Train.Count} train / {split.Validation.Count} validation / {split.Test.Count} test (references)");

        SourceReport profile = SourceReport.Analyze(split.Train, seed: splitOptions.Seed);
        string[] problems = Problems(profile, pipeline.Validation);
        stage.Run("validate", () => problems, found => found.Length == 0
            ? $"passed: one streaming pass over {profile.Rows} training rows, {profile.Features.Count} features"
            : "FAILED: " + string.Join("; ", found));
        if (problems.Length > 0) return finish(null, null, null, null, null, 2);

        AffineTransform? transform = stage.Run("transform", () => FitTransform<TRow>(pipeline.Transform, profile),
            fitted => fitted is null ? "none" : $"{fitted.Kind} fitted on the training split (streamed moments)");
        RowSource<TRow> train = Transformed(split.Train, transform), validation = Transformed(split.Validation, transform);

        FitOptions training = pipeline.Training with
        {
            Seed = options.Seed ?? pipeline.Training.Seed,
            Epochs = options.Epochs ?? pipeline.Training.Epochs,
            CheckpointDirectory = Path.Combine(options.OutputDirectory, "checkpoint"),
            Resume = options.Resume,
            Ranks = options.Ranks,
        };
        using TModel model = pipeline.CreateModel(training.Seed);
        var module = (nn.Module<Tensor, Tensor>)(object)model;
        FitReport fit = stage.Run("train", () => TrainingProgress.Run($"training {pipeline.ModelName}", training, log,
                fitOptions => ModelTrainer.Fit(module, train, validation.Count > 0 ? validation : null, fitOptions)),
            fit => $"{fit.Epochs.Count} epochs streamed" + (options.Ranks is { Size: > 1 } ranks ? $" data-parallel on {ranks.Size} ranks" : "")
                + (fit.ResumedAfterEpoch > 0 ? $" (resumed after epoch {fit.ResumedAfterEpoch})" : "")
                + (fit.StoppedEarlyAt is { } stop ? $", stopped early at {stop} (best {fit.BestEpoch})" : "") + $"; {FitDiagnosis.Diagnose(fit).Verdict}");
        if (options.Ranks is { Rank: > 0 }) return finish(null, fit, null, null, null, 0);
        files.Add(PipelinePlots.LearningCurves(fit, options.OutputDirectory));

        TRow[] test = Decode(train: false, Transformed(split.Test, transform), split.Test.Count, splitOptions.Seed);
        TRow[] reference = Decode(train: true, split.Train, Math.Min(split.Train.Count, StreamedReferenceRows), splitOptions.Seed);
        return Conclude(pipeline, options, model, fit, null, test, reference, transform, new PreparationSteps<TRow>([], null, null), files, stage, finish, new Dictionary<string, string>
        {
            ["pipeline"] = pipeline.Name, ["seed"] = training.Seed.ToString(), ["epochs"] = training.Epochs.ToString(),
            ["split"] = splitOptions.ToString(), ["transform"] = pipeline.Transform.ToString(),
            ["impute"] = pipeline.Impute.ToString(), ["oversample"] = pipeline.Oversample.ToString(), ["augment"] = "none",
            ["streamed"] = $"{source.Count} rows in {source.ShardStarts.Count} shard(s); drift reference: {reference.Length} training rows",
        });
    }

    // The streaming pass's verdict, by the rules the in-memory report applies to missing and infinite values.
    private static string[] Problems(SourceReport profile, ValidationRules rules) =>
        profile.Features.SelectMany(feature => new[]
        {
            feature.Infinite > 0 ? $"{feature.Name}: {feature.Infinite} infinite values" : null,
            feature.Missing > 0 && rules.FailOnMissing ? $"{feature.Name}: {feature.Missing} missing values" : null,
        }).OfType<string>().ToArray();

    // Standardize and min-max from the streamed moments and range, as Standardizer and MinMaxScaler compute them from rows in memory.
    private static AffineTransform? FitTransform<TRow>(TransformKind kind, SourceReport profile) where TRow : IDatasetRow<TRow>
    {
        if (kind == TransformKind.None) return null;
        string[] names = TRow.FeatureNames.ToArray();
        var shift = new float[names.Length];
        var scale = new float[names.Length];
        for (int f = 0; f < names.Length; f++)
        {
            StreamedFeature feature = profile.Features[f];
            long present = profile.Rows - feature.Missing - feature.Infinite;
            if (kind == TransformKind.Standardize)
            {
                // The report's deviation is the sample one (n - 1); the standardizer's is the population one.
                double deviation = present > 1 ? feature.StandardDeviation * Math.Sqrt((present - 1.0) / present) : 0;
                shift[f] = present == 0 ? 0 : (float)feature.Mean;
                scale[f] = deviation > 0 ? (float)(1 / deviation) : 1f;
            }
            else
            {
                float min = present == 0 ? 0 : (float)feature.Min, max = present == 0 ? 0 : (float)feature.Max;
                shift[f] = min;
                scale[f] = max > min ? 1 / (max - min) : 1f;
            }
        }
        string name = kind == TransformKind.Standardize ? Standardizer.KindName : MinMaxScaler.KindName;
        return AffineTransform.Create(name, names, shift, scale);
    }

    private static RowSource<TRow> Transformed<TRow>(RowSource<TRow> source, AffineTransform? transform) where TRow : IDatasetRow<TRow> =>
        transform is null ? source : new TransformedSource<TRow>(source, transform);

    // Every row (the test part), or a seeded sample of them (the drift reference), decoded.
    private static TRow[] Decode<TRow>(bool train, RowSource<TRow> source, int count, int seed) where TRow : IDatasetRow<TRow>
    {
        int[] picked = count >= source.Count ? Enumerable.Range(0, source.Count).ToArray()
            : MlDsl.Data.Splits.Splitter.Shuffled(Enumerable.Range(0, source.Count), seed + (train ? 1 : 0)).Take(count).Order().ToArray();
        return picked.Select(source.Read).ToArray();
    }

    /// <summary>A source whose rows pass through a fitted transform as they are decoded.</summary>
    private sealed class TransformedSource<TRow>(RowSource<TRow> inner, AffineTransform transform) : RowSource<TRow> where TRow : IDatasetRow<TRow>
    {
        public override int Count => inner.Count;
        public override IReadOnlyList<int> ShardStarts => inner.ShardStarts;
        public override string Describe(int index) => inner.Describe(index);
        public override int? ClassOf(int index) => inner.ClassOf(index);
        public override string? GroupOf(int index) => inner.GroupOf(index);
        protected override TRow Decode(int index) => transform.Apply([inner.Read(index)])[0];

        internal override void ReadBatch(ReadOnlySpan<int> indices, Span<TRow> rows)
        {
            inner.ReadBatch(indices, rows);
            for (int i = 0; i < rows.Length; i++)
            {
                try
                {
                    rows[i] = transform.Apply([rows[i]])[0];
                }
                catch (Exception problem) when (problem is not RowSourceException and not OutOfMemoryException and not OperationCanceledException)
                {
                    throw new RowSourceException(Describe(indices[i]), indices[i], problem);
                }
            }
        }
    }
}
