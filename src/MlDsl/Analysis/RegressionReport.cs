using System.Globalization;
using System.Text;
using MlDsl.Data;

namespace MlDsl.Analysis;

/// <summary>Errors on the rows sharing one value of a [Slice] member.</summary>
public sealed record SliceErrors(string Slice, string Value, double MeanAbsoluteError, double RootMeanSquaredError, int Count);

/// <summary>
/// How a regression model did: mean absolute error, root mean squared error, R² (1 is perfect, 0 is
/// no better than predicting the mean), the same errors for every value of every [Slice], and the
/// largest MAE gap between values of one slice (the bias gap). R² of a constant target is undefined:
/// NaN, printed "undefined", and "not measured" by the gate.
/// </summary>
public sealed record RegressionReport(double MeanAbsoluteError, double RootMeanSquaredError, double RSquared, int Count, IReadOnlyList<SliceErrors> Slices) : IEvaluationReport
{
    public IReadOnlyDictionary<string, double> Metrics => new Dictionary<string, double>
    {
        ["mae"] = MeanAbsoluteError, ["rmse"] = RootMeanSquaredError, ["r2"] = RSquared, ["bias_gap"] = BiasGap,
    };

    /// <summary>Slice values with fewer rows are listed but not judged: they count neither in the bias gap nor in the gate's slice floors.</summary>
    public int MinSliceRows { get; init; } = 1;

    public IReadOnlyList<SliceScore> SliceScores => Slices.Where(slice => slice.Count >= MinSliceRows).Select(slice => new SliceScore(slice.Slice, slice.Value, "mae", slice.MeanAbsoluteError, slice.Count)).ToArray();

    public string Headline => $"MAE {Undefined.Show(MeanAbsoluteError, "G4")}, RMSE {Undefined.Show(RootMeanSquaredError, "G4")}, R² {Undefined.Show(RSquared, "F3")}";

    public double BiasGap => SliceGroups.LargestGap(SliceScores);

    /// <param name="rows">The rows, with their true targets and slices.</param>
    /// <param name="predicted">The predicted value of each row.</param>
    /// <exception cref="RowDataException">A row's target is not a finite number.</exception>
    /// <exception cref="ArgumentException">No rows, counts differ, a prediction is not finite, or the label is not a regression label.</exception>
    public static RegressionReport Compute<TRow>(IReadOnlyList<TRow> rows, IReadOnlyList<float> predicted) where TRow : IDatasetRow<TRow>
    {
        if (TRow.LabelKind != LabelKind.Regression)
            throw new ArgumentException($"{typeof(TRow).Name} has a {TRow.LabelKind} label; RegressionReport needs a regression label", nameof(rows));
        if (rows.Count != predicted.Count) throw new ArgumentException($"{rows.Count} rows but {predicted.Count} predictions", nameof(predicted));
        if (rows.Count == 0) throw new ArgumentException("no rows to evaluate", nameof(rows));
        double[] actual = ClassLabels.TargetsOf(rows).Select(target => (double)target[0]).ToArray();
        for (int i = 0; i < rows.Count; i++)
        {
            if (!double.IsFinite(actual[i]))
                throw new RowDataException(typeof(TRow).Name, TRow.LabelName, "a finite number", actual[i].ToString(CultureInfo.InvariantCulture), i);
            if (!float.IsFinite(predicted[i]))
                throw new ArgumentException($"prediction {i} is {predicted[i].ToString(CultureInfo.InvariantCulture)}; expected a finite number", nameof(predicted));
        }

        (double mae, double rmse) = Errors(actual, predicted, Enumerable.Range(0, rows.Count));
        double mean = actual.Average();
        double total = actual.Sum(value => (value - mean) * (value - mean));
        // R² of a constant target has a zero denominator: undefined (NaN), not a score of 0.
        double rSquared = total == 0 ? double.NaN : 1 - rmse * rmse * rows.Count / total;
        var slices = SliceGroups.Of(rows).Select(group =>
        {
            (double sliceMae, double sliceRmse) = Errors(actual, predicted, group.Rows);
            return new SliceErrors(group.Slice, group.Value, sliceMae, sliceRmse, group.Rows.Length);
        }).ToList();
        return new RegressionReport(mae, rmse, rSquared, rows.Count, slices);
    }

    private static (double Mae, double Rmse) Errors(double[] actual, IReadOnlyList<float> predicted, IEnumerable<int> indices)
    {
        double absolute = 0, squared = 0;
        int count = 0;
        foreach (int i in indices)
        {
            double error = predicted[i] - actual[i];
            absolute += Math.Abs(error);
            squared += error * error;
            count++;
        }
        return (absolute / count, Math.Sqrt(squared / count));
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"MAE {Undefined.Show(MeanAbsoluteError, "G4")}   RMSE {Undefined.Show(RootMeanSquaredError, "G4")}   R² {Undefined.Show(RSquared, "F3")}   ({Count} rows)\n");
        foreach (var slice in Slices.GroupBy(slice => slice.Slice))
        {
            text.Append("errors by ").Append(slice.Key).Append('\n');
            foreach (SliceErrors value in slice)
                text.Append(CultureInfo.InvariantCulture, $"  {value.Value,-14} MAE {value.MeanAbsoluteError,9:G4}  RMSE {value.RootMeanSquaredError,9:G4}  ({value.Count} rows{SliceGroups.Unjudged(value.Count, MinSliceRows)})\n");
        }
        if (Slices.Count > 0)
            text.Append(CultureInfo.InvariantCulture, $"bias gap (largest MAE difference within a slice): {BiasGap:G4}\n");
        return text.ToString();
    }
}
