using System.Globalization;
using MlDsl.Data.Splits;
using MlDsl.Data.Steps;

namespace MlDsl.Data.Imputation;

/// <summary>
/// Fills missing feature values (NaN) with a statistic learned from the training rows only, as
/// scikit-learn's <c>SimpleImputer</c> does. Fit on training rows, then <see cref="Apply{TRow}(IReadOnlyList{TRow})"/>
/// to every split: validation and test rows are filled with the training statistics, never their own.
/// A feature with no present value in the training rows is filled with 0 (scikit-learn's
/// <c>keep_empty_features=True</c>: a fixed-length row cannot drop it). The fitted state saves to
/// JSON and travels in a pipeline's artifact, so prediction fills exactly as training did.
/// </summary>
public sealed class Imputer
{
    internal const string StepName = nameof(Imputer);

    private Imputer(string[] features, ImputeStrategy strategy, float[] statistics, int[] indicatorFeatures)
    {
        Features = features;
        Strategy = strategy;
        Statistics = statistics;
        IndicatorFeatures = indicatorFeatures;
    }

    /// <summary>The feature names of the rows it was fitted on.</summary>
    public IReadOnlyList<string> Features { get; }

    public ImputeStrategy Strategy { get; }

    /// <summary>The fill value per feature (scikit-learn's <c>statistics_</c>), one per feature.</summary>
    public IReadOnlyList<float> Statistics { get; }

    /// <summary>Indices of the features that get a missing indicator (those missing in training); empty without <see cref="ImputerOptions.AddMissingIndicator"/>.</summary>
    public IReadOnlyList<int> IndicatorFeatures { get; }

    /// <summary>Fits on <paramref name="split"/>'s training rows with <paramref name="strategy"/>.</summary>
    /// <exception cref="DataStepException">The training split is empty, or the strategy is <see cref="ImputeStrategy.None"/>.</exception>
    [LearnsFrom("split")]
    public static Imputer Fit<TRow>(DataSplit<TRow> split, ImputeStrategy strategy) where TRow : IDatasetRow<TRow> =>
        Fit(split.Train, new ImputerOptions { Strategy = strategy });

    /// <summary>Fits on <paramref name="split"/>'s training rows.</summary>
    [LearnsFrom("split")]
    public static Imputer Fit<TRow>(DataSplit<TRow> split, ImputerOptions options) where TRow : IDatasetRow<TRow> => Fit(split.Train, options);

    /// <summary>Fits on <paramref name="train"/>, which must be training rows only, with <paramref name="strategy"/>.</summary>
    [LearnsFrom("train")]
    public static Imputer Fit<TRow>(IReadOnlyList<TRow> train, ImputeStrategy strategy) where TRow : IDatasetRow<TRow> =>
        Fit(train, new ImputerOptions { Strategy = strategy });

    /// <summary>Fits on <paramref name="train"/>, which must be training rows only.</summary>
    /// <exception cref="DataStepException">
    /// <paramref name="train"/> is empty or holds an infinite feature (scikit-learn's SimpleImputer refuses
    /// infinity too); the strategy is <see cref="ImputeStrategy.None"/> or unknown; a Constant FillValue is not finite.
    /// </exception>
    /// <exception cref="RowDataException">A row's data does not match its declaration (named with its row).</exception>
    [LearnsFrom("train")]
    public static Imputer Fit<TRow>(IReadOnlyList<TRow> train, ImputerOptions options) where TRow : IDatasetRow<TRow>
    {
        if (options.Strategy is not (ImputeStrategy.Mean or ImputeStrategy.Median or ImputeStrategy.MostFrequent or ImputeStrategy.Constant))
            throw new DataStepException(StepName, nameof(options.Strategy),
                $"strategy {options.Strategy} fills nothing; expected Mean, Median, MostFrequent or Constant");
        if (options.Strategy == ImputeStrategy.Constant && !float.IsFinite(options.FillValue))
            throw new DataStepException(StepName, nameof(options.FillValue),
                $"FillValue = {options.FillValue.ToString(CultureInfo.InvariantCulture)} would leave every missing value non-finite; expected a finite number");
        StepInput.NotEmpty(StepName, nameof(train), train);
        float[][] rows = StepInput.Features(StepName, train, refuseMissing: false);
        double[][] columns = Enumerable.Range(0, TRow.FeatureLength).Select(f => rows.Select(row => (double)row[f]).ToArray()).ToArray();
        var statistics = new float[columns.Length];
        var indicators = new List<int>();
        for (int f = 0; f < columns.Length; f++)
        {
            double[] present = columns[f].Where(value => !double.IsNaN(value)).ToArray();
            if (present.Length < columns[f].Length && options.AddMissingIndicator) indicators.Add(f);
            statistics[f] = options.Strategy == ImputeStrategy.Constant ? options.FillValue : (float)Statistic(options.Strategy, present);
        }
        return new Imputer(TRow.FeatureNames.ToArray(), options.Strategy, statistics, indicators.ToArray());
    }

