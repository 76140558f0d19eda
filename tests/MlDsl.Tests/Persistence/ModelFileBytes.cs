using System.Security.Cryptography;
using System.Text;

namespace MlDsl.Tests.Persistence;

/// <summary>
/// Writes model files by hand, entry by entry, in the layout MlDsl and TorchSharp use (BinaryWriter
/// strings, LEB128 counts, raw values), so tests can craft files whose declared sizes lie.
/// </summary>
internal sealed class ModelFileBytes
{
    public const int Float32 = 6;

    public static byte[] Leb128(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            byte next = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value != 0 ? (byte)(next | 0x80) : next);
        } while (value != 0);
        return bytes.ToArray();
    }

    /// <summary>A state-dict payload: per entry its name, element type, shape and as many zero bytes as <paramref name="valueBytes"/> says (or the shape's float32 size).</summary>
    public static byte[] Payload(IEnumerable<(string Name, long[] Shape)> entries, int type = Float32, Func<long[], long>? valueBytes = null, ulong? count = null)
    {
        var list = entries.ToList();
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Leb128(count ?? (ulong)list.Count));
        foreach ((string name, long[] shape) in list)
        {
            writer.Write(name);
            writer.Write(Leb128((ulong)type));
            writer.Write(Leb128((ulong)shape.Length));
            foreach (long dimension in shape) writer.Write(Leb128((ulong)dimension));
            writer.Write(new byte[valueBytes?.Invoke(shape) ?? shape.Aggregate(4L, (size, d) => size * d)]);
        }
        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>A whole file: header (format, name, signature, SHA-256 of the payload, its length) and payload.</summary>
    public static byte[] File(string modelName, string signature, byte[] payload, int? declaredLength = null, string format = "MlDsl model v1")
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(format);
        writer.Write(modelName);
        writer.Write(signature);
        writer.Write(Convert.ToHexString(SHA256.HashData(payload)));
        writer.Write(declaredLength ?? payload.Length);
        writer.Write(payload);
        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>PointMlp's state: hidden (4 → 32), narrow (32 → 16), output (16 → 3).</summary>
    public static readonly (string Name, long[] Shape)[] PointMlp =
    [
        ("hidden.weight", [32, 4]), ("hidden.bias", [32]), ("narrow.weight", [16, 32]), ("narrow.bias", [16]), ("output.weight", [3, 16]), ("output.bias", [3]),
    ];

    public const string PointMlpSignature = "hidden.weight[32,4] hidden.bias[32] narrow.weight[16,32] narrow.bias[16] output.weight[3,16] output.bias[3]";
}
