using TorchSharp;

namespace MlDsl.Persistence;

/// <summary>
/// Checks weights in TorchSharp's <c>Module.save</c> layout against the model they are meant for,
/// before TorchSharp reads them: the entry count, every name (known, not repeated), element type,
/// rank, dimensions and byte count, that every floating-point value is finite, and that nothing follows the last entry. TorchSharp's own loader
/// trusts the declared sizes (and a libtorch error aborts the process), so after this check it only
/// ever sees weights it can load.
/// </summary>
internal static class StateDictPayload
{
    private const int MaxNameBytes = 4096, MaxRank = 64;

    /// <param name="payload">The weights, as <c>Module.save</c> wrote them.</param>
    /// <param name="origin">The payload's offset in the file, so messages give offsets in the file.</param>
    /// <param name="model">The model the weights are for; its state gives every expected name, type and shape.</param>
    /// <param name="modelName">The model's name, for messages.</param>
    /// <param name="path">The file, for messages.</param>
    public static void Check(ReadOnlySpan<byte> payload, int origin, torch.nn.Module model, string modelName, string path)
    {
        Dictionary<string, torch.Tensor> expected = model.state_dict();
        var reader = new BoundedReader(payload, path, origin);
        long count = reader.ReadVarint("the weights' entry count");
        if (count != expected.Count)
            throw reader.Malformed($"the weights hold {count} entries; {modelName} has {expected.Count} parameters and buffers");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (long i = 0; i < count; i++)
        {
            int entryStart = reader.Offset;
            string name = reader.ReadString($"entry {i + 1}'s name", MaxNameBytes);
            if (!expected.TryGetValue(name, out torch.Tensor? tensor))
                throw new ModelFileException(path, $"at byte {entryStart}: the weights hold '{name}', which {modelName} does not have");
            if (!seen.Add(name)) throw new ModelFileException(path, $"at byte {entryStart}: the weights hold '{name}' twice");

            long type = reader.ReadVarint($"'{name}''s element type");
            if (type != (long)tensor.dtype)
                throw reader.Malformed($"'{name}' is stored as element type {type}; {modelName} expects {tensor.dtype} ({(int)tensor.dtype})");
            int shapeStart = reader.Offset;
            long rank = reader.ReadVarint($"'{name}''s rank");
            if (rank > MaxRank || rank != tensor.shape.Length)
                throw new ModelFileException(path, $"at byte {shapeStart}: '{name}' is stored with {rank} dimensions; {modelName} expects {tensor.shape.Length} {Shape(tensor.shape)}");
            var shape = new long[rank];
            for (int d = 0; d < rank; d++) shape[d] = reader.ReadVarint($"'{name}''s dimension {d}");
            if (!shape.AsSpan().SequenceEqual(tensor.shape))
                throw new ModelFileException(path, $"at byte {shapeStart}: '{name}' is stored with shape {Shape(shape)}; {modelName} (and the file's header) expect {Shape(tensor.shape)}");
            // Sizes come from the model, not the file, so this product is the model's own and cannot overflow.
            long bytes = checked(tensor.numel() * tensor.ElementSize);
            int valuesAt = reader.Offset;
            long nonFinite = FiniteValues.CountNonFinite(reader.Take(bytes, $"'{name}''s {bytes} bytes of values"), tensor.dtype);
            if (nonFinite > 0)
                throw new ModelFileException(path, $"at byte {valuesAt}: '{name}' holds {nonFinite} NaN or infinite value{(nonFinite == 1 ? "" : "s")} of {tensor.numel()}; expected finite weights (the model that saved them diverged, or the file is damaged)");
        }
        if (reader.Remaining != 0)
            throw reader.Malformed($"{reader.Remaining} bytes follow the last of the {count} entries; expected the end of the weights");
    }

    private static string Shape(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";
}
