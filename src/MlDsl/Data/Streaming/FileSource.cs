using MlDsl.Data.Files;

namespace MlDsl.Data.Streaming;

/// <summary>One file per row (class folders, a manifest, a WAV folder): each file is its own shard and its label is known without decoding.</summary>
internal sealed class FileSource<TRow>(LabelledFiles files, Func<LabelledFile, int, TRow> decode, Func<LabelledFile, string>? groupOf) : RowSource<TRow> where TRow : ITensorRow<TRow>
{
    private readonly int[] classes = files.Files.Select(file => files.ClassOf(file.Label)).ToArray();
    private readonly int[] shardStarts = Enumerable.Range(0, files.Files.Count).ToArray();

    public override int Count => classes.Length;
    public override IReadOnlyList<int> ShardStarts => shardStarts.Length == 0 ? [0] : shardStarts;
    protected override TRow Decode(int index) => decode(files.Files[index], classes[index]);
    public override string Describe(int index) => files.Files[index].Path;
    public override int? ClassOf(int index) => classes[index];
    public override string? GroupOf(int index) => groupOf?.Invoke(files.Files[index]);
}
