using MlDsl.Data.Splits;
using MlDsl.Data.Steps;

namespace MlDsl.Data.Encoding;

/// <summary>
/// Target encoding of a categorical column, as scikit-learn 1.3's <c>TargetEncoder</c>
/// (sklearn/preprocessing/_target_encoder.py and _target_encoder_fast.pyx; Micci-Barreca, "A
/// preprocessing scheme for high-cardinality categorical attributes", SIGKDD Explorations 2001).
/// Each category c is encoded as its shrunk target mean, with y the training targets (class 1 as 1,
/// class 0 as 0 for a binary label; the value for regression), ȳ their mean and n_c the category's rows:
/// <list type="bullet">
/// <item>smooth = m: <c>(Σ_c y + m ȳ) / (n_c + m)</c> (eq. 7);</item>
/// <item>smooth = auto: <c>λ_c ȳ_c + (1 - λ_c) ȳ</c> with <c>λ_c = n_c var(y) / (n_c var(y) + var_c(y))</c>,
/// population variances, and ȳ when λ_c is undefined (eq. 5-6).</item>
/// </list>
/// Encoding the training rows with a table learned from those same rows leaks each row's own label
/// into its feature, so <see cref="FitApply{TRow}"/> encodes them out of fold (cross fitting): the rows
/// are cut into folds and each fold is encoded by a table fitted on the other folds, exactly as
/// <c>fit_transform</c> does. Validation, test and new rows use the table fitted on all training
/// rows (<c>transform</c>); a category never seen in training gets ȳ.
/// </summary>
public static class TargetEncoder
{
    internal const string StepName = nameof(TargetEncoder);

    /// <summary>Fits the encoding on <paramref name="split"/>'s training rows.</summary>
    [LearnsFrom("split")]
    public static TargetEncoding<TRow> Fit<TRow>(DataSplit<TRow> split, CategoricalColumn<TRow> column, TargetEncoderOptions? options = null)
        where TRow : IDatasetRow<TRow> => Fit(split.Train, column, options);

    /// <summary>Fits the encoding on <paramref name="train"/>, which must be training rows only.</summary>
    /// <exception cref="DataStepException">No rows; a label that is neither binary nor regression; a regression target that is not a finite number; a null category; a negative or infinite smooth.</exception>
    [LearnsFrom("train")]
    public static TargetEncoding<TRow> Fit<TRow>(IReadOnlyList<TRow> train, CategoricalColumn<TRow> column, TargetEncoderOptions? options = null)
        where TRow : IDatasetRow<TRow>
    {
        options ??= new TargetEncoderOptions();
        (string[] categories, double[] y) = Read(train, column, options);
        (Dictionary<string, double> table, double mean) = Table(categories, y, Enumerable.Range(0, y.Length), options.Smooth);
        return new TargetEncoding<TRow>(column, table, mean, options.Smooth);
    }

    /// <summary>
    /// Fits on <paramref name="train"/> (training rows only) and returns the fitted encoding with the
    /// training rows encoded out of fold (scikit-learn's <c>fit_transform</c>): train the model on
    /// <see cref="TargetEncoded{TRow}.Train"/>, apply <see cref="TargetEncoded{TRow}.Encoder"/> to validation and test.
    /// </summary>
    /// <exception cref="DataStepException">As <see cref="Fit{TRow}(IReadOnlyList{TRow}, CategoricalColumn{TRow}, TargetEncoderOptions?)"/>, or more folds than rows.</exception>
    [LearnsFrom("train")]
    public static TargetEncoded<TRow> FitApply<TRow>(IReadOnlyList<TRow> train, CategoricalColumn<TRow> column, TargetEncoderOptions? options = null)
        where TRow : IDatasetRow<TRow>
    {
        options ??= new TargetEncoderOptions();
        (string[] categories, double[] y) = Read(train, column, options);
        (Dictionary<string, double> table, double mean) = Table(categories, y, Enumerable.Range(0, y.Length), options.Smooth);
        var foldOptions = new FoldOptions { Folds = options.Folds, Shuffle = options.Shuffle, Seed = options.Seed };
        int[] foldOf = TRow.LabelKind == LabelKind.Class
            ? Folds.StratifiedByLabel(train.Select(TRow.ReadLabel).ToArray(), foldOptions)
            : Folds.KFold(train.Count, foldOptions);
        var encoded = new TRow[train.Count];
        foreach (Fold fold in Folds.FromAssignment(foldOf, options.Folds))
        {
            (Dictionary<string, double> foldTable, double foldMean) = Table(categories, y, fold.Train, options.Smooth);
            foreach (int i in fold.Validation)
                encoded[i] = column.Write(train[i], (float)foldTable.GetValueOrDefault(categories[i], foldMean));
        }
        return new TargetEncoded<TRow>(new TargetEncoding<TRow>(column, table, mean, options.Smooth), encoded);
    }

