namespace MlDsl;

/// <summary>
/// A pipeline stage: target encoding of the row's string member <paramref name="category"/> into the float
/// [Feature] <see cref="Into"/> (see <see cref="MlDsl.Data.Encoding.TargetEncoder"/>). Fitted on the training
/// split only, before imputation, selection and the transform: the training rows are encoded out of fold,
/// validation and test with the table fitted on all training rows; the table is saved in the artifact
/// (<c>target_encoding.json</c>) so prediction encodes raw rows the same way. One attribute per categorical member.
/// </summary>
/// <example><c>[TargetEncode(nameof(Shop.City), Into = nameof(Shop.CityEncoded), Smooth = 10)]</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class TargetEncodeAttribute(string category) : Attribute
{
    /// <summary>The row's string member holding the category (an [Ignore] or [Slice] member, say).</summary>
    public string Category { get; } = category;

    /// <summary>The float [Feature] the encoding is written into; required. Its value in raw rows is ignored.</summary>
    public string? Into { get; set; }

    /// <summary>The m-estimate weight of the overall mean (≥ 0); NaN, the default, is scikit-learn's "auto".</summary>
    public double Smooth { get; set; } = double.NaN;

    /// <summary>Folds of the cross fitting that encodes the training rows, at least 2.</summary>
    public int Folds { get; set; } = 5;

    /// <summary>Shuffle the training rows before cutting the folds (off: scikit-learn's own unshuffled folds).</summary>
    public bool Shuffle { get; set; }

    public int Seed { get; set; } = 42;
}
