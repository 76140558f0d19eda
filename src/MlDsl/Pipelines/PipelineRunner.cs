using System.Diagnostics;
using MlDsl.Analysis;
using MlDsl.Audio.Augmentation;
using MlDsl.Data;
using MlDsl.Data.Csv;
using MlDsl.Data.Encoding;
using MlDsl.Data.Imputation;
using MlDsl.Data.Resampling;
using MlDsl.Data.Selection;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Data.Validation;
using MlDsl.Deployment;
using MlDsl.Training;
using TorchSharp;

namespace MlDsl.Pipelines;

/// <summary>
/// Runs a pipeline's stages in order: ingest, split, target-encode, validate, impute, select and transform (fitted on the
/// training split), oversample (training rows only), train (validation split for early stopping, never test), analyze on test against the
/// majority baseline, gate (metrics, slices, latency, size), export. A failed validation or gate stops
/// the run before export and says why; every stage's outcome and time go into the run report.
/// </summary>
public static partial class PipelineRunner
{
    /// <exception cref="PipelineDefinitionException">An option of <paramref name="pipeline"/> is out of range (a [Monitor] threshold, a share, fraction or count), before anything is read.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option of <paramref name="options"/> is out of range.</exception>
    public static PipelineRun Run<TRow, TModel>(PipelineDefinition<TRow, TModel> pipeline, PipelineOptions options, TextWriter? log = null)
        where TRow : IDatasetRow<TRow>
        where TModel : torch.nn.Module, ITrainableModel<TRow>
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        PipelineDefinitionChecks.Check(pipeline);
        // With ranks, the others compute what rank 0 computes but say and write nothing: rank 0 speaks for the run.
        bool writes = options.Ranks is not { Rank: > 0 };
        log = !writes ? TextWriter.Null : log ?? (options.Quiet ? TextWriter.Null : Console.Out);
        Directory.CreateDirectory(options.OutputDirectory);
        var stages = new List<StageReport>();
        var files = new List<string>();
        T Stage<T>(string name, Func<T> work, Func<T, string> outcome)
        {
            var clock = Stopwatch.StartNew();
            T result = work();
            stages.Add(new StageReport(name, outcome(result), clock.Elapsed));
            log.WriteLine($"[{name}] {stages[^1].Outcome} ({clock.Elapsed.TotalSeconds:F1} s)");
            return result;
        }
        PipelineRun Finish(DataReport? data, FitReport? fit, IEvaluationReport? test, GateVerdict? gate, string? artifact, int exit)
        {
            var run = new PipelineRun(pipeline.Name, stages, data, fit, test, gate, artifact, files, exit);
            if (!writes) return run;
            string report = Path.Combine(options.OutputDirectory, "report.md");
            MlDsl.Persistence.AtomicFile.WriteAllText(report, run.ToString());
            files.Add(report);
            return run;
        }

        if (options.Stream) return RunStreamed(pipeline, options, log, new StageRunner(Stage<object?>), Finish, files);
        IReadOnlyList<TRow> rows = Stage("ingest", () => Ingest(pipeline, options), rows => $"{rows.Count} {typeof(TRow).Name} rows");
        SplitOptions splitOptions = options.Seed is { } seed ? pipeline.Split with { Seed = seed } : pipeline.Split;
        DataSplit<TRow> split = Stage("split", () => rows.Split(splitOptions),
            split => $"{splitOptions.Kind}: {split.Train.Count} train / {split.Validation.Count} validation / {split.Test.Count} test");
        // Target encodings first, fitted on the training rows only; every later fitted step sees the encoded features the model will.
        (DataSplit<TRow> encoded, TargetEncoding<TRow>[] encodings) = pipeline.TargetEncodings.Count == 0 ? (split, [])
            : Stage("encode", () => TargetEncodingSteps.FitApply(pipeline.TargetEncodings, split),
                fitted => $"{TargetEncodingSteps.Describe(fitted.Encodings)}: training rows out of fold, fitted on the training split");
        // Validation reads the training rows with the fitted table, as serving would encode them: their out-of-fold encodings
        // would hide a training row repeated in validation or test, and the raw rows hold no category at all in the feature.
        DataSplit<TRow> validated = encodings.Length == 0 ? split : encoded with { Train = TargetEncodingSteps.Apply(encodings, split.Train) };
        // Missing values are expected, not a failure, when the pipeline fills them.
        ValidationRules rules = pipeline.Impute == ImputeStrategy.None ? pipeline.Validation : pipeline.Validation with { FailOnMissing = false };
        DataReport data = Stage("validate", () => DataReport.Analyze(validated, rules), report => report.Passed ? $"passed, {report.Warnings.Count} warnings" : "FAILED: " + string.Join("; ", report.Failures));
        if (!data.Passed) return Finish(data, null, null, null, null, 2);

