using MlDsl.Doctor;
using MlDsl.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Tests.Doctor;

/// <summary>One check of the doctor, with budgets small enough for unit tests.</summary>
internal static class Examination
{
    public static DoctorOptions Options(DoctorCheck check, double learningRate = 1e-2, string? directory = null) => new()
    {
        Checks = check,
        Training = new FitOptions { BatchSize = 32, LearningRate = learningRate, Seed = 3, Threads = 1 },
        BaselineSteps = 120,
        OverfitSteps = 200,
        GradientSteps = 5,
        RangeTestSteps = 60,
        Folds = 3,
        LabelQualityEpochs = 6,
        OutputDirectory = directory,
    };

    public static DoctorFinding Finding<TRow>(DoctorCheck check, Func<long, Module<Tensor, Tensor>> model, IReadOnlyList<TRow> rows, double learningRate = 1e-2)
        where TRow : MlDsl.Data.IDatasetRow<TRow> =>
        Assert.Single(ModelDoctor.Examine(model, rows, Options(check, learningRate)).Findings);
}