    /// <summary>New rows with every missing feature filled; present values are untouched.</summary>
    /// <exception cref="InvalidOperationException">The row type's features differ from the ones fitted on.</exception>
    /// <exception cref="DataStepException">A feature is infinite (as scikit-learn's <c>transform</c>, which refuses infinity), named with its row.</exception>
    /// <exception cref="RowDataException">A row's data does not match its declaration (named with its row).</exception>
    public TRow[] Apply<TRow>(IReadOnlyList<TRow> rows) where TRow : IDatasetRow<TRow> => Apply(rows, null);

    /// <summary>
    /// New rows with every missing feature filled, then <paramref name="withIndicators"/> called with
    /// each filled row and its indicators (one 0/1 float per <see cref="IndicatorFeatures"/> entry, 1 = was
    /// missing) so they can be written into a feature member of the row.
    /// </summary>
    public TRow[] Apply<TRow>(IReadOnlyList<TRow> rows, Func<TRow, float[], TRow>? withIndicators) where TRow : IDatasetRow<TRow>
    {
        StepInput.SameFeatures<TRow>(StepName, Features);
        var buffer = new float[TRow.FeatureLength];
        var result = new TRow[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            StepInput.Read(rows, i, buffer);
            StepInput.Finite<TRow>(StepName, buffer, i, refuseMissing: false);
            float[] indicators = Indicators(buffer);
            for (int f = 0; f < buffer.Length; f++)
                if (float.IsNaN(buffer[f])) buffer[f] = Statistics[f];
            result[i] = TRow.WithFeatures(rows[i], buffer);
            if (withIndicators is not null) result[i] = withIndicators(result[i], indicators);
        }
        return result;
    }

    /// <summary>Per row, one 0/1 float per <see cref="IndicatorFeatures"/> entry: 1 where the feature is missing.</summary>
    public float[][] MissingIndicators<TRow>(IReadOnlyList<TRow> rows) where TRow : IDatasetRow<TRow>
    {
        StepInput.SameFeatures<TRow>(StepName, Features);
        var buffer = new float[TRow.FeatureLength];
        var result = new float[rows.Count][];
        for (int i = 0; i < rows.Count; i++)
        {
            StepInput.Read(rows, i, buffer);
            StepInput.Finite<TRow>(StepName, buffer, i, refuseMissing: false);
            result[i] = Indicators(buffer);
        }
        return result;
    }

    /// <summary>Saves the fitted statistics as JSON (written beside the target and renamed, so a crash never leaves half a file).</summary>
    /// <exception cref="InvalidDataException">A folder has the file's name, or a file has its folder's; the message names the path and what was expected. No temporary file is left behind.</exception>
    /// <exception cref="IOException">The file cannot be written otherwise (a full disk); no temporary file is left behind.</exception>
    public void Save(string path) =>
        StepFile.Save(path, StepName, new SavedImputer(Features.ToArray(), Strategy, Statistics.ToArray(), IndicatorFeatures.ToArray()));

    /// <exception cref="InvalidDataException">The file is not a saved imputer, its parts disagree, or a statistic is not finite (it would leave missing values missing).</exception>
    public static Imputer Load(string path) => FromJson(StepFile.Read(path, StepName), path);

    /// <summary>A saved imputer from its JSON bytes; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a saved imputer, or its parts disagree.</exception>
    internal static Imputer FromJson(byte[] json, string name)
    {
        SavedImputer state = StepFile.Parse<SavedImputer>(json, name, StepName, saved =>
            saved.Features is null || saved.Statistics is null || saved.IndicatorFeatures is null ? "features, statistics or indicator features missing"
            : saved.Features.Length != saved.Statistics.Length ? $"{saved.Features.Length} features but {saved.Statistics.Length} statistics"
            : !Enum.IsDefined(saved.Strategy) ? $"Strategy = {(int)saved.Strategy}; expected one of {string.Join(", ", Enum.GetNames<ImputeStrategy>())}"
            : saved.IndicatorFeatures.Any(index => index < 0 || index >= saved.Features.Length) ? "an indicator feature index is out of range"
            : saved.IndicatorFeatures.Distinct().Count() != saved.IndicatorFeatures.Length ? $"indicator features [{string.Join(", ", saved.IndicatorFeatures)}] flag a feature twice; expected each at most once"
            : Array.FindIndex(saved.Statistics, value => !float.IsFinite(value)) is var bad and >= 0 ? $"the statistic of {saved.Features[bad]} is {saved.Statistics[bad].ToString(CultureInfo.InvariantCulture)}; expected a finite fill value"
            : null);
        return new Imputer(state.Features, state.Strategy, state.Statistics, state.IndicatorFeatures);
    }

    private float[] Indicators(float[] features) => IndicatorFeatures.Select(f => float.IsNaN(features[f]) ? 1f : 0f).ToArray();

    private static double Statistic(ImputeStrategy strategy, double[] present)
    {
        // No present value in training: kept and filled with 0, as scikit-learn's keep_empty_features=True.
        if (present.Length == 0) return 0;
        return strategy switch
        {
            ImputeStrategy.Mean => present.Average(),
            ImputeStrategy.Median => Median(present),
            _ => present.GroupBy(value => value).OrderByDescending(group => group.Count()).ThenBy(group => group.Key).First().Key,
        };
    }

    private static double Median(double[] values)
    {
        double[] sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private sealed record SavedImputer(string[] Features, ImputeStrategy Strategy, float[] Statistics, int[] IndicatorFeatures);
}
