using System.Buffers.Binary;
using System.Text;
using MlDsl.Deployment.PyTorch;
using MlDsl.Persistence;
using static TorchSharp.torch;

namespace MlDsl.Tests.Adversarial.SetI;

/// <summary>
/// Safetensors files written byte by byte: a header length past the end, reversed or out-of-file offsets, a key given
/// twice, a missing key, the right bytes under the wrong shape or dtype, negative dimensions. Each is a
/// <see cref="ModelFileException"/> naming the file (and key) that leaves the model unchanged, or the right weights.
/// </summary>
public sealed class SafetensorsAttackTests() : TemporaryFolder("mldsl-seti-safetensors")
{
    /// <summary>PointMlp's entries, in state_dict order: name, shape.</summary>
    private static readonly (string Key, long[] Shape)[] Entries =
    [
        ("hidden.weight", [32, 4]), ("hidden.bias", [32]), ("narrow.weight", [16, 32]), ("narrow.bias", [16]),
        ("output.weight", [3, 16]), ("output.bias", [3]),
    ];

    private static long Count(long[] shape) => shape.Aggregate(1L, (product, size) => product * size);

    /// <summary>
    /// A file whose header lists <paramref name="entries"/> (dtype F32 unless given) laid out one after another, each
    /// filled with 0.5; <paramref name="edit"/> may rewrite each entry's JSON text before it is joined.
    /// </summary>
    private string Write(string name, IEnumerable<(string Key, long[] Shape)> entries, Func<string, string, long, long, string>? edit = null,
        ulong? headerLength = null, string dtype = "F32", int elementSize = 4)
    {
        var parts = new List<string>();
        long offset = 0;
        foreach ((string key, long[] shape) in entries)
        {
            long end = offset + Count(shape) * elementSize;
            string entry = $"\"{key}\":{{\"dtype\":\"{dtype}\",\"shape\":[{string.Join(",", shape)}],\"data_offsets\":[{offset},{end}]}}";
            parts.Add(edit?.Invoke(key, entry, offset, end) ?? entry);
            offset = end;
        }
        byte[] header = Encoding.UTF8.GetBytes("{" + string.Join(",", parts) + "}");
        byte[] data = new byte[offset];
        if (dtype == "F32") for (int i = 0; i < data.Length; i += 4) BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i), 0.5f);
        if (dtype == "F64") for (int i = 0; i < data.Length; i += 8) BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(i), 0.5);
        byte[] length = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, headerLength ?? (ulong)header.Length);
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, [.. length, .. header, .. data]);
        return path;
    }

    private static float[] Weights(nn.Module model) => model.parameters().SelectMany(parameter => parameter.data<float>().ToArray()).ToArray();

    private static ModelFileException RefusedUnchanged(string path)
    {
        using var model = new PointMlp(seed: 1);
        float[] before = Weights(model);
        var error = Assert.Throws<ModelFileException>(() => model.LoadSafetensors(path));
        Assert.Equal(path, error.Path);
        Assert.Equal(before, Weights(model));
        return error;
    }

    [Fact]
    public void A_well_formed_crafted_file_loads_its_values()
    {
        string path = Write("good.safetensors", Entries);
        using var model = new PointMlp(seed: 1);

        model.LoadSafetensors(path);

        Assert.All(Weights(model), value => Assert.Equal(0.5f, value));
    }

    [Theory]
    [InlineData(ulong.MaxValue)]
    [InlineData(1UL << 63)]
    [InlineData(0UL)]
    public void A_header_length_past_the_end_or_zero_is_refused_without_allocating(ulong length)
    {
        RefusedUnchanged(Write("length.safetensors", Entries, headerLength: length));
    }

    [Fact]
    public void Reversed_data_offsets_are_refused_naming_the_key()
    {
        string path = Write("reversed.safetensors", Entries,
            (key, entry, start, end) => key == "narrow.bias" ? entry.Replace($"[{start},{end}]", $"[{end},{start}]") : entry);

        Assert.Contains("'narrow.bias'", RefusedUnchanged(path).Message);
    }

    [Fact]
    public void Offsets_past_the_end_of_the_file_are_refused_naming_the_key()
    {
        string path = Write("beyond.safetensors", Entries,
            (key, entry, start, end) => key == "output.bias" ? entry.Replace($"[{start},{end}]", $"[{start + 1_000_000},{end + 1_000_000}]") : entry);

        Assert.Contains("'output.bias'", RefusedUnchanged(path).Message);
    }

    [Fact]
    public void A_key_listed_twice_is_refused_not_resolved_by_whichever_came_last()
    {
        string path = Write("twice.safetensors", Entries.Append(("hidden.bias", [32])));

        Assert.Contains("hidden.bias", RefusedUnchanged(path).Message);
    }

    [Fact]
    public void A_missing_key_is_refused_naming_it()
    {
        string path = Write("missing.safetensors", Entries.Where(entry => entry.Key != "output.bias"));

        Assert.Contains("missing output.bias", RefusedUnchanged(path).Message);
    }

    [Fact]
    public void The_right_bytes_under_a_flattened_shape_are_refused_naming_both_shapes()
    {
        string path = Write("flat.safetensors", Entries.Select(entry => entry.Key == "hidden.weight" ? (entry.Key, new long[] { 128 }) : entry));

        ModelFileException error = RefusedUnchanged(path);

        Assert.Contains("'hidden.weight'", error.Message);
        Assert.Contains("(128)", error.Message);
        Assert.Contains("(32, 4)", error.Message);
    }

    [Fact]
    public void A_negative_dimension_is_refused_naming_the_key()
    {
        string path = Write("negative.safetensors", Entries,
            (key, entry, start, end) => key == "hidden.weight" ? entry.Replace("[32,4]", "[-32,-4]") : entry);

        Assert.Contains("'hidden.weight'", RefusedUnchanged(path).Message);
    }

    [Fact]
    public void Double_precision_weights_load_as_their_values_or_are_refused_naming_the_dtype()
    {
        string path = Write("double.safetensors", Entries, dtype: "F64", elementSize: 8);
        using var model = new PointMlp(seed: 1);

        Exception? error = Record.Exception(() => model.LoadSafetensors(path));

        if (error is null) Assert.All(Weights(model), value => Assert.Equal(0.5f, value));
        else Assert.Contains("F64", Assert.IsType<ModelFileException>(error).Message);
    }

    [Fact]
    public void A_header_that_is_a_json_array_is_refused_naming_the_file()
    {
        string path = Path.Combine(Root, "array.safetensors");
        byte[] header = Encoding.UTF8.GetBytes("[1,2,3]");
        byte[] length = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        File.WriteAllBytes(path, [.. length, .. header]);

        RefusedUnchanged(path);
    }

    [Fact]
    public void A_folder_where_the_safetensors_file_is_expected_is_refused_naming_it()
    {
        string path = Path.Combine(Root, "folder.safetensors");
        Directory.CreateDirectory(path);

        RefusedUnchanged(path);
    }

    [Fact]
    public void A_save_onto_a_folder_fails_naming_the_path_and_leaves_nothing_behind()
    {
        string path = Path.Combine(Root, "taken.safetensors");
        Directory.CreateDirectory(path);
        string[] before = Directory.GetFileSystemEntries(Root);

        Exception? error = Record.Exception(() => { using var model = new PointMlp(seed: 1); model.SaveSafetensors(path); });

        Assert.Equal(path, Assert.IsType<ModelFileException>(error).Path);
        Assert.Equal(before, Directory.GetFileSystemEntries(Root));
    }
}
