using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;

namespace MlDsl.Tests.Fuzzing;

/// <summary>
/// One edit of a file's bytes, as a fuzzer makes them: flip bits, write boundary values (sizes of 0,
/// 0xFFFFFFFF, 0x7FFFFFFF...), insert, delete, truncate. Positions are fractions of the length, so a
/// mutation applies to any seed file.
/// </summary>
internal sealed record ByteMutation(int Kind, double Where, uint Value, int Length)
{
    private static readonly uint[] Boundaries = { 0, 1, 0x7F, 0x80, 0xFF, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0x7FFFF000, 16384, 65535 };

    public static Gen<ByteMutation> Any { get; } =
        from kind in Gen.Choose(0, 6)
        from position in Gen.Choose(0, 10_000).Select(at => at / 10_000.0)
        from value in Gen.OneOf(Gen.Elements(Boundaries), Gen.Choose(0, int.MaxValue).Select(number => (uint)number))
        from length in Gen.Choose(1, 16)
        select new ByteMutation(kind, position, value, length);

    /// <summary>One to six mutations in a row.</summary>
    public static Gen<ByteMutation[]> Several { get; } = Gen.Choose(1, 6).SelectMany(count => Gen.ArrayOf(Any, count));

    public static byte[] Apply(byte[] seed, IEnumerable<ByteMutation> mutations)
    {
        var bytes = new List<byte>(seed);
        foreach (ByteMutation mutation in mutations) mutation.ApplyTo(bytes);
        return bytes.ToArray();
    }

    private void ApplyTo(List<byte> bytes)
    {
        int at = (int)(Where * bytes.Count);
        switch (Kind)
        {
            case 0 when at < bytes.Count: // flip one bit
                bytes[at] ^= (byte)(1 << (int)(Value % 8));
                break;
            case 1 when at < bytes.Count: // one byte set to a boundary value
                bytes[at] = (byte)Value;
                break;
            case 2: // four bytes (a size field, little or big endian) set to a boundary value
                var word = new byte[4];
                if (Value % 2 == 0) BinaryPrimitives.WriteUInt32LittleEndian(word, Value);
                else BinaryPrimitives.WriteUInt32BigEndian(word, Value);
                for (int i = 0; i < 4 && at + i < bytes.Count; i++) bytes[at + i] = word[i];
                break;
            case 3: // insert bytes
                bytes.InsertRange(at, Enumerable.Repeat((byte)Value, Length));
                break;
            case 4: // delete bytes
                bytes.RemoveRange(at, Math.Min(Length, bytes.Count - at));
                break;
            case 5: // truncate
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            default: // duplicate a stretch (repeated chunks, repeated lines)
                bytes.InsertRange(at, bytes.Skip(at).Take(Length * 4).ToArray());
                break;
        }
    }
}
