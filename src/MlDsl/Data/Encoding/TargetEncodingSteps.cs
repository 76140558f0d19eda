using MlDsl.Data.Splits;

namespace MlDsl.Data.Encoding;

/// <summary>A pipeline's target-encoded columns (its [TargetEncode] attributes) fitted on a split and applied to raw rows, column by column.</summary>
internal static class TargetEncodingSteps
{
    /// <summary>
    /// Each column in turn, fitted on the training rows only: those encoded out of fold (<see cref="TargetEncoder.FitApply{TRow}"/>),
    /// validation and test with the table fitted on all training rows. A column writes only its own feature, so the order does not
    /// change any encoding.
    /// </summary>
    public static (DataSplit<TRow> Encoded, TargetEncoding<TRow>[] Encodings) FitApply<TRow>(IReadOnlyList<TargetEncodingStep<TRow>> steps, DataSplit<TRow> split)
        where TRow : IDatasetRow<TRow>
    {
        var encodings = new TargetEncoding<TRow>[steps.Count];
        for (int i = 0; i < steps.Count; i++)
        {
            TargetEncoded<TRow> fitted = TargetEncoder.FitApply(split.Train, steps[i].Column, steps[i].Options);
            encodings[i] = fitted.Encoder;
            split = split with { Train = fitted.Train, Validation = fitted.Encoder.Apply(split.Validation), Test = fitted.Encoder.Apply(split.Test) };
        }
        return (split, encodings);
    }

    /// <summary>New rows (prediction, monitoring) encoded with every fitted table.</summary>
    public static TRow[] Apply<TRow>(IReadOnlyList<TargetEncoding<TRow>> encodings, IReadOnlyList<TRow> rows) where TRow : IDatasetRow<TRow>
    {
        TRow[] encoded = rows.ToArray();
        foreach (TargetEncoding<TRow> encoding in encodings) encoded = encoding.Apply(encoded);
        return encoded;
    }

    /// <summary>"City (12 categories, mean 0.41)" for each encoding, for the run log.</summary>
    public static string Describe<TRow>(IReadOnlyList<TargetEncoding<TRow>> encodings) where TRow : IDatasetRow<TRow> =>
        string.Join(", ", encodings.Select(encoding =>
            $"{encoding.Column.Name} ({encoding.Encodings.Count} categories, unseen = {encoding.TargetMean.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)})"));
}
