using System.Globalization;

namespace MlDsl.Data.Tuning;

/// <summary>One fold's score and sizes.</summary>
public sealed record FoldScore(int Fold, double Score, int TrainRows, int ValidationRows);

/// <summary>Per-fold scores and their mean ± population standard deviation (numpy's <c>scores.std()</c>).</summary>
public sealed record CrossValidationResult(IReadOnlyList<FoldScore> Folds)
{
    public double Mean => Folds.Average(fold => fold.Score);

    public double StandardDeviation => Math.Sqrt(Folds.Average(fold => (fold.Score - Mean) * (fold.Score - Mean)));

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Mean:G4} ± {StandardDeviation:G4} over {Folds.Count} folds");
}
