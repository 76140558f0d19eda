using System.Diagnostics;
using MlDsl.Data.Streaming;

namespace MlDsl.Examples.DataParallel;

/// <summary>
/// Rows made on demand from their index (a stand-in for files on disk): row i is always the same,
/// and nothing but the row count is held. Shards of 256 rows play the part of files.
/// </summary>
public sealed class BlobSource(int count, int? dieAfterRows = null, bool throwInstead = false) : RowSource<Blob>
{
    private const int ShardSize = 256;
    private int decoded;

    public override int Count => count;
    public override IReadOnlyList<int> ShardStarts => Enumerable.Range(0, (count + ShardSize - 1) / ShardSize).Select(shard => shard * ShardSize).ToArray();
    public override int? ClassOf(int index) => index % 4;
    public override string Describe(int index) => $"blob shard {index / ShardSize}, row {index % ShardSize}";

    protected override Blob Decode(int index)
    {
        // A rank told to die does so abruptly, as a crashed machine would (no exception, no cleanup),
        // or, told to throw, fails as a bad file would (the training loop tells the other ranks).
        if (dieAfterRows is { } limit && Interlocked.Increment(ref decoded) > limit)
        {
            if (throwInstead) throw new InvalidDataException($"blob {index} is unreadable (a simulated bad file)");
            Process.GetCurrentProcess().Kill();
        }
        var random = new Random(index);
        int centre = index % 4;
        var position = new float[Blob.Dimensions];
        for (int d = 0; d < position.Length; d++)
            position[d] = (d % 4 == centre ? 1f : 0f) + (float)(random.NextDouble() - 0.5);
        return new Blob { Position = position, Centre = centre };
    }
}
