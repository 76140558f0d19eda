using System.Diagnostics;
using System.Globalization;
using System.Text;
using MlDsl.Data.Csv;
using MlDsl.Data.Streaming;

namespace MlDsl.Benchmarks;

/// <summary>A CSV shard row as wide as the breast-cancer rows: 30 measurements and a class.</summary>
[Dataset]
public sealed partial record ShardRow
{
    [Feature, Shape(30), Column(0)] public required float[] Measurements { get; init; }
    [Label(Classes = 2), Column(30)] public required int Diagnosis { get; init; }
}

/// <summary>
/// What CsvShardSource's guard against a shard rewritten in place costs: every row read from the same shards, in one
/// process, by sources that differ only in <see cref="CsvShardSource{TRow}.StampCheck"/> — the shard's length and
/// last-write time read (two fstat calls), or never. Rows are read in a shuffled order on one thread in batches of 64, as a
/// decoding worker reads them (<see cref="RowSource{TRow}.ReadBatch"/>: the check once per shard and batch), and one
/// <see cref="RowSource{TRow}.Read"/> a row (the check on every row); the order of the two sources alternates between rounds.
/// </summary>
internal static class CsvShardBench
{
    /// <summary>args: [rows] [runs] [rounds per run].</summary>
    public static int Run(string[] args)
    {
        int rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        string[] shards = Prepare(rows, shards: 8);
        int[] order = Enumerable.Range(0, rows).ToArray();
        new Random(1).Shuffle(order);
        var options = new CsvOptions { HasHeader = false };

        Console.WriteLine($"CSV shards, {rows} rows of 31 columns in {shards.Length} files, shuffled single-thread reads, {runs} runs (min–max of each run's median of {rounds} rounds):");
        foreach (int batch in new[] { 64, 1 }) Compare(shards, options, order, runs, rounds, batch);
        return 0;
    }

    private static void Compare(string[] shards, CsvOptions options, int[] order, int runs, int rounds, int batch)
    {
        int rows = order.Length;
        Console.WriteLine(batch == 1 ? " one Read a row (the check on every row):" : $" batches of {batch} (ReadBatch, the decoding workers' path: the check once per shard and batch):");
        var ratios = new List<double>();
        var checkedRates = new List<double>();
        var uncheckedRates = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            var with = new List<double>();
            var without = new List<double>();
            for (int round = 0; round < rounds; round++)
                foreach (bool check in round % 2 == 0 ? new[] { true, false } : new[] { false, true })
                    (check ? with : without).Add(Seconds(shards, options, order, check, batch));
            double withMedian = Median(with), withoutMedian = Median(without);
            ratios.Add(withMedian / withoutMedian);
            checkedRates.Add(rows / withMedian);
            uncheckedRates.Add(rows / withoutMedian);
            Console.Error.WriteLine(FormattableString.Invariant($"  run {run + 1}: with check {withMedian * 1e3:F0} ms, without {withoutMedian * 1e3:F0} ms, {withMedian / withoutMedian:F3}x"));
        }
        Console.WriteLine(FormattableString.Invariant(
            $"  stamp checked   {checkedRates.Min():F0}–{checkedRates.Max():F0} rows/s\n  stamp unchecked {uncheckedRates.Min():F0}–{uncheckedRates.Max():F0} rows/s\n  time with / without the check: {ratios.Min():F3}–{ratios.Max():F3}"));
    }

    private static double Seconds(string[] shards, CsvOptions options, int[] order, bool check, int batch)
    {
        using var source = new CsvShardSource<ShardRow>(shards, options) { StampCheck = check };
        source.ReadBatch(order.AsSpan(0, Math.Min(order.Length, 64)), new ShardRow[Math.Min(order.Length, 64)]); // opens the handles outside the clock
        var rows = new ShardRow[batch];
        var clock = Stopwatch.StartNew();
        float sum = 0;
        for (int start = 0; start < order.Length; start += batch)
        {
            int size = Math.Min(batch, order.Length - start);
            if (batch == 1) rows[0] = source.Read(order[start]);
            else source.ReadBatch(order.AsSpan(start, size), rows.AsSpan(0, size));
            for (int i = 0; i < size; i++) sum += rows[i].Measurements[0];
        }
        clock.Stop();
        if (float.IsNaN(sum)) throw new InvalidOperationException("unreachable: keeps the reads from being optimised away");
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string[] Prepare(int rows, int shards)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"mldsl-csv-shard-bench-{rows}");
        string[] paths = Enumerable.Range(0, shards).Select(shard => Path.Combine(folder, $"shard-{shard:D2}.csv")).ToArray();
        if (File.Exists(Path.Combine(folder, ".complete"))) return paths;
        Directory.CreateDirectory(folder);
        var random = new Random(7);
        for (int shard = 0; shard < shards; shard++)
        {
            var text = new StringBuilder();
            for (int row = shard; row < rows; row += shards)
            {
                for (int column = 0; column < 30; column++) text.Append((random.NextDouble() * 100).ToString("F4", CultureInfo.InvariantCulture)).Append(',');
                text.Append(random.Next(2)).Append('\n');
            }
            File.WriteAllText(paths[shard], text.ToString());
        }
        File.WriteAllText(Path.Combine(folder, ".complete"), "");
        return paths;
    }
}
