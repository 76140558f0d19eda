namespace MlDsl.Deployment;

/// <summary>How a monitored feature is compared: as numbers, or as the categories of a one-hot member.</summary>
public enum FeatureDriftKind
{
    /// <summary>One numeric feature, compared with Kolmogorov–Smirnov, PSI and Wasserstein.</summary>
    Numeric,

    /// <summary>A categorical member's one-hot columns (<c>Color=red</c>, <c>Color=green</c>, ...) taken together, compared with chi-square and Jensen–Shannon.</summary>
    Categorical,
}

/// <summary>How many rows of the reference and of the new data fall in one category.</summary>
public sealed record CategoryCount(string Category, int Reference, int Current)
{
    /// <summary>Rows with none of the member's monitored one-hot columns set: a category the monitor does not see, or a row with missing values.</summary>
    public const string Other = "(other)";
}

/// <summary>
/// One feature's shift between the training reference and new data. <see cref="Kind"/> says which
/// measurements apply: a numeric feature has the KS, PSI and Wasserstein values, a categorical one
/// the chi-square, Jensen–Shannon and per-category counts. Those of the other kind are NaN or empty.
/// </summary>
/// <param name="Feature">The feature's name, or for a categorical the member's name (<c>Color</c>).</param>
/// <param name="Kind">Numeric or categorical.</param>
/// <param name="Drifted">Whether the shift is both significant and large enough under the thresholds used.</param>
public sealed record FeatureDrift(string Feature, FeatureDriftKind Kind, bool Drifted)
{
    public double KsStatistic { get; init; } = double.NaN;
    public double KsPValue { get; init; } = double.NaN;
    public double Psi { get; init; } = double.NaN;
    public double Wasserstein { get; init; } = double.NaN;

    /// <summary>A numeric feature's share of missing (NaN or infinite) values in the reference, in [0, 1]; NaN for a categorical one.</summary>
    public double MissingReference { get; init; } = double.NaN;

    /// <summary>A numeric feature's share of missing (NaN or infinite) values in the new data, in [0, 1]; NaN for a categorical one.</summary>
    public double MissingCurrent { get; init; } = double.NaN;

    /// <summary>Pearson's chi-square statistic of homogeneity between the reference and current category counts.</summary>
    public double ChiSquare { get; init; } = double.NaN;
    public double ChiSquarePValue { get; init; } = double.NaN;
    public int DegreesOfFreedom { get; init; }

    /// <summary>Jensen–Shannon distance (base 2) between the category shares, in [0, 1].</summary>
    public double JensenShannon { get; init; } = double.NaN;

    /// <summary>The categories with any rows, in the dataset's order.</summary>
    public IReadOnlyList<CategoryCount> Categories { get; init; } = [];

    /// <summary>The p-value that decided significance: KS for a numeric feature, chi-square for a categorical one.</summary>
    public double PValue => Kind == FeatureDriftKind.Numeric ? KsPValue : ChiSquarePValue;

    public static FeatureDrift Numeric(string feature, double ksStatistic, double ksPValue, double psi, double wasserstein, bool drifted) =>
        new(feature, FeatureDriftKind.Numeric, drifted) { KsStatistic = ksStatistic, KsPValue = ksPValue, Psi = psi, Wasserstein = wasserstein };

    public static FeatureDrift Categorical(string member, double chiSquare, double pValue, int degreesOfFreedom, double jensenShannon,
        IReadOnlyList<CategoryCount> categories, bool drifted) =>
        new(member, FeatureDriftKind.Categorical, drifted)
        {
            ChiSquare = chiSquare,
            ChiSquarePValue = pValue,
            DegreesOfFreedom = degreesOfFreedom,
            JensenShannon = jensenShannon,
            Categories = categories,
        };
}
