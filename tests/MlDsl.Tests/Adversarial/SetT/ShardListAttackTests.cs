using MlDsl.Data.Streaming;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Adversarial.SetT;

/// <summary>
/// Shard lists for <see cref="RowSources.FromCsvFiles{TRow}"/> that SetI did not try: no path, an empty or null path, one
/// shard listed twice, a named pipe where a shard goes (must not hang), a folder linked into itself, a shard rewritten
/// after its scan with bytes of the same length, shards whose headers order the columns differently. Each is a
/// <see cref="RowSourceException"/> naming the path (or the right rows), never a hang, a raw .NET exception or other data.
/// </summary>
public sealed class ShardListAttackTests() : TemporaryFolder("mldsl-sett-shards")
{
    private const string Header = "Heart,Age,Sick,Patient,Seen,Clinic\n";

    private string Shard(string name, string text)
    {
        string path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static Exception Refused(Func<object> open, string named)
    {
        Exception? error = Record.Exception(open);
        Assert.True(error is RowSourceException or ArgumentException, $"expected a RowSourceException (or ArgumentException) naming '{named}', got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.Contains(named, error!.Message, StringComparison.OrdinalIgnoreCase);
        return error;
    }

    [Fact]
    public void A_list_of_no_paths_is_refused_naming_what_was_expected()
    {
        Refused(() => RowSources.FromCsvFiles<Visit>([]), "expected at least one shard");
    }

    [Fact]
    public void An_empty_path_in_the_list_is_refused_naming_its_position()
    {
        string good = Shard("part-0.csv", Header + "80,40,0,1,2026-01-01,a\n");

        Refused(() => RowSources.FromCsvFiles<Visit>([good, ""]), "path 2");
    }

    [Fact]
    public void A_null_path_in_the_list_is_refused_naming_its_position()
    {
        string good = Shard("part-0.csv", Header + "80,40,0,1,2026-01-01,a\n");

        Refused(() => RowSources.FromCsvFiles<Visit>([good, null!]), "path 2");
    }

    [Fact]
    public void A_shard_listed_twice_is_refused_naming_it_rather_than_read_twice()
    {
        string path = Shard("part-0.csv", Header + "80,40,0,1,2026-01-01,a\n81,41,1,2,2026-01-02,b\n");

        Refused(() => RowSources.FromCsvFiles<Visit>([path, path]), "part-0.csv");
    }

    [Fact]
    public async Task A_named_pipe_in_place_of_a_shard_is_refused_naming_it_without_waiting_for_a_writer()
    {
        string good = Shard("data/part-0.csv", Header + "80,40,0,1,2026-01-01,a\n");
        string pipe = Path.Combine(Root, "data", "part-1.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", pipe)) mkfifo.WaitForExit();

        Task<Exception?> open = Task.Run<Exception?>(() => Record.Exception(() => RowSources.FromCsvFiles<Visit>([Path.Combine(Root, "data")]).Read(0)));
        bool finished = await Task.WhenAny(open, Task.Delay(TimeSpan.FromSeconds(10))) == open;
        if (!finished)
        {
            // Lets the blocked reader return, so the test host is not left with a thread stuck in open(2).
            _ = Task.Run(() => { using var writer = new FileStream(pipe, FileMode.Open, FileAccess.Write); });
            await Task.WhenAny(open, Task.Delay(TimeSpan.FromSeconds(10)));
        }

        Assert.True(finished, "listing a folder holding a named pipe waited for a writer");
        Exception? error = await open;
        Assert.True(error is null or RowSourceException, $"got {error?.GetType().FullName}: {error?.Message}");
        if (error is not null) Assert.Contains("part-1.csv", error.Message);
        Assert.True(File.Exists(good));
    }

    [Fact]
    public async Task A_shard_folder_linked_into_itself_lists_each_shard_once()
    {
        string folder = Path.Combine(Root, "data");
        Shard("data/part-0.csv", Header + "80,40,0,1,2026-01-01,a\n81,41,1,2,2026-01-02,b\n");
        Directory.CreateSymbolicLink(Path.Combine(folder, "loop"), folder);

        Task<RowSource<Visit>> open = Task.Run(() => RowSources.FromCsvFiles<Visit>([folder]));

        Assert.True(await Task.WhenAny(open, Task.Delay(TimeSpan.FromSeconds(20))) == open, "listing a folder linked into itself did not finish");
        Assert.Equal(2, (await open).Count);
    }

    [Fact]
    public void A_shard_rewritten_after_its_scan_with_as_many_bytes_is_refused_not_read_as_other_rows()
    {
        string path = Shard("part-0.csv", Header + "80,40,0,1,2026-01-01,a\n81,41,1,2,2026-01-02,b\n");
        RowSource<Visit> source = RowSources.FromCsvFiles<Visit>([path]);
        // Another job rewrites the shard in place: same length, other patients.
        File.WriteAllText(path, Header + "99,90,1,7,2026-03-01,z\n98,91,0,8,2026-03-02,y\n");

        Exception? error = Record.Exception(() => source.Read(0));

        // The message reads the row again only when nothing was thrown (an interpolated message is built before the check).
        Assert.True(error is RowSourceException, error is null ? $"the rewritten shard was read as row {{Heart = {source.Read(0).Heart}}}" : $"{error.GetType().FullName}: {error.Message}");
        Assert.Contains("part-0.csv", error!.Message);
    }

    [Fact]
    public void Shards_whose_headers_order_the_columns_differently_read_each_column_by_name()
    {
        string first = Shard("part-0.csv", Header + "80,40,0,1,2026-01-01,a\n");
        string second = Shard("part-1.csv", "Age,Heart,Sick,Patient,Seen,Clinic\n41,81,1,2,2026-01-02,b\n");

        Exception? error = Record.Exception(() =>
        {
            RowSource<Visit> source = RowSources.FromCsvFiles<Visit>([first, second]);
            Assert.Equal((81f, 41f), (source.Read(1).Heart, source.Read(1).Age));
        });

        if (error is not Xunit.Sdk.XunitException && error is not null)
        {
            Assert.True(error is RowSourceException, $"got {error.GetType().FullName}: {error.Message}");
            Assert.Contains("part-1.csv", error.Message);
        }
        else if (error is not null) throw error;
    }
}
