using MlDsl.Audio;
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
}
