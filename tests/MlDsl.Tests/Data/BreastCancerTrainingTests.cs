using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Examples.BreastCancer;
using MlDsl.Training;

namespace MlDsl.Tests.Data;

/// <summary>The whole data path on real data: CSV, split, train-only standardization, the generated Fit.</summary>
public sealed class BreastCancerTrainingTests
{
    [Fact]
    public void The_mlp_trained_through_the_generated_fit_classifies_held_out_tumours()
    {
        DataSplit<Tumour> split = BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
        Standardizer scaler = Standardizer.Fit(split);
        using var model = new TumourMlp(seed: 7);

        model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 30, BatchSize = 32, LearningRate = 3e-3, Seed = 7 });
        Evaluation test = model.Evaluate(scaler.Apply(split.Test));

        Assert.True(test.Accuracy > 0.93, $"test accuracy {test.Accuracy:P2}");
    }
}
