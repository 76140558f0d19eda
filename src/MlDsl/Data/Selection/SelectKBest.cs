using MlDsl.Data.Splits;
using MlDsl.Data.Steps;

namespace MlDsl.Data.Selection;

/// <summary>
/// Keeps the <c>k</c> features that score best against the label on the training rows, as
/// scikit-learn's <c>SelectKBest</c> (same scores, same choice: a NaN score ranks lowest, ties go to
/// the later feature).
/// <para>
/// Design: a dataset row has a fixed feature length (<c>TRow.FeatureLength</c>, written by the
/// generator), so a selector cannot return narrower rows of the same type. <see cref="Apply{TRow}"/>
/// therefore returns rows whose unselected features are set to 0 (masked): a constant input carries
/// no information, so a model trained on masked rows learns only from the selected features, and the
/// row type, the model's input shape and a saved artifact stay as they are. <see cref="Selected"/>
/// and <see cref="SelectedNames"/> say which features were kept, and <see cref="Reduce{TRow}"/> gives
/// just their values (scikit-learn's <c>transform</c>) for code that wants the narrow matrix; declare
/// a narrower [Dataset] when the model itself should shrink.
/// </para>
/// </summary>
public sealed class SelectKBest
{
    internal const string StepName = nameof(SelectKBest);

    private SelectKBest(string[] features, ScoreFunction function, int k, double[] scores, double[] pValues, int[] selected)
    {
        Features = features;
        Function = function;
        K = k;
        Scores = scores;
        PValues = pValues;
        Selected = selected;
    }

    public IReadOnlyList<string> Features { get; }

    public ScoreFunction Function { get; }

    public int K { get; }

    /// <summary>One score per feature (higher is better); NaN where undefined (a constant feature's F).</summary>
    public IReadOnlyList<double> Scores { get; }

    /// <summary>One p-value per feature; NaN for the mutual-information and correlation scores, which have none.</summary>
    public IReadOnlyList<double> PValues { get; }

    /// <summary>Indices of the kept features, ascending.</summary>
    public IReadOnlyList<int> Selected { get; }

    public IReadOnlyList<string> SelectedNames => Selected.Select(index => Features[index]).ToArray();

    /// <summary>Fits on <paramref name="split"/>'s training rows.</summary>
    [LearnsFrom("split")]
    public static SelectKBest Fit<TRow>(DataSplit<TRow> split, ScoreFunction score, int k) where TRow : IDatasetRow<TRow> => Fit(split.Train, score, k);

    /// <summary>Scores every feature on <paramref name="train"/> (training rows only) and keeps the best <paramref name="k"/>.</summary>
    /// <exception cref="DataStepException">
    /// No rows; <paramref name="k"/> outside 1..FeatureLength; a class score on a non-class label or a
    /// regression score on a non-regression label; fewer than two classes (or, for F, no more rows than
    /// classes); chi-squared on a negative feature; a missing (NaN) or infinite feature, or a regression
    /// target that is not a finite number, named with its row (scikit-learn refuses both in X and y).
    /// </exception>
    /// <exception cref="RowDataException">A row's data does not match its declaration (named with its row).</exception>
    [LearnsFrom("train")]
    public static SelectKBest Fit<TRow>(IReadOnlyList<TRow> train, ScoreFunction score, int k) where TRow : IDatasetRow<TRow>
    {
        StepInput.NotEmpty(StepName, nameof(train), train);
        if (k < 1 || k > TRow.FeatureLength)
            throw new DataStepException(StepName, nameof(k), $"k = {k} but {typeof(TRow).Name} has {TRow.FeatureLength} features; expected 1 to {TRow.FeatureLength}");
        double[] y = Labels(train, score);
        float[][] x = StepInput.Features(StepName, train, refuseMissing: true);
        if (score == ScoreFunction.ChiSquare) RefuseNegative<TRow>(x);
        (double[] scores, double[] pValues) = FeatureScores.Compute(score, x, y, TRow.FeatureLength);
        return new SelectKBest(TRow.FeatureNames.ToArray(), score, k, scores, pValues, Choose(scores, k));
    }

    /// <summary>New rows with every unselected feature set to 0 (see the class remarks for why rows are masked, not narrowed).</summary>
    /// <exception cref="InvalidOperationException">The row type's features differ from the ones fitted on.</exception>
    /// <exception cref="DataStepException">A feature is missing (NaN) or infinite, named with its row (scikit-learn's <c>transform</c> refuses both).</exception>
    /// <exception cref="RowDataException">A row's data does not match its declaration (named with its row).</exception>
    public TRow[] Apply<TRow>(IReadOnlyList<TRow> rows) where TRow : IDatasetRow<TRow>
    {
        StepInput.SameFeatures<TRow>(StepName, Features);
        var keep = new bool[Features.Count];
        foreach (int index in Selected) keep[index] = true;
        var buffer = new float[TRow.FeatureLength];
        var result = new TRow[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            StepInput.Read(rows, i, buffer);
            StepInput.Finite<TRow>(StepName, buffer, i, refuseMissing: true);
            for (int f = 0; f < buffer.Length; f++)
                if (!keep[f]) buffer[f] = 0;
            result[i] = TRow.WithFeatures(rows[i], buffer);
        }
        return result;
    }