    /// <summary>Loads an encoding saved by <see cref="TargetEncoding{TRow}.Save"/>, for <paramref name="column"/> (checked by name).</summary>
    /// <exception cref="InvalidDataException">The file is not a saved target encoding, or was saved for another column.</exception>
    public static TargetEncoding<TRow> Load<TRow>(string path, CategoricalColumn<TRow> column) where TRow : IDatasetRow<TRow>
    {
        SavedTargetEncoding state = StepFile.Load<SavedTargetEncoding>(path, StepName, saved =>
            saved.Problem() ?? (saved.Column != column.Name ? $"saved for column {saved.Column}, loaded for {column.Name}" : null));
        return state.For(column);
    }

    private static (string[] Categories, double[] Y) Read<TRow>(IReadOnlyList<TRow> train, CategoricalColumn<TRow> column, TargetEncoderOptions options)
        where TRow : IDatasetRow<TRow>
    {
        StepInput.NotEmpty(StepName, nameof(train), train);
        if (options.Smooth is { } smooth && !(smooth >= 0 && double.IsFinite(smooth)))
            throw new DataStepException(StepName, nameof(options.Smooth),
                $"Smooth = {smooth.ToString(System.Globalization.CultureInfo.InvariantCulture)}; expected a finite weight of 0 or more (an infinite weight makes every encoding ∞/∞ = NaN), or null for auto");
        if (options.Folds < 2)
            throw new DataStepException(StepName, nameof(options.Folds), $"Folds = {options.Folds}; expected at least 2");
        bool binary = TRow.LabelKind == LabelKind.Class && TRow.ClassCount == 2;
        bool continuous = TRow.LabelKind == LabelKind.Regression && TRow.ClassCount == 1;
        if (!binary && !continuous)
            throw new DataStepException(StepName, "TRow",
                $"{typeof(TRow).Name}.{TRow.LabelName} is a {TRow.LabelKind} label with {TRow.ClassCount} outputs; expected a binary class label or a single regression value");
        var categories = new string[train.Count];
        double[] y = binary ? train.Select(row => (double)TRow.ReadLabel(row)).ToArray() : StepInput.RegressionTargets(StepName, nameof(train), train);
        for (int i = 0; i < train.Count; i++)
            categories[i] = column.Category(train[i])
                ?? throw new DataStepException(StepName, column.Name, $"{typeof(TRow).Name} row {i}: {column.Name} is null; expected a category (name missing values, e.g. \"(missing)\")");
        return (categories, y);
    }

    /// <summary>The encoding of every category among <paramref name="rows"/>, and their target mean.</summary>
    private static (Dictionary<string, double> Table, double Mean) Table(string[] categories, double[] y, IEnumerable<int> rows, double? smooth)
    {
        int[] members = rows.ToArray();
        double mean = members.Average(i => y[i]);
        double variance = members.Average(i => (y[i] - mean) * (y[i] - mean));
        var table = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var category in members.GroupBy(i => categories[i], StringComparer.Ordinal))
        {
            int n = category.Count();
            double sum = category.Sum(i => y[i]);
            if (smooth is { } m)
            {
                table[category.Key] = (sum + m * mean) / (n + m);
                continue;
            }
            double categoryMean = sum / n;
            double within = category.Sum(i => (y[i] - categoryMean) * (y[i] - categoryMean)) / n;
            double lambda = variance * n / (variance * n + within);
            table[category.Key] = double.IsNaN(lambda) ? mean : lambda * categoryMean + (1 - lambda) * mean;
        }
        return (table, mean);
    }
}
