using System.Globalization;
using MlDsl.Data;
using MlDsl.Training;

namespace MlDsl.Analysis;

/// <summary>
/// Analysis and prediction for any generated model, whatever its label kind: the report that fits
/// (classification, multi-label, regression) and predictions as text for people and files.
/// </summary>
public static class ModelAnalysis
{
    /// <param name="model">A generated model.</param>
    /// <param name="rows">The rows to judge it on, with their true labels.</param>
    /// <param name="names">Class or label names in index order; indices when null.</param>
    /// <param name="minSliceRows">Slice values with fewer rows are listed but not judged (bias gap, slice floors).</param>
    public static IEvaluationReport Analyze<TRow>(ITrainableModel<TRow> model, IReadOnlyList<TRow> rows, IReadOnlyList<string>? names = null, int minSliceRows = 1)
        where TRow : IDatasetRow<TRow> => model switch
    {
        IClassifier<TRow> classifier => ClassificationReport.Compute(rows, classifier.Predict(rows), names,
            classifier.PredictProbabilities(rows)) with { MinSliceRows = minSliceRows },
        IMultiLabelClassifier<TRow> multiLabel => MultiLabelReport.Compute(rows, multiLabel.Predict(rows), names) with { MinSliceRows = minSliceRows },
        IRegressor<TRow> regressor => RegressionReport.Compute(rows, regressor.Predict(rows)) with { MinSliceRows = minSliceRows },
        _ => throw Unknown(model),
    };

    /// <summary>Each row's prediction as text: a class name, the present labels joined by '|' ("" for none), or the value.</summary>
    public static string[] Describe<TRow>(ITrainableModel<TRow> model, IReadOnlyList<TRow> rows, IReadOnlyList<string>? names = null)
        where TRow : IDatasetRow<TRow> => model switch
    {
        IClassifier<TRow> classifier => DescribeClasses(classifier.Predict(rows), names),
        IMultiLabelClassifier<TRow> multiLabel => DescribeLabels(multiLabel.Predict(rows), names),
        IRegressor<TRow> regressor => DescribeValues(regressor.Predict(rows)),
        _ => throw Unknown(model),
    };

    /// <summary>Class indices as their names (indices when no name is given).</summary>
    internal static string[] DescribeClasses(int[] classes, IReadOnlyList<string>? names) => classes.Select(index => Name(index, names)).ToArray();

    /// <summary>The present labels of each row joined by '|' ("" for none).</summary>
    internal static string[] DescribeLabels(bool[][] present, IReadOnlyList<string>? names) =>
        present.Select(labels => string.Join("|", labels.Select((on, label) => on ? Name(label, names) : null).OfType<string>())).ToArray();

    /// <summary>Predicted values, six significant digits, invariant culture.</summary>
    internal static string[] DescribeValues(float[] values) => values.Select(value => value.ToString("G6", CultureInfo.InvariantCulture)).ToArray();

    private static string Name(int index, IReadOnlyList<string>? names) =>
        names is not null && index < names.Count ? names[index] : index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Predicts one row the way a service would (for latency measurements).</summary>
    public static void PredictOne<TRow>(ITrainableModel<TRow> model, TRow row) where TRow : IDatasetRow<TRow>
    {
        switch (model)
        {
            case IClassifier<TRow> classifier: classifier.Predict(row); break;
            case IMultiLabelClassifier<TRow> multiLabel: multiLabel.Predict(row); break;
            case IRegressor<TRow> regressor: regressor.Predict(row); break;
            default: throw Unknown(model);
        }
    }

    private static ArgumentException Unknown(object model) =>
        new($"{model.GetType().Name} is not a generated classifier, multi-label classifier or regressor", nameof(model));
}
