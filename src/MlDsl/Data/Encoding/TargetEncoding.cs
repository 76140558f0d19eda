using MlDsl.Data.Steps;

namespace MlDsl.Data.Encoding;

/// <summary>A target encoding fitted on training rows (see <see cref="TargetEncoder"/>): one value per category seen in training.</summary>
public sealed class TargetEncoding<TRow> where TRow : IDatasetRow<TRow>
{
    internal TargetEncoding(CategoricalColumn<TRow> column, IReadOnlyDictionary<string, double> encodings, double targetMean, double? smooth)
    {
        Column = column;
        Encodings = encodings;
        TargetMean = targetMean;
        Smooth = smooth;
    }

    public CategoricalColumn<TRow> Column { get; }

    /// <summary>Category → encoding (scikit-learn's <c>encodings_</c>).</summary>
    public IReadOnlyDictionary<string, double> Encodings { get; }

    /// <summary>The training rows' target mean (<c>target_mean_</c>): the encoding of an unseen category.</summary>
    public double TargetMean { get; }

    /// <summary>The smoothing used; null for auto.</summary>
    public double? Smooth { get; }

    /// <summary>The encoding of <paramref name="category"/>; <see cref="TargetMean"/> when training never saw it.</summary>
    public double Encode(string category) => Encodings.TryGetValue(category, out double value) ? value : TargetMean;

    /// <summary>New rows with each row's encoding written by the column (scikit-learn's <c>transform</c>). Not for the training rows: use <see cref="TargetEncoder.FitApply{TRow}"/>.</summary>
    /// <exception cref="DataStepException">A row's category is null.</exception>
    public TRow[] Apply(IReadOnlyList<TRow> rows)
    {
        var result = new TRow[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            string category = Column.Category(rows[i])
                ?? throw new DataStepException(TargetEncoder.StepName, Column.Name, $"{typeof(TRow).Name} row {i}: {Column.Name} is null; expected a category");
            result[i] = Column.Write(rows[i], (float)Encode(category));
        }
        return result;
    }

    /// <summary>Saves the fitted encoding as JSON (written beside the target and renamed, so a crash never leaves half a file).</summary>
    /// <exception cref="InvalidDataException">A folder has the file's name, or a file has its folder's; the message names the path and what was expected. No temporary file is left behind.</exception>
    /// <exception cref="IOException">The file cannot be written otherwise (a full disk); no temporary file is left behind.</exception>
    public void Save(string path) => StepFile.Save(path, TargetEncoder.StepName, SavedTargetEncoding.Of(this));
}

/// <summary>The result of <see cref="TargetEncoder.FitApply{TRow}"/>: the fitted encoding and the training rows encoded out of fold.</summary>
public sealed record TargetEncoded<TRow>(TargetEncoding<TRow> Encoder, IReadOnlyList<TRow> Train) where TRow : IDatasetRow<TRow>;