        Imputer? imputer = pipeline.Impute == ImputeStrategy.None ? null
            : Stage("impute", () => Imputer.Fit(encoded, pipeline.Impute), fitted => $"{fitted.Strategy} fitted on the training split");
        DataSplit<TRow> filled = imputer is null ? encoded
            : encoded with { Train = imputer.Apply(encoded.Train), Validation = imputer.Apply(encoded.Validation), Test = imputer.Apply(encoded.Test) };
        // Feature selection on the filled training split only; the transform is then fitted on the selected (masked) rows.
        SelectKBest? selector = pipeline.SelectK == 0 ? null
            : Stage("select", () => SelectKBest.Fit(filled, SelectionScore(pipeline), pipeline.SelectK),
                fitted => $"{fitted.Function}: {fitted.K} of {fitted.Features.Count} features kept ({string.Join(", ", fitted.SelectedNames.Take(5))}{(fitted.K > 5 ? ", ..." : "")}), fitted on the training split");
        DataSplit<TRow> selected = selector is null ? filled
            : filled with { Train = selector.Apply(filled.Train), Validation = selector.Apply(filled.Validation), Test = selector.Apply(filled.Test) };
        AffineTransform? transform = Stage("transform", () => FitTransform(pipeline.Transform, selected), fitted => fitted is null ? "none" : $"{fitted.Kind} fitted on the training split");
        TRow[] Apply(IReadOnlyList<TRow> part) => transform?.Apply(part) ?? part.ToArray();
        TRow[] train = Apply(selected.Train), validation = Apply(selected.Validation), test = Apply(selected.Test);
        if (pipeline.Oversample != OversampleKind.None)
        {
            int before = train.Length;
            train = Stage("oversample", () => Oversample(pipeline.Oversample, train, splitOptions.Seed), rows => $"{pipeline.Oversample}: {before} -> {rows.Length} training rows");
        }
        // Waveform augmentation declared on the dataset ([AudioAugment]): the training rows only, after balancing, so copies are never split apart.
        AudioAugmentOptions? augment = AudioAugmentation.Declared<TRow>() is { } declared ? declared with { Seed = options.Seed ?? declared.Seed } : null;
        if (augment is not null)
        {
            int before = train.Length;
            train = Stage("augment", () => AudioAugmentation.Augment(train, augment), rows => $"{augment.Member}: {before} -> {rows.Length} training rows");
        }

        FitOptions training = pipeline.Training with
        {
            Seed = options.Seed ?? pipeline.Training.Seed,
            Epochs = options.Epochs ?? pipeline.Training.Epochs,
            CheckpointDirectory = Path.Combine(options.OutputDirectory, "checkpoint"),
            Resume = options.Resume,
            Threads = options.Threads ?? pipeline.Training.Threads,
            Device = options.Device ?? pipeline.Training.Device,
            Ranks = options.Ranks,
        };
        using TModel model = pipeline.CreateModel(training.Seed);
        FitReport fit = Stage("train", () => TrainingProgress.Run($"training {pipeline.ModelName}", training, log,
                fitOptions => model.Fit(train, validation.Length > 0 ? validation : null, fitOptions)),
            fit => $"{fit.Epochs.Count} epochs" + (options.Ranks is { Size: > 1 } ranks ? $" data-parallel on {ranks.Size} ranks" : "") + (fit.ResumedAfterEpoch > 0 ? $" (resumed after epoch {fit.ResumedAfterEpoch})" : "") + (fit.StoppedEarlyAt is { } stop ? $", stopped early at {stop} (best {fit.BestEpoch})" : "")
                + $"; {FitDiagnosis.Diagnose(fit).Verdict}");
        // Every rank holds the same trained weights; what follows only reports and exports them.
        if (!writes) return Finish(data, fit, null, null, null, 0);
        files.Add(PipelinePlots.LearningCurves(fit, options.OutputDirectory));

