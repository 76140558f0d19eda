using MlDsl.Data.Imputation;
using MlDsl.Data.Resampling;
using MlDsl.Data.Selection;
using MlDsl.Data.Splits;
using MlDsl.Pipelines;
using MlDsl.Training;

namespace MlDsl;

/// <summary>
/// Marks a partial class as a pipeline that trains <paramref name="model"/>. The stages are the
/// class's attributes ([Split], [Validate], [TargetEncode], [Transform], [Train], [Analyze], [Gate], [Export], [Monitor]) and its [Ingest] method; the
/// generator emits <c>Definition</c>, <c>Run(options)</c> and <c>RunCommandLine(args)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PipelineAttribute(Type model) : Attribute
{
    public Type Model { get; } = model;
    /// <summary>Names for the label's classes, in class-index order.</summary>
    public string[]? ClassNames { get; set; }
    /// <summary>Whether CSV files given with --data start with a header line.</summary>
    public bool CsvHasHeader { get; set; } = true;
    /// <summary>Lines to skip at the top of CSV files given with --data.</summary>
    public int CsvSkipLines { get; set; }
}

/// <summary>The static method that returns the pipeline's rows.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class IngestAttribute : Attribute;

/// <summary>How the pipeline splits its rows (see <see cref="SplitOptions"/>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SplitAttribute : Attribute
{
    public SplitKind Kind { get; set; } = SplitKind.Random;
    public double Validation { get; set; } = 0.1;
    public double Test { get; set; } = 0.2;
    public int Seed { get; set; } = 42;
}

/// <summary>Which data-validation findings stop the pipeline (see <see cref="MlDsl.Data.Validation.ValidationRules"/>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ValidateAttribute : Attribute
{
    public bool FailOnMissing { get; set; } = true;
    public bool FailOnOverlap { get; set; } = true;
    public bool FailOnShift { get; set; }
    public double MaxMajorityShare { get; set; } = double.NaN;
    public int MinTrainRows { get; set; }
}

/// <summary>How the trained model is analyzed on the test split. The metrics follow the label kind and the slices the [Slice] members.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AnalyzeAttribute : Attribute
{
    /// <summary>Slice values with fewer test rows are listed but not judged: a gap over three rows is noise, not bias.</summary>
    public int MinSliceRows { get; set; } = 1;
}

/// <summary>
/// When <c>monitor</c> calls a feature drifted (see <see cref="MlDsl.Deployment.DriftThresholds"/>): <see cref="Psi"/> at least 0,
/// the others in [0, 1]; a value out of range (or NaN) is refused when <c>monitor</c> compares.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MonitorAttribute : Attribute
{
    public double Psi { get; set; } = 0.25;
    public double KsPValue { get; set; } = 0.01;
    public double KsStatistic { get; set; } = 0.1;
    public double JensenShannon { get; set; } = 0.1;
}

/// <summary>The transform fitted on the training split and applied to every split.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TransformAttribute(TransformKind kind) : Attribute
{
    public TransformKind Kind { get; } = kind;

    /// <summary>
    /// Missing values (NaN) filled first, with statistics of the training split (see
    /// <see cref="MlDsl.Data.Imputation.Imputer"/>; Constant fills 0); the imputer is saved in the
    /// artifact so prediction fills the same way. With imputation on, missing values no longer fail validation.
    /// </summary>
    public ImputeStrategy Impute { get; set; }

    /// <summary>
    /// Keep only the best <c>SelectK</c> features (0, the default, keeps all): a
    /// <see cref="MlDsl.Data.Selection.SelectKBest"/> fitted on the training split after imputation and
    /// before the transform, applied to every split (unselected features set to 0), saved in the
    /// artifact so prediction masks the same features.
    /// </summary>
    public int SelectK { get; set; }

    /// <summary>How <see cref="SelectK"/> scores features; unset: AnovaF for a class label, FRegression for a regression label.</summary>
    public ScoreFunction SelectScore { get; set; }
}

/// <summary>How the model trains (see <see cref="FitOptions"/>); early stopping watches the validation split.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TrainAttribute : Attribute
{
    public int Epochs { get; set; } = 10;
    public int BatchSize { get; set; } = 64;
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;
    public double LearningRate { get; set; } = 1e-3;
    public double WeightDecay { get; set; }
    public int Seed { get; set; } = 42;
    public int Threads { get; set; }
    /// <summary>0 means no early stopping.</summary>
    public int EarlyStoppingPatience { get; set; }
    /// <summary>0 means no clipping.</summary>
    public double GradientClipNorm { get; set; }

    /// <summary>Balances the training rows' classes after the transform (validation and test are never oversampled); see <see cref="MlDsl.Data.Resampling.Oversampler"/>.</summary>
    public OversampleKind Oversample { get; set; }
}

/// <summary>
/// What the model must achieve on the test split, and may cost, to be exported. Unset criteria are
/// not checked; a set criterion the analysis cannot measure (MaxMae on a classifier) fails the gate.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GateAttribute : Attribute
{
    public double MinAccuracy { get; set; } = double.NaN;
    public double MinMacroF1 { get; set; } = double.NaN;
    public double MinRocAuc { get; set; } = double.NaN;
    /// <summary>Every class's (or label's) recall.</summary>
    public double MinClassRecall { get; set; } = double.NaN;
    /// <summary>Multi-label: the share of rows whose whole label set is right.</summary>
    public double MinSubsetAccuracy { get; set; } = double.NaN;
    /// <summary>Regression: mean absolute error, root mean squared error, R².</summary>
    public double MaxMae { get; set; } = double.NaN;
    public double MaxRmse { get; set; } = double.NaN;
    public double MinR2 { get; set; } = double.NaN;
    /// <summary>Every value of every [Slice] member: accuracy (subset accuracy for multi-label).</summary>
    public double MinSliceAccuracy { get; set; } = double.NaN;
    /// <summary>Regression: every value of every [Slice] member's mean absolute error.</summary>
    public double MaxSliceMae { get; set; } = double.NaN;
    /// <summary>The largest difference between values of one slice: accuracy points (MAE for regression).</summary>
    public double MaxBiasGap { get; set; } = double.NaN;
    public double MaxLatencyMs { get; set; } = double.NaN;
    public double MaxModelMegabytes { get; set; } = double.NaN;
}

/// <summary>Where the artifact goes when the gate passes.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ExportAttribute(string directory) : Attribute
{
    public string Directory { get; } = directory;
}

/// <summary>
/// A static method reading rows from a file or folder given with <c>--data</c> (for predict and
/// monitor). Without one, CSV-readable rows are read with CsvFile.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ReadDataAttribute : Attribute;
