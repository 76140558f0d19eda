using MlDsl.Audio;
using MlDsl.Data.Csv;
using MlDsl.Data.Files;

namespace MlDsl.Data.Streaming;

/// <summary>Lazy sources for the usual layouts: an in-memory list, labelled files (class folders or a manifest), WAV files, CSV files and shards.</summary>
public static class RowSources
{
    /// <summary>Rows already in memory, as a source (one shard).</summary>
    public static RowSource<TRow> FromList<TRow>(IReadOnlyList<TRow> rows) where TRow : ITensorRow<TRow> =>
        new ListSource<TRow>(rows ?? throw new ArgumentNullException(nameof(rows)));

    /// <summary>
    /// One row per listed file (<see cref="LabelledFiles.FromFolders"/> or <see cref="LabelledFiles.FromManifest"/>),
    /// decoded on demand by <paramref name="decode"/>, which receives the file and its class index. Each file is
    /// its own shard, and its class (and group, when <paramref name="groupOf"/> is given) is known without decoding.
    /// </summary>
    /// <param name="files">The listed files.</param>
    /// <param name="decode">Builds the row from a file and its class index; called from several threads at once.</param>
    /// <param name="groupOf">The file's group for grouped splits (e.g. the speaker); null when there is none.</param>
    public static RowSource<TRow> FromFiles<TRow>(LabelledFiles files, Func<LabelledFile, int, TRow> decode, Func<LabelledFile, string>? groupOf = null)
        where TRow : ITensorRow<TRow>
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(decode);
        return new FileSource<TRow>(files, decode, groupOf);
    }

    /// <summary>
    /// One row per WAV file (class folders or a manifest of <c>.wav</c> files): each file is read with
    /// <see cref="WavFile.Read(string)"/> when its row is needed and handed to <paramref name="build"/> with its class index.
    /// </summary>
    /// <exception cref="RowSourceException">When a row is read: the file is not a readable WAV (the message names it and why).</exception>
    public static RowSource<TRow> FromWavFiles<TRow>(LabelledFiles files, Func<WavAudio, LabelledFile, int, TRow> build, Func<LabelledFile, string>? groupOf = null)
        where TRow : ITensorRow<TRow>
    {
        ArgumentNullException.ThrowIfNull(build);
        return FromFiles(files, (file, label) => build(WavFile.Read(file.Path), file, label), groupOf);
    }

    /// <summary>
    /// The records of many CSV files (shards) as references: one scan of each file's bytes records every
    /// record's byte offset and physical line; a row is read back from its offset and decoded by the row
    /// type's generated CSV reader only when training needs it. Each file is a shard; every file has the
    /// layout <paramref name="options"/> describes (its own header when <see cref="CsvOptions.HasHeader"/>).
    /// </summary>
    /// <param name="paths">CSV files, or folders whose <c>*.csv</c> files are read in ordinal name order.</param>
    /// <param name="options">The files' layout; <see cref="CsvOptions.SkipBadRows"/> does not apply (a bad row fails when read).</param>
    /// <exception cref="ArgumentException">A path in the list is null or empty (its position named), or a shard is listed twice.</exception>
    /// <exception cref="FileNotFoundException">A named file does not exist, or a named folder holds no <c>*.csv</c> file.</exception>
    /// <exception cref="CsvDataException">A byte is not UTF-8 (file and line named), or a header is missing or lacks a member's column (file and line named).</exception>
    /// <exception cref="RowSourceException">A shard is not a regular file (a named pipe, a device) or changed while it was scanned;
    /// or, when a row is read: it is malformed, or its file changed on disk after the scan; the message names its file and line.</exception>
    public static RowSource<TRow> FromCsvFiles<TRow>(IEnumerable<string> paths, CsvOptions? options = null)
        where TRow : ITensorRow<TRow>, ICsvRow<TRow>
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        int position = 0;
        foreach (string? path in paths)
        {
            position++;
            if (string.IsNullOrWhiteSpace(path))
                throw new ArgumentException($"path {position} of the shard list is {(path is null ? "null" : "empty")}; expected a CSV file or a folder of *.csv files", nameof(paths));
            files.AddRange(Directory.Exists(path) ? ShardsIn(path) : [path]);
        }
        // The same shard twice (named twice, or named and inside a named folder) would feed its rows twice: one copy in each part of a split.
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in files)
            if (!first.TryAdd(Path.GetFullPath(file), file))
                throw new ArgumentException($"{file}: listed twice in the shard list (also as {first[Path.GetFullPath(file)]}); its rows would be read twice", nameof(paths));
        return new CsvShardSource<TRow>(files, options ?? new CsvOptions());
    }

    // A folder named as a source must hold shards: an empty one is a wrong path, not an empty dataset.
    private static string[] ShardsIn(string folder)
    {
        string[] shards = Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToArray();
        return shards.Length > 0 ? shards : throw new FileNotFoundException($"{folder}: the folder holds no *.csv files; expected CSV shards", folder);
    }
}
