namespace MlDsl.Data.Encoding;

/// <summary>
/// Which categorical value of a row a <see cref="TargetEncoder"/> encodes, and where the encoding goes.
/// A [Dataset] row has fixed-length float features, so the category usually lives in a member the
/// model does not read (an [Ignore] or [Slice] string) and the encoding in a float [Feature] declared
/// for it, e.g. <c>new("Shop", row =&gt; row.Shop, (row, value) =&gt; row with { ShopEncoded = value })</c>.
/// </summary>
/// <param name="Name">The category member's name, saved with the encoding and used in messages.</param>
/// <param name="Category">The row's category; null is refused (name missing values, e.g. "(missing)").</param>
/// <param name="Write">A copy of the row with its encoding written into a feature.</param>
public sealed record CategoricalColumn<TRow>(string Name, Func<TRow, string?> Category, Func<TRow, float, TRow> Write);
