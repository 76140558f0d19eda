using System.Buffers.Binary;
using System.Text;
using MlDsl.Deployment.PyTorch;
using MlDsl.Persistence;
using static TorchSharp.torch;

namespace MlDsl.Tests.Adversarial.SetU;

/// <summary>
/// Safetensors headers the format forbids but a careless or hostile writer produces: tensors sharing bytes, offsets as
/// fractions, strings or numbers past 2⁶⁴, a shape of text, bytes that are not UTF-8, metadata that is not text, and
/// (valid) a header padded with spaces. Each is a <see cref="ModelFileException"/> naming the file that leaves the model
/// unchanged, or loads exactly the bytes written.
/// </summary>
public sealed class SafetensorsHeaderAttackTests() : TemporaryFolder("mldsl-setu-safetensors")
{
    private static readonly (string Key, long[] Shape)[] Entries =
    [
        ("hidden.weight", [32, 4]), ("hidden.bias", [32]), ("narrow.weight", [16, 32]), ("narrow.bias", [16]),
        ("output.weight", [3, 16]), ("output.bias", [3]),
    ];

    private static long Count(long[] shape) => shape.Aggregate(1L, (product, size) => product * size);

    /// <summary>A file of PointMlp's entries, each filled with 0.25, whose header text <paramref name="edit"/> may rewrite (entry by entry, then whole).</summary>
    private string Write(string name, Func<string, string, long, long, string>? editEntry = null, Func<string, string>? editHeader = null,
        Func<byte[], byte[]>? editHeaderBytes = null)
    {
        var parts = new List<string>();
        long offset = 0;
        foreach ((string key, long[] shape) in Entries)
        {
            long end = offset + Count(shape) * 4;
            string entry = $"\"{key}\":{{\"dtype\":\"F32\",\"shape\":[{string.Join(",", shape)}],\"data_offsets\":[{offset},{end}]}}";
            parts.Add(editEntry?.Invoke(key, entry, offset, end) ?? entry);
            offset = end;
        }
        string text = "{" + string.Join(",", parts) + "}";
        byte[] header = Encoding.UTF8.GetBytes(editHeader?.Invoke(text) ?? text);
        if (editHeaderBytes is not null) header = editHeaderBytes(header);
        byte[] data = new byte[offset];
        for (int i = 0; i < data.Length; i += 4) BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i), 0.25f);
        byte[] length = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, [.. length, .. header, .. data]);
        return path;
    }

    private static float[] Weights(nn.Module model) => model.parameters().SelectMany(parameter => parameter.data<float>().ToArray()).ToArray();

    private static ModelFileException RefusedUnchanged(string path)
    {
        using var model = new PointMlp(seed: 1);
        float[] before = Weights(model);
        Exception? error = Record.Exception(() => model.LoadSafetensors(path));
        var refusal = Assert.IsType<ModelFileException>(error);
        Assert.Contains(Path.GetFileName(path), refusal.Message);
        Assert.Equal(before, Weights(model));
        return refusal;
    }

    /// <summary>Loads, or refuses as <see cref="RefusedUnchanged"/>; a load must give every weight 0.25.</summary>
    private static void LoadsRightOrRefused(string path)
    {
        using var model = new PointMlp(seed: 1);
        float[] before = Weights(model);
        Exception? error = Record.Exception(() => model.LoadSafetensors(path));
        if (error is null)
        {
            Assert.All(Weights(model), weight => Assert.Equal(0.25f, weight));
            return;
        }
        var refusal = Assert.IsType<ModelFileException>(error);
        Assert.Contains(Path.GetFileName(path), refusal.Message);
        Assert.Equal(before, Weights(model));
    }

    [Fact]
    public void A_well_formed_file_loads_its_values()
    {
        using var model = new PointMlp(seed: 1);
        model.LoadSafetensors(Write("plain.safetensors"));

        Assert.All(Weights(model), weight => Assert.Equal(0.25f, weight));
    }

    [Fact]
    public void Two_tensors_sharing_bytes_are_refused_naming_a_key()
    {
        string path = Write("overlap.safetensors", (key, entry, offset, end) =>
            key == "hidden.bias" ? entry.Replace($"[{offset},{end}]", $"[0,{end - offset}]") : entry);

        ModelFileException error = RefusedUnchanged(path);

        Assert.Contains("hidden", error.Message);
    }

    [Fact]
    public void Fractional_offsets_are_refused_naming_the_key()
    {
        string path = Write("fraction.safetensors", (key, entry, offset, end) =>
            key == "output.bias" ? entry.Replace($"[{offset},{end}]", $"[{offset}.5,{end}.5]") : entry);

        Assert.Contains("output.bias", RefusedUnchanged(path).Message);
    }

    [Fact]
    public void Offsets_written_as_strings_are_refused_naming_the_key()
    {
        string path = Write("string-offsets.safetensors", (key, entry, offset, end) =>
            key == "narrow.bias" ? entry.Replace($"[{offset},{end}]", $"[\"{offset}\",\"{end}\"]") : entry);

        Assert.Contains("narrow.bias", RefusedUnchanged(path).Message);
    }

    [Fact]
    public void An_offset_past_two_to_the_sixty_four_is_refused_naming_the_key()
    {
        string path = Write("huge-offset.safetensors", (key, entry, offset, end) =>
            key == "output.bias" ? entry.Replace($"[{offset},{end}]", $"[{offset},99999999999999999999999]") : entry);

        Assert.Contains("output.bias", RefusedUnchanged(path).Message);
    }

    [Fact]
    public void Three_offsets_are_refused_naming_the_key()
    {
        string path = Write("three-offsets.safetensors", (key, entry, offset, end) =>
            key == "output.bias" ? entry.Replace($"[{offset},{end}]", $"[{offset},{end},{end}]") : entry);

        Assert.Contains("output.bias", RefusedUnchanged(path).Message);
    }

    [Fact]
    public void A_shape_of_text_is_refused_naming_the_key()
    {
        string path = Write("text-shape.safetensors", (key, entry, _, _) =>
            key == "hidden.bias" ? entry.Replace("\"shape\":[32]", "\"shape\":[\"32\"]") : entry);

        Assert.Contains("hidden.bias", RefusedUnchanged(path).Message);
    }

    [Fact]
    public void A_shape_that_is_a_number_not_a_list_is_refused_naming_the_key()
    {
        string path = Write("scalar-shape.safetensors", (key, entry, _, _) =>
            key == "hidden.bias" ? entry.Replace("\"shape\":[32]", "\"shape\":32") : entry);

        Assert.Contains("hidden.bias", RefusedUnchanged(path).Message);
    }

    [Fact]
    public void A_header_of_bytes_that_are_not_utf8_is_refused_naming_the_file()
    {
        string path = Write("latin1.safetensors", editHeaderBytes: header =>
        {
            byte[] copy = [.. header];
            int at = Encoding.ASCII.GetString(copy).IndexOf("hidden.bias", StringComparison.Ordinal);
            copy[at] = 0xE9; // a Latin-1 'é' alone: not UTF-8
            return copy;
        });

        RefusedUnchanged(path);
    }

    [Fact]
    public void Metadata_that_is_not_text_loads_the_weights_or_is_refused_naming_the_file()
    {
        string path = Write("metadata.safetensors", editHeader: text => "{\"__metadata__\":{\"format\":7,\"nested\":{\"a\":[1]}}," + text[1..]);

        LoadsRightOrRefused(path);
    }

    [Fact]
    public void A_header_padded_with_spaces_loads_its_values()
    {
        string path = Write("padded.safetensors", editHeader: text => text + "       ");

        using var model = new PointMlp(seed: 1);
        model.LoadSafetensors(path);

        Assert.All(Weights(model), weight => Assert.Equal(0.25f, weight));
    }

    [Fact]
    public void A_header_that_starts_with_a_byte_order_mark_loads_or_is_refused_naming_the_file()
    {
        string path = Write("bom.safetensors", editHeaderBytes: header => [0xEF, 0xBB, 0xBF, .. header]);

        LoadsRightOrRefused(path);
    }

    [Fact]
    public void A_lower_case_dtype_loads_right_or_is_refused_naming_the_file()
    {
        string path = Write("lower-dtype.safetensors", editHeader: text => text.Replace("\"F32\"", "\"f32\""));

        LoadsRightOrRefused(path);
    }

    [Fact]
    public void An_entry_that_is_not_an_object_is_refused_naming_the_key()
    {
        string path = Write("entry-null.safetensors", (key, entry, _, _) => key == "output.bias" ? "\"output.bias\":null" : entry);

        Assert.Contains("output.bias", RefusedUnchanged(path).Message);
    }
}
