namespace MlDsl.Doctor;

/// <summary>The checks <see cref="ModelDoctor"/> can run; combine them to run a subset.</summary>
[Flags]
public enum DoctorCheck
{
    None = 0,
    InitialLoss = 1,
    InputBaseline = 2,
    OverfitBatch = 4,
    GradientFlow = 8,
    LearningRateRange = 16,
    DataView = 32,
    LabelQuality = 64,
    All = InitialLoss | InputBaseline | OverfitBatch | GradientFlow | LearningRateRange | DataView | LabelQuality,
}
