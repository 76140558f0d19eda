using System.Buffers.Binary;
using TorchSharp;

namespace MlDsl.Persistence;

/// <summary>
/// Counts the NaN and infinite values among a tensor's raw little-endian bytes, read in C# before TorchSharp sees them:
/// a checksum proves the bytes are the ones saved, not that they are usable weights, and one NaN weight makes every
/// prediction NaN without a word.
/// </summary>
internal static class FiniteValues
{
    /// <summary>How many of <paramref name="values"/>, stored as <paramref name="type"/>, are NaN or ±infinity; 0 for integer and boolean types.</summary>
    public static long CountNonFinite(ReadOnlySpan<byte> values, torch.ScalarType type)
    {
        long bad = 0;
        switch (type)
        {
            case torch.ScalarType.Float32:
                for (int at = 0; at + 4 <= values.Length; at += 4)
                    if (!float.IsFinite(BinaryPrimitives.ReadSingleLittleEndian(values[at..]))) bad++;
                break;
            case torch.ScalarType.Float64:
                for (int at = 0; at + 8 <= values.Length; at += 8)
                    if (!double.IsFinite(BinaryPrimitives.ReadDoubleLittleEndian(values[at..]))) bad++;
                break;
            case torch.ScalarType.Float16:
                for (int at = 0; at + 2 <= values.Length; at += 2)
                    if (!Half.IsFinite(BinaryPrimitives.ReadHalfLittleEndian(values[at..]))) bad++;
                break;
            case torch.ScalarType.BFloat16:
                // bfloat16 is float32's upper half: all eight exponent bits set means NaN or infinity.
                for (int at = 0; at + 2 <= values.Length; at += 2)
                    if ((BinaryPrimitives.ReadUInt16LittleEndian(values[at..]) & 0x7F80) == 0x7F80) bad++;
                break;
        }
        return bad;
    }
}
