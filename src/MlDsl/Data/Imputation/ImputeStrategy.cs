namespace MlDsl.Data.Imputation;

/// <summary>What an <see cref="Imputer"/> fills a missing feature value (NaN) with; scikit-learn's SimpleImputer strategies.</summary>
public enum ImputeStrategy
{
    /// <summary>No imputation (a pipeline's default); <see cref="Imputer.Fit{TRow}(IReadOnlyList{TRow}, ImputerOptions)"/> refuses it.</summary>
    None,

    /// <summary>The feature's mean over the training rows' present values.</summary>
    Mean,

    /// <summary>The feature's median over the training rows' present values (the mean of the middle two for an even count).</summary>
    Median,

    /// <summary>The feature's most frequent present value in the training rows; the smallest on a tie.</summary>
    MostFrequent,

    /// <summary><see cref="ImputerOptions.FillValue"/> for every feature.</summary>
    Constant,
}
