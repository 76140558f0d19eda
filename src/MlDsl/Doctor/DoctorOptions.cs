using MlDsl.Training;

namespace MlDsl.Doctor;

/// <summary>
/// How long each doctor check may train and where its plots go. Defaults keep a whole examination
/// to minutes on a laptop CPU; the optimizer, learning rate, batch size, seed and threads come from
/// <see cref="Training"/>, the options the model will really train with.
/// </summary>
public sealed record DoctorOptions
{
    /// <summary>The options the model is meant to train with (the pipeline's [Train]); the checks judge these.</summary>
    public FitOptions Training { get; init; } = new();

    /// <summary>Which checks run.</summary>
    public DoctorCheck Checks { get; init; } = DoctorCheck.All;

    /// <summary>Folder for plots and image grids; none are written when null.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Class or label names in index order, for titles and the report.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Training steps of the real-input and the zeroed-input model in the baseline check.</summary>
    public int BaselineSteps { get; init; } = 150;

    /// <summary>Rows in the batch the overfit check memorises.</summary>
    public int OverfitRows { get; init; } = 16;

    /// <summary>Most training steps the overfit check may take to reach near-zero loss.</summary>
    public int OverfitSteps { get; init; } = 300;

    /// <summary>Training steps over which gradient and update ratios are averaged.</summary>
    public int GradientSteps { get; init; } = 10;

    /// <summary>Steps of the learning-rate range test, from <see cref="LowestLearningRate"/> to <see cref="HighestLearningRate"/>.</summary>
    public int RangeTestSteps { get; init; } = 100;

    public double LowestLearningRate { get; init; } = 1e-7;

    public double HighestLearningRate { get; init; } = 10;

    /// <summary>Folds of the out-of-fold predictions that label quality judges (stratified, shuffled with the seed).</summary>
    public int Folds { get; init; } = 4;

    /// <summary>Epochs each fold's model trains; <see cref="FitOptions.Epochs"/> of <see cref="Training"/> when null.</summary>
    public int? LabelQualityEpochs { get; init; }

    /// <summary>Label-quality suspects listed in the report and shown in the picture.</summary>
    public int TopSuspects { get; init; } = 16;

    internal void Validate()
    {
        Training.Validate();
        Positive(BaselineSteps, nameof(BaselineSteps));
        Positive(OverfitSteps, nameof(OverfitSteps));
        Positive(GradientSteps, nameof(GradientSteps));
        Positive(TopSuspects, nameof(TopSuspects));
        if (OverfitRows < 1) throw new DoctorException(nameof(OverfitRows), $"OverfitRows = {OverfitRows}; expected at least 1");
        if (RangeTestSteps < 10) throw new DoctorException(nameof(RangeTestSteps), $"RangeTestSteps = {RangeTestSteps}; expected at least 10");
        if (!(LowestLearningRate > 0) || !(HighestLearningRate > LowestLearningRate) || double.IsInfinity(HighestLearningRate))
            throw new DoctorException(nameof(HighestLearningRate), $"the range test sweeps {LowestLearningRate:G3} to {HighestLearningRate:G3}; expected 0 < lowest < highest, both finite");
        if (Folds < 2) throw new DoctorException(nameof(Folds), $"Folds = {Folds}; expected at least 2");
        if (LabelQualityEpochs is < 1) throw new DoctorException(nameof(LabelQualityEpochs), $"LabelQualityEpochs = {LabelQualityEpochs}; expected at least 1");
    }

    private static void Positive(int value, string name)
    {
        if (value < 1) throw new DoctorException(name, $"{name} = {value}; expected at least 1");
    }
}
