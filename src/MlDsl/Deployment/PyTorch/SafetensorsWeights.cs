using System.Text.Json;
using MlDsl.Persistence;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace MlDsl.Deployment.PyTorch;

/// <summary>
/// A model's weights in Hugging Face's safetensors format (an 8-byte little-endian header length, a JSON header
/// naming each tensor's dtype, shape and byte range, then the raw little-endian values), read and written by
/// TorchSharp.PyBridge. Keys are the state_dict's (<c>conv1.weight</c>), as <c>safetensors.torch.save_file(model.state_dict())</c> writes them.
/// Loading checks the header against the file's length and every key and shape against the model before a value is
/// read, so a damaged, truncated or foreign file is a <see cref="ModelFileException"/> and leaves the model as it was.
/// </summary>
public static class SafetensorsWeights
{
    // A header larger than this is no model's: refuse it instead of allocating whatever a damaged length asks for.
    private const long MaxHeaderBytes = 100_000_000;

    /// <summary>Writes the model's parameters and buffers to <paramref name="path"/> (written beside it and moved into place).</summary>
    /// <exception cref="ModelFileException">The file cannot be written.</exception>
    public static void SaveSafetensors(this nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory) Directory.CreateDirectory(directory);
            AtomicFile.Write(path, partial =>
            {
                using FileStream stream = File.Create(partial);
                // Values go out as stored on the host; a model on a GPU is copied to the CPU for writing.
                Dictionary<string, Tensor> state = model.state_dict().ToDictionary(pair => pair.Key, pair => pair.Value.device_type == DeviceType.CPU ? pair.Value : pair.Value.cpu());
                Safetensors.SaveStateDict(stream, state, leaveOpen: true);
            });
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException(path, $"cannot write the safetensors file: {problem.Message}");
        }
    }

    /// <summary>
    /// Loads a safetensors file into the model. The header is checked against the file (every byte range inside it and as
    /// long as its dtype and shape need), then every key and shape against the model's, before any value is copied.
    /// </summary>
    /// <exception cref="ModelFileException">
    /// The file is missing, not safetensors, truncated or damaged (a header that is not UTF-8 JSON; a shape or data_offsets that are
    /// not whole numbers of at least 0; two tensors whose byte ranges overlap, naming both keys), or a key, shape or dtype differs
    /// from the model's.
    /// </exception>
    public static void LoadSafetensors(this nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!File.Exists(path)) throw new ModelFileException(path, "no such file");
        using FileStream stream = File.OpenRead(path);
        Dictionary<string, Entry> header = ReadHeader(stream, path);

        Dictionary<string, Tensor> expected = model.state_dict();
        string[] missing = expected.Keys.Where(key => !header.ContainsKey(key)).Order(StringComparer.Ordinal).ToArray();
        string[] unexpected = header.Keys.Where(key => !expected.ContainsKey(key)).Order(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0 || unexpected.Length > 0)
            throw new ModelFileException(path, "keys differ from the model's:"
                + (missing.Length > 0 ? $" missing {string.Join(", ", missing)}" : "")
                + (unexpected.Length > 0 ? $"{(missing.Length > 0 ? ";" : "")} unexpected {string.Join(", ", unexpected)}" : ""));
        foreach ((string key, Tensor target) in expected)
        {
            Entry entry = header[key];
            if (!entry.Shape.SequenceEqual(target.shape))
                throw new ModelFileException(path, $"'{key}' has shape ({string.Join(", ", entry.Shape)}); the model's is ({string.Join(", ", target.shape)})");
            if (!entry.Floating && target.is_floating_point())
                throw new ModelFileException(path, $"'{key}' holds {entry.DType} values; the model's are {target.dtype}");
            if (entry.Floating && !target.is_floating_point())
                throw new ModelFileException(path, $"'{key}' holds {entry.DType} values; the model's are {target.dtype}, whole numbers that a floating-point value would be truncated to: save it as {target.dtype}");
        }

        stream.Position = 0;
        Dictionary<string, Tensor> loaded = Safetensors.LoadStateDict(stream, leaveOpen: true);
        try
        {
            using (no_grad())
            {
                // Values are checked once read, all before the first is copied, so a refused file leaves the model as it was.
                foreach ((string key, Tensor target) in expected)
                    ImportedTensor.Check(path, key, loaded[key], target);
                foreach ((string key, Tensor target) in expected)
                    target.copy_(loaded[key]);
            }
        }
        finally
        {
            foreach (Tensor tensor in loaded.Values) tensor.Dispose();
        }
    }

    private sealed record Entry(string DType, long[] Shape, bool Floating, long Start, long End);

    private static readonly Dictionary<string, (int Bytes, bool Floating)> DTypes = new(StringComparer.Ordinal)
    {
        ["F64"] = (8, true), ["F32"] = (4, true), ["F16"] = (2, true), ["BF16"] = (2, true),
        ["I64"] = (8, false), ["I32"] = (4, false), ["I16"] = (2, false), ["I8"] = (1, false), ["U8"] = (1, false), ["BOOL"] = (1, false),
    };

    // The header, with every entry checked against the file: a known dtype, a shape of non-negative sizes, and a byte
    // range inside the data that holds exactly shape × dtype bytes. What PyBridge then reads can only be what it says.
    private static Dictionary<string, Entry> ReadHeader(FileStream stream, string path)
    {
        long fileLength = stream.Length;
        Span<byte> lengthBytes = stackalloc byte[8];
        if (fileLength < 8 || stream.ReadAtLeast(lengthBytes, 8, throwOnEndOfStream: false) < 8)
            throw new ModelFileException(path, $"is {fileLength} bytes, too short for a safetensors file (an 8-byte header length, a JSON header, the tensors' bytes)");
        ulong headerLength = BitConverter.ToUInt64(lengthBytes);
        if (!BitConverter.IsLittleEndian) headerLength = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(headerLength);
        if (headerLength < 2 || headerLength > (ulong)Math.Min(fileLength - 8, MaxHeaderBytes))
            throw new ModelFileException(path, $"byte 0: the header length says {headerLength} bytes, but the file holds {fileLength - 8} after it; not a safetensors file, or a damaged one");
        var json = new byte[headerLength];
        stream.ReadExactly(json);
        long dataLength = fileLength - 8 - (long)headerLength;
        // The format says UTF-8; System.Text.Json reads a key of other bytes only when asked for its name, and then throws its own exception.
        if (FirstNotUtf8(json) is { } notUtf8)
            throw new ModelFileException(path, $"byte {8 + notUtf8}: the header is not UTF-8 text; safetensors headers are UTF-8 JSON");

        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ModelFileException(path, "byte 8: the header is not a JSON object");
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__") continue;
                string key = property.Name;
                JsonElement value = property.Value;
                string Problem(string what) => $"'{key}': {what}";
                if (value.ValueKind != JsonValueKind.Object
                    || !value.TryGetProperty("dtype", out JsonElement dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String
                    || !value.TryGetProperty("shape", out JsonElement shapeElement) || shapeElement.ValueKind != JsonValueKind.Array
                    || !value.TryGetProperty("data_offsets", out JsonElement offsetsElement) || offsetsElement.ValueKind != JsonValueKind.Array || offsetsElement.GetArrayLength() != 2)
                    throw new ModelFileException(path, Problem("the header entry needs dtype, shape and two data_offsets"));
                string dtype = dtypeElement.GetString()!;
                if (!DTypes.TryGetValue(dtype, out var kind))
                    throw new ModelFileException(path, Problem($"dtype {dtype} is not one of {string.Join(", ", DTypes.Keys)}"));
                long[] shape = shapeElement.EnumerateArray().Select(WholeNumber).ToArray();
                if (shape.Any(size => size < 0))
                    throw new ModelFileException(path, Problem($"shape {shapeElement.GetRawText()} is not a list of sizes (whole numbers of at least 0)"));
                long[] offsets = offsetsElement.EnumerateArray().Select(WholeNumber).ToArray();
                if (offsets.Any(offset => offset < 0))
                    throw new ModelFileException(path, Problem($"data_offsets {offsetsElement.GetRawText()} are not two byte positions (whole numbers of at least 0)"));
                long bytes;
                try
                {
                    bytes = checked(shape.Aggregate(1L, (product, size) => product * size) * kind.Bytes);
                }
                catch (OverflowException)
                {
                    throw new ModelFileException(path, Problem($"shape ({string.Join(", ", shape)}) is too large"));
                }
                if (offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > dataLength)
                    throw new ModelFileException(path, Problem($"bytes {offsets[0]} to {offsets[1]} of the data lie outside its {dataLength} bytes (the file is truncated or damaged)"));
                if (offsets[1] - offsets[0] != bytes)
                    throw new ModelFileException(path, Problem($"holds {offsets[1] - offsets[0]} bytes, but {dtype} of shape ({string.Join(", ", shape)}) needs {bytes}"));
                if (!entries.TryAdd(key, new Entry(dtype, shape, kind.Floating, offsets[0], offsets[1])))
                    throw new ModelFileException(path, Problem("appears twice in the header"));
            }
        }
        catch (JsonException problem)
        {
            throw new ModelFileException(path, $"byte 8: the header is not valid JSON: {problem.Message}");
        }
        if (FirstOverlap(entries) is { } overlap)
            throw new ModelFileException(path, $"'{overlap.First}' (bytes {entries[overlap.First].Start} to {entries[overlap.First].End}) and '{overlap.Second}' "
                + $"(bytes {entries[overlap.Second].Start} to {entries[overlap.Second].End}) share bytes of the data; each tensor of a safetensors file has its own");
        return entries;
    }

    // A size or offset: a JSON number that is a whole number of at least 0 (a string, a fraction or a number past 2⁶³ is -1).
    private static long WholeNumber(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out long value) && value >= 0 ? value : -1;

    // Two tensors reading the same bytes would load as one another's values; the format forbids it. Empty tensors share nothing.
    private static (string First, string Second)? FirstOverlap(Dictionary<string, Entry> entries)
    {
        (string Key, Entry Entry)[] byStart = entries.Where(pair => pair.Value.End > pair.Value.Start)
            .Select(pair => (Key: pair.Key, Entry: pair.Value)).OrderBy(item => item.Entry.Start).ThenBy(item => item.Key, StringComparer.Ordinal).ToArray();
        for (int i = 1; i < byStart.Length; i++)
        {
            if (byStart[i].Entry.Start < byStart[i - 1].Entry.End) return (byStart[i - 1].Key, byStart[i].Key);
        }
        return null;
    }

    private static int? FirstNotUtf8(ReadOnlySpan<byte> bytes)
    {
        for (int at = 0; at < bytes.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out int used) != System.Buffers.OperationStatus.Done) return at;
            at += used;
        }
        return null;
    }
}
