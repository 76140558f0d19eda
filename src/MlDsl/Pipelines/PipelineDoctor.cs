using MlDsl.Data;
using MlDsl.Data.Encoding;
using MlDsl.Data.Imputation;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Doctor;
using MlDsl.Training;
using TorchSharp;

namespace MlDsl.Pipelines;

/// <summary>
/// A pipeline's <c>doctor</c>: ingest, split, target-encode, impute and transform exactly as <c>run</c> does (fitted on
/// the training split), then <see cref="ModelDoctor"/> on the training rows only, judging the
/// pipeline's own [Train] options. The test split is never read. The report and plots go to the
/// output folder (<c>doctor.md</c>, <c>lr-range-test.png</c>, <c>data-batch.png</c>, <c>label-suspects.png</c>).
/// </summary>
public static class PipelineDoctor
{
    /// <param name="pipeline">The pipeline, usually the generated <c>Definition</c>.</param>
    /// <param name="options">Budgets and checks; its <see cref="DoctorOptions.Training"/> is replaced by the pipeline's [Train] options.</param>
    /// <param name="seed">Overrides the split and training seed.</param>
    /// <param name="dataPath">A file read instead of the pipeline's own ingest.</param>
    public static DoctorReport Run<TRow, TModel>(PipelineDefinition<TRow, TModel> pipeline, DoctorOptions? options = null, int? seed = null, string? dataPath = null)
        where TRow : IDatasetRow<TRow>
        where TModel : torch.nn.Module, ITrainableModel<TRow>
    {
        options ??= new DoctorOptions();
        IReadOnlyList<TRow> rows = dataPath is { } path ? pipeline.Read(path) : pipeline.Ingest();
        SplitOptions split = seed is { } value ? pipeline.Split with { Seed = value } : pipeline.Split;
        DataSplit<TRow> parts = rows.Split(split);
        // The training rows as run prepares them: target-encoded out of fold, filled, transformed.
        IReadOnlyList<TRow> train = pipeline.TargetEncodings.Count == 0 ? parts.Train : TargetEncodingSteps.FitApply(pipeline.TargetEncodings, parts).Encoded.Train;
        if (pipeline.Impute != ImputeStrategy.None) train = Imputer.Fit(parts with { Train = train }, pipeline.Impute).Apply(train);
        AffineTransform? transform = PipelineRunner.FitTransform(pipeline.Transform, parts with { Train = train });
        TRow[] prepared = transform?.Apply(train) ?? train.ToArray();
        FitOptions training = pipeline.Training with
        {
            Seed = seed ?? pipeline.Training.Seed, Verbose = 0, OnEpoch = null, OnBatch = null, CheckpointDirectory = null, Resume = false, EarlyStoppingPatience = null,
        };
        return ModelDoctor.Examine(modelSeed => pipeline.CreateModel(modelSeed) as torch.nn.Module<torch.Tensor, torch.Tensor>
                ?? throw new DoctorException(nameof(pipeline.CreateModel), $"{pipeline.ModelName} is not a Module<Tensor, Tensor>; the doctor trains models that map a batch tensor to outputs"), prepared, options with { Training = training, ClassNames = options.ClassNames ?? pipeline.ClassNames });
    }
}
