using Microsoft.Win32.SafeHandles;
using MlDsl.Data.Csv;

namespace MlDsl.Data.Streaming;

/// <summary>
/// Rows of many CSV files (shards), held as references: each record's file, byte offset, length and
/// physical line, found by one scan of the bytes when the source is made (quoted fields may hold line
/// breaks). A row is read back from its offset and decoded by the row type's generated CSV reader only
/// when it is needed; each file is a shard. Errors name the file and the record's physical line.
/// </summary>
internal sealed class CsvShardSource<TRow> : RowSource<TRow>, IDisposable where TRow : ITensorRow<TRow>, ICsvRow<TRow>
{
    private readonly string[] paths;
    private readonly int[][] columnStarts;
    private readonly int[] headerWidths; // each file's header field count (0 without a header): a longer row is refused as CsvFile refuses it
    private readonly CsvOptions options;
    private readonly int[] shardStarts;
    private readonly long[] offsets;
    private readonly int[] lengths;
    private readonly long[] lines;
    private readonly SafeFileHandle?[] handles;
    // Each file's length and last write when it was scanned: the offsets hold only for those bytes, so a file rewritten
    // afterwards (even to the same length) is refused by name rather than read as other rows.
    private readonly (long Length, DateTime LastWrite)[] scanned;

    /// <summary>Whether reads compare the shard's length and last write with <see cref="scanned"/>; off only to measure what the check costs (CsvShardBench).</summary>
    internal bool StampCheck { get; init; } = true;

    public CsvShardSource(IReadOnlyList<string> files, CsvOptions options)
    {
        if (files.Count == 0) throw new ArgumentException("no CSV files were given; expected at least one shard", nameof(files));
        if (options.SkipLines < 0) throw new ArgumentOutOfRangeException(nameof(options), options.SkipLines, "CsvOptions.SkipLines must not be negative.");
        if (string.IsNullOrEmpty(options.Delimiter)) throw new ArgumentException("CsvOptions.Delimiter must not be empty.", nameof(options));
        this.options = options;
        paths = files.ToArray();
        columnStarts = new int[paths.Length][];
        headerWidths = new int[paths.Length];
        handles = new SafeFileHandle?[paths.Length];
        scanned = new (long, DateTime)[paths.Length];
        var starts = new List<int>();
        var offsetList = new List<long>();
        var lengthList = new List<int>();
        var lineList = new List<long>();
        for (int file = 0; file < paths.Length; file++)
        {
            string path = paths[file];
            if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such CSV file", path);
            // A named pipe would block the scan until a writer comes; a device (/dev/zero) would never end.
            if (MlDsl.Persistence.FileKind.OtherThanFile(path) is { } kind)
                throw new RowSourceException(path, offsetList.Count, $"is {kind}, not a regular file; expected a CSV shard");
            scanned[file] = Stamp(path);
            starts.Add(offsetList.Count);
            bool headerPending = options.HasHeader;
            foreach (var (offset, length, line, blank) in Records(path, System.Text.Encoding.UTF8.GetBytes(options.Delimiter), options.SkipLines))
            {
                if (blank) continue;
                if (headerPending)
                {
                    string[] header = Fields(ReadText(path, offset, length, line, file: -1), line, path);
                    columnStarts[file] = CsvFile.ResolveColumns(path, TRow.CsvColumns, header, line, options.FeaturesOnly);
                    headerWidths[file] = header.Length;
                    headerPending = false;
                    continue;
                }
                offsetList.Add(offset);
                lengthList.Add(length);
                lineList.Add(line);
            }
            if (headerPending) throw new CsvDataException(path, options.SkipLines + 1, "-", "the file is empty; expected a header line");
            if (Stamp(path) != scanned[file])
                throw new RowSourceException(path, starts[^1], "changed on disk while it was scanned; expected a shard nothing writes to while it is read");
            columnStarts[file] ??= CsvFile.ResolveColumns(path, TRow.CsvColumns, null, options.SkipLines + 1, options.FeaturesOnly);
        }
        // A shard without records starts where the next one does; shard starts stay ascending and distinct.
        shardStarts = starts.Distinct().Where(start => start < offsetList.Count).DefaultIfEmpty(0).ToArray();
        fileStarts = starts.ToArray();
        offsets = offsetList.ToArray();
        lengths = lengthList.ToArray();
        lines = lineList.ToArray();
    }

    private readonly int[] fileStarts;

