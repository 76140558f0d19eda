namespace MlDsl.Data.Streaming;

/// <summary>Rows already in memory, as a source: reading is a list lookup, the whole list is one shard.</summary>
internal sealed class ListSource<TRow>(IReadOnlyList<TRow> rows) : RowSource<TRow> where TRow : ITensorRow<TRow>
{
    public override int Count => rows.Count;

    protected override TRow Decode(int index) =>
        rows[index] ?? throw new RowDataException(typeof(TRow).Name, "row", "a row", "null", index);
}
