using MlDsl.Persistence;

namespace MlDsl.Tests.Persistence;

/// <summary>
/// A model file's declared sizes are never trusted: every count, length and dimension is checked
/// against the bytes that remain and against the model before anything is allocated or handed to
/// TorchSharp (whose loader trusts them, and a libtorch error aborts the process).
/// </summary>
public sealed class ModelFileHardeningTests() : TemporaryFolder("mldsl-model-files")
{
    private static readonly (string Name, long[] Shape)[] Entries = ModelFileBytes.PointMlp;

    private ModelFileException Refused(byte[] bytes, long allocationLimit = 1 << 20)
    {
        string path = Path.Combine(Root, "crafted.mldsl");
        File.WriteAllBytes(path, bytes);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ModelFileException>(() => PointMlp.Load(path));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < allocationLimit + bytes.Length, $"{allocated} bytes allocated for a {bytes.Length}-byte file");
        Assert.StartsWith(path + ": ", error.Message);
        return error;
    }

    private static byte[] WithPayload(byte[] payload) => ModelFileBytes.File("PointMlp", ModelFileBytes.PointMlpSignature, payload);

    [Fact]
    public void A_file_of_handwritten_entries_matching_the_model_loads()
    {
        string path = Path.Combine(Root, "zeros.mldsl");
        File.WriteAllBytes(path, WithPayload(ModelFileBytes.Payload(Entries)));

        using PointMlp model = PointMlp.Load(path);

        Assert.All(model.parameters(), parameter => Assert.Equal(0, parameter.abs().sum().item<float>()));
    }

    [Fact]
    public void Weights_whose_shapes_disagree_with_the_header_are_refused_before_TorchSharp_reads_them()
    {
        // Same names, same byte count, transposed: the header promises [32,4], the weights hold [4,32].
        var transposed = Entries.Select(entry => entry.Name == "hidden.weight" ? (entry.Name, new long[] { 4, 32 }) : entry);

        ModelFileException error = Refused(WithPayload(ModelFileBytes.Payload(transposed)));

        Assert.Contains("'hidden.weight' is stored with shape [4, 32]; PointMlp (and the file's header) expect [32, 4]", error.Message);
        Assert.Matches(@": at byte \d+: ", error.Message);
    }

    [Fact]
    public void Weights_of_another_rank_are_refused()
    {
        var flattened = Entries.Select(entry => entry.Name == "output.weight" ? (entry.Name, new long[] { 48 }) : entry);

        Assert.Contains("'output.weight' is stored with 1 dimensions; PointMlp expects 2 [3, 16]", Refused(WithPayload(ModelFileBytes.Payload(flattened))).Message);
    }

    [Fact]
    public void Weights_of_another_element_type_are_refused()
    {
        Assert.Contains("'hidden.weight' is stored as element type 7; PointMlp expects Float32 (6)",
            Refused(WithPayload(ModelFileBytes.Payload(Entries, type: 7, valueBytes: shape => shape.Aggregate(8L, (size, d) => size * d)))).Message);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(1L << 40)]
    [InlineData(7L)]
    public void A_huge_or_wrong_entry_count_is_refused_without_allocating(long count)
    {
        Assert.Contains($"the weights hold {count} entries; PointMlp has 6 parameters and buffers",
            Refused(WithPayload(ModelFileBytes.Payload(Entries, count: (ulong)count))).Message);
    }

    [Fact]
    public void A_huge_dimension_is_refused_without_allocating()
    {
        var huge = Entries.Select(entry => entry.Name == "hidden.bias" ? (entry.Name, new long[] { long.MaxValue }) : entry);

        Assert.Contains("'hidden.bias' is stored with shape [9223372036854775807]", Refused(WithPayload(ModelFileBytes.Payload(huge, valueBytes: shape => shape[0] == long.MaxValue ? 0 : shape.Aggregate(4L, (size, d) => size * d)))).Message);
    }

    [Fact]
    public void A_huge_rank_is_refused_without_allocating()
    {
        byte[] payload = ModelFileBytes.Payload(Entries);
        // Entry 1: count (1 byte), name (1 + 13 bytes), type (1 byte), then the rank.
        int rankAt = 1 + 1 + "hidden.weight".Length + 1;
        byte[] crafted = [.. payload[..rankAt], .. ModelFileBytes.Leb128(1UL << 62), .. payload[(rankAt + 1)..]];

        Assert.Contains("'hidden.weight' is stored with 4611686018427387904 dimensions", Refused(WithPayload(crafted)).Message);
    }

    [Fact]
    public void Values_cut_short_are_refused()
    {
        byte[] payload = ModelFileBytes.Payload(Entries);

        Assert.Contains("'output.bias''s 12 bytes of values needs 12 bytes but only 4 remain: the file is truncated or damaged",
            Refused(WithPayload(payload[..^8])).Message);
    }

    [Fact]
    public void Bytes_after_the_last_entry_are_refused()
    {
        Assert.Contains("3 bytes follow the last of the 6 entries", Refused(WithPayload([.. ModelFileBytes.Payload(Entries), 1, 2, 3])).Message);
    }

    [Fact]
    public void An_entry_the_model_does_not_have_or_a_repeated_one_is_refused()
    {
        var renamed = Entries.Select(entry => entry.Name == "narrow.bias" ? ("narrow.gain", entry.Shape) : entry);
        var repeated = Entries.Select(entry => entry.Name == "narrow.bias" ? ("hidden.bias", new long[] { 32 }) : entry);

        Assert.Contains("the weights hold 'narrow.gain', which PointMlp does not have", Refused(WithPayload(ModelFileBytes.Payload(renamed))).Message);
        Assert.Contains("the weights hold 'hidden.bias' twice", Refused(WithPayload(ModelFileBytes.Payload(repeated))).Message);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(-1)]
    [InlineData(0)]
    public void A_declared_weight_length_that_disagrees_with_the_file_is_refused(int declared)
    {
        byte[] payload = ModelFileBytes.Payload(Entries);

        Assert.Contains($"the header declares {declared} bytes of weights; {payload.Length} follow it",
            Refused(ModelFileBytes.File("PointMlp", ModelFileBytes.PointMlpSignature, payload, declaredLength: declared)).Message);
    }

    [Fact]
    public void A_string_length_beyond_the_file_is_refused_without_allocating()
    {
        // The model name's 7-bit length prefix claims 2^31 - 1 bytes.
        byte[] file = WithPayload(ModelFileBytes.Payload(Entries));
        int nameAt = 1 + "MlDsl model v1".Length;
        byte[] crafted = [.. file[..nameAt], 0xFF, 0xFF, 0xFF, 0xFF, 0x07, .. file[(nameAt + 1)..]];

        Assert.Contains("at byte 15: the model name declares 2147483647 bytes; at most 1024 are allowed", Refused(crafted).Message);
    }

    [Fact]
    public void A_file_of_another_format_or_empty_is_refused()
    {
        Assert.Contains("not an MlDsl model file (expected 'MlDsl model v1', found 'PK", Refused("PK\u0003\u0004zip"u8.ToArray().Prepend((byte)7).ToArray()).Message);
        Assert.Contains("the format tag's length needs 1 bytes but only 0 remain", Refused([]).Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        string path = Path.Combine(Root, "absent.mldsl");

        Assert.Equal($"{path}: no such file", Assert.Throws<ModelFileException>(() => PointMlp.Load(path)).Message);
    }
}
