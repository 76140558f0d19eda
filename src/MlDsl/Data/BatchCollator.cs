using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Data;

/// <summary>
/// Turns typed rows into tensors: one contiguous float buffer and one tensor per batch, never a
/// tensor per row. Labels are checked here, where the row index is known: class labels become an
/// int64 (N) tensor of class indices; multi-label and regression targets a float (N, outputs) tensor.
/// </summary>
public static class BatchCollator
{
    /// <summary>Collates <paramref name="count"/> rows starting at <paramref name="start"/> into (features, labels).</summary>
    public static (Tensor Features, Tensor Labels) Collate<TRow>(IReadOnlyList<TRow> rows, int start, int count, Device? device = null)
        where TRow : ITensorRow<TRow>
    {
        float[] features = new float[(long)count * TRow.FeatureLength];
        if (TRow.LabelKind != LabelKind.Class)
        {
            float[] targets = new float[(long)count * TRow.ClassCount];
            FillTargets(rows, start, count, features, targets);
            return (ToTensor(features, count, TRow.FeatureShape, device), torch.tensor(targets, new long[] { count, TRow.ClassCount }, device: device));
        }
        long[] labels = new long[count];
        Fill(rows, start, count, features, labels);
        return (ToTensor(features, count, TRow.FeatureShape, device), torch.tensor(labels, device: device));
    }

    /// <summary>Collates only the features, for prediction.</summary>
    /// <exception cref="RowDataException">
    /// A row is null, a feature has the wrong length, or a feature is NaN or ±∞ (a model gives a
    /// confident but meaningless answer for those); the message names the row index and the feature.
    /// </exception>
    public static Tensor CollateFeatures<TRow>(IReadOnlyList<TRow> rows, int start, int count, Device? device = null)
        where TRow : ITensorRow<TRow>
    {
        float[] features = new float[(long)count * TRow.FeatureLength];
        int length = TRow.FeatureLength;
        for (int i = 0; i < count; i++)
        {
            Span<float> row = features.AsSpan(i * length, length);
            RowWithFeatures(rows, start + i, row);
            FiniteFeatures.Check<TRow>(row, start + i);
        }
        return ToTensor(features, count, TRow.FeatureShape, device);
    }

    /// <summary>
    /// Writes the features of <paramref name="row"/> (row <paramref name="index"/> of a request) into <paramref name="destination"/>,
    /// refused as <see cref="CollateFeatures{TRow}"/> refuses them: a null row, a feature of the wrong length, NaN or ±∞.
    /// For prediction engines other than libtorch (ONNX Runtime), which take the same collated buffer.
    /// </summary>
    /// <exception cref="RowDataException">Naming the row index and the feature.</exception>
    internal static void WriteCheckedFeatures<TRow>(TRow row, int index, Span<float> destination) where TRow : ITensorRow<TRow>
    {
        if (row is null)
            throw new RowDataException(typeof(TRow).Name, "row", "a row", "null", index);
        WriteFeatures(row, index, destination);
        FiniteFeatures.Check<TRow>(destination, index);
    }

    internal static void Fill<TRow>(IReadOnlyList<TRow> rows, int start, int count, Span<float> features, Span<long> labels)
        where TRow : ITensorRow<TRow>
    {
        int length = TRow.FeatureLength;
        int classes = TRow.ClassCount;
        for (int i = 0; i < count; i++)
        {
            TRow row = RowWithFeatures(rows, start + i, features.Slice(i * length, length));
            long label = ReadLabel(row, start + i);
            if ((ulong)label >= (ulong)classes)
                throw new RowDataException(typeof(TRow).Name, "label", $"a class index in [0, {classes - 1}]", label.ToString(), start + i);
            labels[i] = label;
        }
    }

    private static void FillTargets<TRow>(IReadOnlyList<TRow> rows, int start, int count, Span<float> features, Span<float> targets)
        where TRow : ITensorRow<TRow>
    {
        int length = TRow.FeatureLength, width = TRow.ClassCount;
        for (int i = 0; i < count; i++)
        {
            TRow row = RowWithFeatures(rows, start + i, features.Slice(i * length, length));
            Span<float> target = targets.Slice(i * width, width);
            WriteTarget(row, start + i, target);
            foreach (float value in target)
                if (!float.IsFinite(value))
                    throw new RowDataException(typeof(TRow).Name, "label", "a finite number", value.ToString(System.Globalization.CultureInfo.InvariantCulture), start + i);
        }
    }

    /// <summary>The row at <paramref name="index"/>, its features written to <paramref name="destination"/>; a null row is refused with its index.</summary>
    private static TRow RowWithFeatures<TRow>(IReadOnlyList<TRow> rows, int index, Span<float> destination) where TRow : ITensorRow<TRow>
    {
        TRow row = rows[index];
        if (row is null)
            throw new RowDataException(typeof(TRow).Name, "row", "a row", "null", index);
        WriteFeatures(row, index, destination);
        return row;
    }

    private static void WriteFeatures<TRow>(TRow row, int index, Span<float> destination) where TRow : ITensorRow<TRow>
    {
        try
        {
            TRow.WriteFeatures(row, destination);
        }
        catch (RowDataException problem)
        {
            throw problem.AtRow(index);
        }
    }

    private static long ReadLabel<TRow>(TRow row, int index) where TRow : ITensorRow<TRow>
    {
        try
        {
            return TRow.ReadLabel(row);
        }
        catch (RowDataException problem)
        {
            throw problem.AtRow(index);
        }
    }

    private static void WriteTarget<TRow>(TRow row, int index, Span<float> destination) where TRow : ITensorRow<TRow>
    {
        try
        {
            TRow.WriteTarget(row, destination);
        }
        catch (RowDataException problem)
        {
            throw problem.AtRow(index);
        }
    }

    private static Tensor ToTensor(float[] buffer, int count, ReadOnlySpan<long> featureShape, Device? device)
    {
        long[] dimensions = new long[featureShape.Length + 1];
        dimensions[0] = count;
        featureShape.CopyTo(dimensions.AsSpan(1));
        return torch.tensor(buffer, dimensions, device: device);
    }
}
