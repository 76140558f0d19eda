namespace MlDsl.Data.Selection;

/// <summary>How <see cref="SelectKBest"/> scores a feature against the label; scikit-learn's score functions.</summary>
public enum ScoreFunction
{
    /// <summary>One-way ANOVA F between the classes (<c>f_classif</c>), with its F-distribution p-value. Class labels.</summary>
    AnovaF,

    /// <summary>Chi-squared of class counts against feature totals (<c>chi2</c>), with its p-value. Class labels, non-negative features (counts, frequencies, one-hot).</summary>
    ChiSquare,

    /// <summary>Mutual information in nats between each feature's distinct values and the class (<c>mutual_info_classif(discrete_features=True)</c>); no p-value. Class labels, discrete features.</summary>
    MutualInformation,

    /// <summary>F of the univariate linear regression on each feature (<c>f_regression</c>), with its p-value; ranks as |Pearson r| does. Regression labels.</summary>
    FRegression,

    /// <summary>Absolute Pearson correlation with the label (|<c>r_regression</c>|); no p-value. Regression labels.</summary>
    AbsoluteCorrelation,
}
