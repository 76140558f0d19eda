using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Persistence;

/// <summary>
/// A model's weights behind a header: format tag, model name, the name and shape of every
/// parameter and buffer, a SHA-256 of the weights and their byte count. Load checks the header,
/// the checksum and then the weights' own layout entry by entry against the model before
/// TorchSharp reads them, so a file from another model, a damaged file or a crafted one is refused
/// with a <see cref="ModelFileException"/> naming the file, the byte offset and what differs.
/// </summary>
public static class ModelFile
{
    private const string Format = "MlDsl model v1";
    private const int MaxNameBytes = 1024, MaxSignatureBytes = 16 << 20;

    // Set while an artifact loads its model: the bytes it verified, so the file is not read twice
    // (and cannot be swapped in between), and the model name its manifest promises.
    private static readonly AsyncLocal<VerifiedModelBytes?> Verified = new();

    /// <exception cref="ModelFileException">The file cannot be written (a folder of that name, no permission, a full disk); no temporary file is left behind.</exception>
    public static void Save(nn.Module model, string modelName, string path)
    {
        byte[] bytes = Serialize(model, modelName);
        try
        {
            // Written beside the target (its folder made when missing), flushed and renamed, so a crash never leaves half
            // a model under the real name.
            AtomicFile.WriteAllBytes(path, bytes);
        }
        catch (OutputPathException error)
        {
            throw new ModelFileException(path, $"{error.Problem}; expected a file name to save the model to");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException(path, $"cannot be written: {error.Message}");
        }
    }

    /// <summary>The file's bytes: header, then the weights as TorchSharp's <c>Module.save</c> writes them.</summary>
    internal static byte[] Serialize(nn.Module model, string modelName)
    {
        using var weights = new MemoryStream();
        using (var writer = new BinaryWriter(weights, Encoding.UTF8, leaveOpen: true))
            model.save(writer);
        byte[] payload = weights.ToArray();

        using var file = new MemoryStream();
        using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Format);
            writer.Write(modelName);
            writer.Write(Signature(model));
            writer.Write(Sha256Hex.Of(payload));
            writer.Write(payload.Length);
            writer.Write(payload);
        }
        return file.ToArray();
    }

    /// <summary>Loads <paramref name="path"/> into <paramref name="model"/> after checking every byte of it.</summary>
    /// <exception cref="ModelFileException">The file is missing, unreadable, of another model or shape, damaged or malformed.</exception>
    public static void Load(nn.Module model, string modelName, string path)
    {
        VerifiedModelBytes? verified = Verified.Value is { } scope && scope.Path == System.IO.Path.GetFullPath(path) ? scope : null;
        if (verified is not null && verified.ModelName != modelName)
            throw new ModelFileException(path, $"its artifact's manifest says it holds a '{verified.ModelName}' model, not a '{modelName}'");
        LoadBytes(model, modelName, path, verified?.Bytes ?? ReadAll(path));
    }

    /// <summary>Loads a model file's <paramref name="bytes"/> (already read, e.g. verified by a checkpoint) into <paramref name="model"/>.</summary>
    internal static void LoadBytes(nn.Module model, string modelName, string path, byte[] bytes)
    {
        var reader = new BoundedReader(bytes, path);
        string format = reader.ReadString("the format tag", MaxNameBytes);
        if (format != Format) throw new ModelFileException(path, $"not an MlDsl model file (expected '{Format}', found '{Printable(format)}')");
        string savedName = reader.ReadString("the model name", MaxNameBytes);
        if (savedName != modelName)
            throw new ModelFileException(path, $"holds a '{Printable(savedName)}' model, not a '{modelName}'");
        string signature = reader.ReadString("the layer shapes", MaxSignatureBytes);
        string expected = Signature(model);
        if (signature != expected)
            throw new ModelFileException(path, $"its layer shapes differ from {modelName}'s: saved {Printable(signature)}; expected {expected}");
        string checksum = reader.ReadString("the checksum", 64);
        int lengthAt = reader.Offset;
        int length = reader.ReadInt32("the weights' length");
        if (length != reader.Remaining)
            throw new ModelFileException(path, $"at byte {lengthAt}: the header declares {length} bytes of weights; {reader.Remaining} follow it: the file is truncated or damaged");
        int payloadAt = reader.Offset;
        ReadOnlySpan<byte> payload = reader.Take(length, "the weights");
        string found = Sha256Hex.Of(payload);
        if (!Sha256Hex.Matches(checksum, found))
            throw new ModelFileException(path, $"checksum mismatch: the weights' SHA-256 is {found}, the header says {Printable(checksum)}: the weights are damaged");

        StateDictPayload.Check(payload, payloadAt, model, modelName, path);
        using var weights = new BinaryReader(new MemoryStream(bytes, payloadAt, length, writable: false));
        model.load(weights);
    }

    /// <summary>"conv1.weight[32,1,3,3] conv1.bias[32] ...": every state entry with its shape.</summary>
    public static string Signature(nn.Module model) =>
        string.Join(" ", model.state_dict().Select(entry => $"{entry.Key}[{string.Join(",", entry.Value.shape)}]"));

    /// <summary>Runs <paramref name="load"/> (a generated <c>Load(path)</c>) on bytes already verified, expecting <paramref name="modelName"/>.</summary>
    internal static TModel LoadVerified<TModel>(Func<string, TModel> load, string path, byte[] bytes, string modelName)
    {
        VerifiedModelBytes? outer = Verified.Value;
        Verified.Value = new VerifiedModelBytes(System.IO.Path.GetFullPath(path), bytes, modelName);
        try
        {
            return load(path);
        }
        finally
        {
            Verified.Value = outer;
        }
    }

    private static byte[] ReadAll(string path)
    {
        if (FileKind.OtherThanFile(path) is { } kind) throw new ModelFileException(path, $"is {kind}, not a regular file; expected a saved model");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > Array.MaxLength) throw new ModelFileException(path, $"holds {stream.Length} bytes; a model file holds at most {Array.MaxLength}");
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ModelFileException(path, "no such file");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException(path, $"cannot be read: {error.Message}");
        }
    }

    // Names from a damaged file can hold anything: show at most 200 characters, without control characters.
    private static string Printable(string text)
    {
        string shown = new(text.Take(200).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return text.Length > 200 ? shown + $"... ({text.Length} characters)" : shown;
    }

    private sealed record VerifiedModelBytes(string Path, byte[] Bytes, string ModelName);
}
