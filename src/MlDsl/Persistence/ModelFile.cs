using System.Security.Cryptography;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Persistence;

/// <summary>
/// A model's weights behind a header: format tag, model name, the name and shape of every
/// parameter and buffer, and a SHA-256 of the weights. Load checks all three before touching the
/// model, so a file from another model or a damaged file is refused with a message saying which.
/// </summary>
public static class ModelFile
{
    private const string Format = "MlDsl model v1";

    public static void Save(nn.Module model, string modelName, string path)
    {
        using var weights = new MemoryStream();
        using (var writer = new BinaryWriter(weights, Encoding.UTF8, leaveOpen: true))
            model.save(writer);
        byte[] payload = weights.ToArray();

        string? directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        // Write beside the target and rename, so a crash never leaves half a model under the real name.
        string temporary = path + ".tmp";
        using (var file = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
        {
            file.Write(Format);
            file.Write(modelName);
            file.Write(Signature(model));
            file.Write(Convert.ToHexString(SHA256.HashData(payload)));
            file.Write(payload.Length);
            file.Write(payload);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static void Load(nn.Module model, string modelName, string path)
    {
        if (!File.Exists(path)) throw new ModelFileException(path, "no such file");
        using var file = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        string format, savedName, signature, checksum;
        byte[] payload;
        try
        {
            format = file.ReadString();
            if (format != Format) throw new ModelFileException(path, $"not an MlDsl model file (expected '{Format}')");
            savedName = file.ReadString();
            signature = file.ReadString();
            checksum = file.ReadString();
            payload = file.ReadBytes(file.ReadInt32());
        }
        catch (EndOfStreamException)
        {
            throw new ModelFileException(path, "the file is truncated");
        }
        if (savedName != modelName)
            throw new ModelFileException(path, $"holds a '{savedName}' model, not a '{modelName}'");
        string expected = Signature(model);
        if (signature != expected)
            throw new ModelFileException(path, $"its layer shapes differ from {modelName}'s: saved {signature}; expected {expected}");
        if (Convert.ToHexString(SHA256.HashData(payload)) != checksum)
            throw new ModelFileException(path, "checksum mismatch: the weights are damaged");

        using var reader = new BinaryReader(new MemoryStream(payload));
        model.load(reader);
    }

    /// <summary>"conv1.weight[32,1,3,3] conv1.bias[32] ...": every state entry with its shape.</summary>
    public static string Signature(nn.Module model) =>
        string.Join(" ", model.state_dict().Select(entry => $"{entry.Key}[{string.Join(",", entry.Value.shape)}]"));
}