    public override int Count => offsets.Length;
    public override IReadOnlyList<int> ShardStarts => shardStarts;
    public override string Describe(int index) => $"{paths[FileOf(index)]}, line {lines[index]}";

    /// <summary>
    /// A class label is a column of the record, not part of the reference: the first call reads every record's
    /// label once (in parallel, keeping one int per row) so stratified splits work on CSV shards too.
    /// </summary>
    public override int? ClassOf(int index) => TRow.LabelKind == LabelKind.Class ? Classes()[index] : null;

    private int[]? classes;

    private int[] Classes()
    {
        if (Volatile.Read(ref classes) is { } known) return known;
        var read = new int[Count];
        var failures = new System.Collections.Concurrent.ConcurrentBag<(int Index, Exception Error)>();
        Parallel.For(0, Count, index =>
        {
            try
            {
                read[index] = (int)RowLabels.Class(Read(index), TRow.ClassCount);
            }
            catch (Exception error)
            {
                failures.Add((index, error));
            }
        });
        // The first bad row in file order, whichever thread met it first.
        if (!failures.IsEmpty) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failures.MinBy(failure => failure.Index).Error);
        Interlocked.CompareExchange(ref classes, read, null);
        return classes!;
    }

    protected override TRow Decode(int index) => DecodeRecord(index, checkStamp: StampCheck);

    // ReadBatch checks the stamps of the batch's files once, after all its reads.
    private protected override TRow DecodeInBatch(int index) => DecodeRecord(index, checkStamp: false);

    /// <summary>
    /// Reads a batch's rows, then checks each shard it read once: bytes of a shard rewritten before that check are
    /// refused as a check after every row would refuse them (the check follows the reads either way), with one pair of
    /// fstat calls per shard and batch instead of per row — a check per row made reading 1.15–1.21× slower.
    /// </summary>
    internal override void ReadBatch(ReadOnlySpan<int> indices, Span<TRow> rows)
    {
        var firstOfFile = new Dictionary<int, int>();
        for (int i = 0; i < indices.Length; i++)
        {
            rows[i] = ReadRow(indices[i], inBatch: true);
            firstOfFile.TryAdd(FileOf(indices[i]), indices[i]);
        }
        if (!StampCheck) return;
        foreach ((int file, int index) in firstOfFile)
        {
            try
            {
                CheckStamp(file, Volatile.Read(ref handles[file]) ?? Open(file));
            }
            catch (IOException changed)
            {
                throw new RowSourceException(Describe(index), index, changed);
            }
        }
    }

    private TRow DecodeRecord(int index, bool checkStamp)
    {
        int file = FileOf(index);
        string path = paths[file];
        string text = ReadText(path, offsets[index], lengths[index], lines[index], file, checkStamp);
        string[] fields = Fields(text, lines[index], path);
        var record = new CsvRecord(path, TRow.CsvColumns, columnStarts[file], options.FeaturesOnly, headerWidths[file]);
        record.Load(fields, lines[index]);
        return TRow.FromCsv(record);
    }

    public void Dispose()
    {
        for (int i = 0; i < handles.Length; i++) Interlocked.Exchange(ref handles[i], null)?.Dispose();
    }

    // Empty files share their start with the next file; the search returns the last of equal starts, the one holding the rows.
    private int FileOf(int index) => SubsetSource<TRow>.ShardOf(fileStarts, index);

    // Positional reads need no lock: one open handle per file, shared by every decoding thread.
    private string ReadText(string path, long offset, int length, long line, int file, bool checkStamp = false)
    {
        var bytes = new byte[length];
        if (file < 0)
        {
            using SafeFileHandle once = File.OpenHandle(path);
            RandomAccess.Read(once, bytes, offset);
        }
        else
        {
            SafeFileHandle handle = Volatile.Read(ref handles[file]) ?? Open(file);
            int read = RandomAccess.Read(handle, bytes, offset);
            if (read < length) throw new IOException($"{path} is shorter than when it was indexed (read {read} of {length} bytes at offset {offset}); it changed on disk");
            if (checkStamp) CheckStamp(file, handle);
        }
        // Strict UTF-8, as CsvFile reads: a byte that is not UTF-8 names its line instead of becoming a silent U+FFFD.
        try
        {
            return Utf8Text.Strict.GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw Utf8Text.NotUtf8(path, Utf8Text.FirstInvalid(bytes, line, offset), line);
        }
    }

    private void CheckStamp(int file, SafeFileHandle handle)
    {
        (long Length, DateTime LastWrite) now = (RandomAccess.GetLength(handle), File.GetLastWriteTimeUtc(handle));
        if (now != scanned[file])
            throw new IOException($"{paths[file]} changed on disk after it was indexed (now {now.Length} bytes written {now.LastWrite:O}, indexed {scanned[file].Length} bytes written {scanned[file].LastWrite:O}); its rows' offsets no longer hold: make the source again");
    }

    private static (long Length, DateTime LastWrite) Stamp(string path)
    {
        var info = new FileInfo(path);
        return (info.Length, info.LastWriteTimeUtc);
    }

    private SafeFileHandle Open(int file)
    {
        SafeFileHandle opened = File.OpenHandle(paths[file]);
        SafeFileHandle? existing = Interlocked.CompareExchange(ref handles[file], opened, null);
        if (existing is null) return opened;
        opened.Dispose();
        return existing;
    }

    private string[] Fields(string text, long line, string path)
    {
        using var records = new CsvRecords(path, new StringReader(text), options.Delimiter, line);
        return records.Read() ? records.Fields : [];
    }

    // Records are found by their UTF-8 bytes: a UTF-16 or UTF-32 file (Excel's "Unicode text") is refused by name, not split at its zero bytes.
    private static long SkipByteOrderMark(FileStream stream, string path)
    {
        Span<byte> first = stackalloc byte[4];
        int read = stream.ReadAtLeast(first, 4, throwOnEndOfStream: false);
        if (Utf8Text.OtherByteOrderMark(first[..read]) is { } encoding)
            throw new CsvDataException(path, 1, "-", $"the file is {encoding}; CSV shards are read as UTF-8 (save the file as UTF-8)");
        if (read >= 3 && first[0] == 0xEF && first[1] == 0xBB && first[2] == 0xBF) { stream.Position = 3; return 3; }
        stream.Position = 0;
        return 0;
    }

    /// <summary>
    /// The records of a file, by one pass over its bytes: a record ends at a line break outside quotes
    /// (a quote opens a field only at its start, and a doubled quote inside stays inside, as in RFC 4180).
    /// </summary>
    private static IEnumerable<(long Offset, int Length, long Line, bool Blank)> Records(string path, byte[] delimiter, int skipLines)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        // A UTF-8 byte order mark (Excel's "CSV UTF-8" writes one) is no part of the first record: CsvFile's reader
        // drops it too, so the first header keeps its name.
        long bom = SkipByteOrderMark(stream, path);
        long position = bom, start = bom, line = 1, startLine = 1;
        bool quoted = false, fieldStart = true, blank = true, pendingQuote = false, afterCarriageReturn = false;
        int matched = 0; // how much of the delimiter the last bytes matched
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (int i = 0; i < read; i++, position++)
            {
                byte b = buffer[i];
                if (afterCarriageReturn)
                {
                    afterCarriageReturn = false;
                    if (b == (byte)'\n') { start = position + 1; continue; }
                }
                if (line <= skipLines)
                {
                    // Raw preamble lines, not records: a quote there must not swallow the data.
                    if (b == (byte)'\n' || b == (byte)'\r')
                    {
                        line++;
                        startLine = line;
                        start = position + 1;
                        afterCarriageReturn = b == (byte)'\r';
                    }
                    continue;
                }
                if (quoted)
                {
                    if (pendingQuote)
                    {
                        pendingQuote = false;
                        if (b == (byte)'"') continue; // a doubled quote: still inside
                        quoted = false;           // the closing quote: this byte is outside
                    }
                    else
                    {
                        if (b == (byte)'"') pendingQuote = true;
                        else if (b == (byte)'\n') line++; // \r\n counts once (a lone \r inside quotes is not counted)
                        continue;
                    }
                }
                if (b == (byte)'\n' || b == (byte)'\r')
                {
                    yield return (start, (int)(position - start), startLine, blank);
                    line++;
                    startLine = line;
                    start = position + 1;
                    afterCarriageReturn = b == (byte)'\r';
                    fieldStart = true;
                    blank = true;
                    matched = 0;
                    continue;
                }
                if (b != (byte)' ' && b != (byte)'\t') blank = false;
                if (b == (byte)'"' && fieldStart) { quoted = true; fieldStart = false; continue; }
                matched = b == delimiter[matched] ? matched + 1 : (b == delimiter[0] ? 1 : 0);
                fieldStart = matched == delimiter.Length;
                if (fieldStart) matched = 0;
            }
        }
        if (position > start && line > skipLines) yield return (start, (int)(position - start), startLine, blank);
    }
}