        return Conclude(pipeline, options, model, fit, data, test, filled.Train, transform, new PreparationSteps<TRow>(encodings, imputer, selector), files, new StageRunner(Stage<object?>), Finish, new Dictionary<string, string>
        {
            ["pipeline"] = pipeline.Name, ["seed"] = training.Seed.ToString(), ["epochs"] = training.Epochs.ToString(),
            ["split"] = splitOptions.ToString(), ["transform"] = pipeline.Transform.ToString(),
            ["encode"] = encodings.Length == 0 ? "none" : string.Join(", ", encodings.Select(encoding => encoding.Column.Name)),
            ["impute"] = pipeline.Impute.ToString(), ["oversample"] = pipeline.Oversample.ToString(),
            ["select"] = selector is null ? "none" : $"{selector.Function} k={selector.K}",
            ["augment"] = augment is null ? "none" : augment.ToString(),
        });
    }

    /// <summary>Runs one stage, timing and logging it.</summary>
    private sealed class StageRunner(Func<string, Func<object?>, Func<object?, string>, object?> run)
    {
        public T Run<T>(string name, Func<T> work, Func<T, string> outcome) => (T)run(name, () => work(), result => outcome((T)result!))!;
    }

    // The stages after training, the same for rows in memory and streamed rows: analyze on the test rows, gate, export.
    private static PipelineRun Conclude<TRow, TModel>(PipelineDefinition<TRow, TModel> pipeline, PipelineOptions options, TModel model, FitReport fit,
        DataReport? data, TRow[] test, IReadOnlyList<TRow> reference, AffineTransform? transform, PreparationSteps<TRow> steps, List<string> files,
        StageRunner stages, Func<DataReport?, FitReport?, IEvaluationReport?, GateVerdict?, string?, int, PipelineRun> finish, Dictionary<string, string> metadata)
        where TRow : IDatasetRow<TRow>
        where TModel : torch.nn.Module, ITrainableModel<TRow>
    {
        IEvaluationReport report = stages.Run("analyze", () => ModelAnalysis.Analyze(model, test, pipeline.ClassNames, pipeline.MinSliceRows),
            report => $"test {report.Headline} ({fit.BaselineDescription})");
        if (report is ClassificationReport classes)
        {
            files.Add(PipelinePlots.Confusion(classes, options.OutputDirectory));
            if (PipelinePlots.PrecisionRecall(classes, options.OutputDirectory) is { } precisionRecall) files.Add(precisionRecall);
            if (PipelinePlots.Reliability(classes, options.OutputDirectory) is { } reliability) files.Add(reliability);
        }
        if (PipelinePlots.Slices(report, options.OutputDirectory) is { } slices) files.Add(slices);
        if (PipelinePlots.Spectrograms(model, test, pipeline.ClassNames, options.OutputDirectory) is { } spectrograms) files.Add(spectrograms);

        DeploymentMeasurements measured = Measure(model, test, options.OutputDirectory);
        GateVerdict gate = stages.Run("gate", () => pipeline.Gate.Check(report, measured),
            verdict => (verdict.Passed ? "passed" : "FAILED: " + string.Join("; ", verdict.Failures)) + $" ({measured})");
        if (!gate.Passed) return finish(data, fit, report, gate, null, 4);

        string artifact = stages.Run("export", () =>
        {
            // The drift reference is the filled training rows: JSON holds no NaN, and filled rows are what the model's preprocessing sees.
            ModelArtifact.Export(pipeline.ExportDirectory, model, pipeline.ModelName, new ArtifactContents<TRow>(reference, report, pipeline.ClassNames, transform, metadata) { TargetEncodings = steps.TargetEncodings, Imputer = steps.Imputer, Selector = steps.Selector });
            return Path.GetFullPath(pipeline.ExportDirectory);
        }, path => path);
        return finish(data, fit, report, gate, artifact, 0);
    }

    /// <summary>The fitted steps before the transform that travel in the artifact; none for streamed rows.</summary>
    private sealed record PreparationSteps<TRow>(IReadOnlyList<TargetEncoding<TRow>> TargetEncodings, Imputer? Imputer, SelectKBest? Selector) where TRow : IDatasetRow<TRow>;

    /// <summary>The declared score, or scikit-learn's usual one for the label: ANOVA F for classes, F of the regression for a value.</summary>
    private static ScoreFunction SelectionScore<TRow, TModel>(PipelineDefinition<TRow, TModel> pipeline)
        where TRow : IDatasetRow<TRow> where TModel : torch.nn.Module, ITrainableModel<TRow> =>
        pipeline.SelectScore ?? (TRow.LabelKind == LabelKind.Regression ? ScoreFunction.FRegression : ScoreFunction.AnovaF);

    private static IReadOnlyList<TRow> Ingest<TRow, TModel>(PipelineDefinition<TRow, TModel> pipeline, PipelineOptions options)
        where TRow : IDatasetRow<TRow> where TModel : torch.nn.Module, ITrainableModel<TRow> =>
        options.DataPath is { } path ? pipeline.Read(path) : pipeline.Ingest();

    private static TRow[] Oversample<TRow>(OversampleKind kind, TRow[] train, int seed) where TRow : IDatasetRow<TRow> => kind switch
    {
        OversampleKind.Random => Oversampler.Random(train, seed),
        OversampleKind.Smote => Oversampler.Smote(train, seed: seed),
        _ => train,
    };

    internal static AffineTransform? FitTransform<TRow>(TransformKind kind, DataSplit<TRow> split) where TRow : IDatasetRow<TRow> => kind switch
    {
        TransformKind.Standardize => Standardizer.Fit(split),
        TransformKind.MinMax => MinMaxScaler.Fit(split),
        TransformKind.ChannelNormalize => ChannelNormalizer.Fit(split),
        _ => null,
    };

    /// <summary>Median single-row prediction latency, the saved model's size, and the memory its weights and buffers hold.</summary>
    private static DeploymentMeasurements Measure<TRow, TModel>(TModel model, IReadOnlyList<TRow> rows, string directory)
        where TRow : IDatasetRow<TRow> where TModel : torch.nn.Module, ITrainableModel<TRow>
    {
        var times = new List<double>();
        // One row is served on one thread: libtorch's worker threads only fight other processes for the
        // cores (measured: 0.7 ms at one thread, 71 ms at two beside a busy process), so the gate measures
        // latency as a server that sets one thread would see it.
        int threads = torch.get_num_threads();
        torch.set_num_threads(1);
        try
        {
            for (int i = 0; i < 40; i++)
            {
                var clock = Stopwatch.StartNew();
                ModelAnalysis.PredictOne(model, rows[i % rows.Count]);
                if (i >= 10) times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        finally
        {
            torch.set_num_threads(threads);
        }
        times.Sort();
        string file = Path.Combine(directory, "size-probe.mldsl");
        model.Save(file);
        long bytes = new FileInfo(file).Length;
        File.Delete(file);
        long memory = model.parameters().Concat(model.buffers()).Sum(tensor => tensor.numel() * tensor.ElementSize);
        return new DeploymentMeasurements(times[times.Count / 2], bytes) { ModelMemoryBytes = memory };
    }
}