    /// <summary>Per row, the values of the <see cref="Selected"/> features only: shape [rows, k].</summary>
    /// <exception cref="DataStepException">As <see cref="Apply{TRow}"/>.</exception>
    public float[][] Reduce<TRow>(IReadOnlyList<TRow> rows) where TRow : IDatasetRow<TRow>
    {
        StepInput.SameFeatures<TRow>(StepName, Features);
        var buffer = new float[TRow.FeatureLength];
        var result = new float[rows.Count][];
        for (int i = 0; i < rows.Count; i++)
        {
            StepInput.Read(rows, i, buffer);
            StepInput.Finite<TRow>(StepName, buffer, i, refuseMissing: true);
            result[i] = Selected.Select(index => buffer[index]).ToArray();
        }
        return result;
    }

    /// <summary>Saves the fitted scores and selection as JSON (written beside the target and renamed, so a crash never leaves half a file).</summary>
    /// <exception cref="InvalidDataException">A folder has the file's name, or a file has its folder's; the message names the path and what was expected. No temporary file is left behind.</exception>
    /// <exception cref="IOException">The file cannot be written otherwise (a full disk); no temporary file is left behind.</exception>
    public void Save(string path) =>
        StepFile.Save(path, StepName, new SavedSelection(Features.ToArray(), Function, K, Scores.ToArray(), PValues.ToArray(), Selected.ToArray()));

    /// <exception cref="InvalidDataException">The file is not a saved selector, or its parts disagree.</exception>
    public static SelectKBest Load(string path) => FromJson(StepFile.Read(path, StepName), path);

    /// <summary>A saved selector from its JSON bytes; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a saved selector, or its parts disagree.</exception>
    internal static SelectKBest FromJson(byte[] json, string name)
    {
        SavedSelection state = StepFile.Parse<SavedSelection>(json, name, StepName, saved =>
            saved.Features is null || saved.Scores is null || saved.PValues is null || saved.Selected is null ? "features, scores, p-values or selection missing"
            : saved.Scores.Length != saved.Features.Length || saved.PValues.Length != saved.Features.Length ? $"{saved.Features.Length} features but {saved.Scores.Length} scores and {saved.PValues.Length} p-values"
            : saved.K < 1 || saved.K > saved.Features.Length ? $"k = {saved.K}; expected 1 to the {saved.Features.Length} features"
            : saved.Selected.Length != saved.K || saved.Selected.Any(index => index < 0 || index >= saved.Features.Length) ? $"k = {saved.K} but the selection is [{string.Join(", ", saved.Selected)}]"
            : saved.Selected.Distinct().Count() != saved.K ? $"the selection [{string.Join(", ", saved.Selected)}] names a feature twice; expected {saved.K} different features"
            : null);
        return new SelectKBest(state.Features, state.Function, state.K, state.Scores, state.PValues, state.Selected);
    }

    /// <summary>scikit-learn's choice: NaN scores lowest, a stable ascending sort, the last k (so ties keep the later feature).</summary>
    private static int[] Choose(double[] scores, int k) =>
        Enumerable.Range(0, scores.Length).OrderBy(f => double.IsNaN(scores[f]) ? double.MinValue : scores[f]).TakeLast(k).Order().ToArray();

    private static double[] Labels<TRow>(IReadOnlyList<TRow> train, ScoreFunction score) where TRow : IDatasetRow<TRow>
    {
        bool regression = score is ScoreFunction.FRegression or ScoreFunction.AbsoluteCorrelation;
        if (regression)
        {
            if (TRow.LabelKind != LabelKind.Regression || TRow.ClassCount != 1)
                throw new DataStepException(StepName, nameof(score),
                    $"{score} scores against a numeric label, but {typeof(TRow).Name}.{TRow.LabelName} is a {TRow.LabelKind} label; expected a regression label (use AnovaF, ChiSquare or MutualInformation for classes)");
            if (train.Count < 3)
                throw new DataStepException(StepName, "train", $"{score} needs at least 3 training rows (n - 2 degrees of freedom), got {train.Count}");
            return StepInput.RegressionTargets(StepName, "train", train);
        }
        StepInput.ClassLabel<TRow>(StepName, $"{score}");
        double[] y = train.Select(row => (double)TRow.ReadLabel(row)).ToArray();
        int classes = y.Distinct().Count();
        if (classes < 2)
            throw new DataStepException(StepName, "train", $"{score} compares classes, but the training rows hold only class {y[0]}; expected at least 2 classes");
        if (score == ScoreFunction.AnovaF && train.Count <= classes)
            throw new DataStepException(StepName, "train", $"AnovaF needs more training rows than classes ({train.Count} rows, {classes} classes)");
        return y;
    }

    private static void RefuseNegative<TRow>(float[][] x) where TRow : IDatasetRow<TRow>
    {
        for (int i = 0; i < x.Length; i++)
        {
            int negative = Array.FindIndex(x[i], value => value < 0);
            if (negative >= 0)
                throw new DataStepException(StepName, "score",
                    $"ChiSquare needs non-negative features (counts, frequencies, one-hot), but {typeof(TRow).Name} row {i} has {TRow.FeatureNames[negative]} = {x[i][negative]}; use AnovaF or MutualInformation, or scale to [0, 1] with MinMaxScaler first");
        }
    }

    private sealed record SavedSelection(string[] Features, ScoreFunction Function, int K, double[] Scores, double[] PValues, int[] Selected);
}
