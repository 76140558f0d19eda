using MlDsl.Data.Files;
using MlDsl.Data.Splits;
using MlDsl.Data.Streaming;

namespace MlDsl.Tests.Streaming;

public sealed class FileSourceTests() : TemporaryFolder("mldsl-file-source")
{
    [Fact]
    public void A_wav_folder_source_reads_each_file_when_its_row_is_needed_with_the_class_of_its_folder()
    {
        WriteClassFolders(perClass: 4);
        int decoded = 0;
        RowSource<Clip> source = RowSources.FromWavFiles(LabelledFiles.FromFolders(Root, ".wav"), (audio, file, language) =>
        {
            Interlocked.Increment(ref decoded);
            return new Clip { Samples = audio.Samples, Language = language };
        });
        Assert.Equal(0, decoded); // listing reads no audio
        Assert.Equal(20, source.Count);
        Assert.Equal(Enumerable.Range(0, 5).SelectMany(c => Enumerable.Repeat(c, 4)), Enumerable.Range(0, 20).Select(i => source.ClassOf(i)!.Value));
        Clip clip = source.Read(9);
        Assert.Equal(1, decoded);
        Assert.Equal(2, clip.Language);
        Assert.Equal(8000, clip.Samples.Length);
    }

    [Fact]
    public void A_damaged_wav_fails_when_read_naming_the_file()
    {
        WriteClassFolders(perClass: 2);
        string damaged = Path.Combine(Root, "c3", "clip1.wav");
        File.WriteAllBytes(damaged, "RIFF\u0004\0\0\0WAVE"u8.ToArray());
        RowSource<Clip> source = RowSources.FromWavFiles(LabelledFiles.FromFolders(Root, ".wav"), (audio, _, language) => new Clip { Samples = audio.Samples, Language = language });
        var problem = Assert.Throws<RowSourceException>(() => source.Read(7));
        Assert.Contains(damaged, problem.Message);
        Assert.Equal(damaged, problem.Reference);
    }

    [Fact]
    public void A_stratified_split_of_a_source_keeps_each_class_share_without_decoding()
    {
        WriteClassFolders(perClass: 10);
        RowSource<Clip> source = RowSources.FromFiles<Clip>(LabelledFiles.FromFolders(Root, ".wav"), (_, _) => throw new InvalidOperationException("a split must not decode"));
        SourceSplit<Clip> split = source.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.2, Test = 0.2, Seed = 4 });
        Assert.Equal((30, 10, 10), (split.Train.Count, split.Validation.Count, split.Test.Count));
        for (int c = 0; c < 5; c++)
        {
            Assert.Equal(2, Enumerable.Range(0, 10).Count(i => split.Test.ClassOf(i) == c));
            Assert.Equal(2, Enumerable.Range(0, 10).Count(i => split.Validation.ClassOf(i) == c));
        }
        var paths = new[] { split.Train, split.Validation, split.Test }.SelectMany(part => Enumerable.Range(0, part.Count).Select(part.Describe)).ToList();
        Assert.Equal(50, paths.Distinct().Count());
    }

    [Fact]
    public void A_grouped_split_of_a_source_keeps_each_group_in_one_part()
    {
        WriteClassFolders(perClass: 6);
        // The group is the file name: clip3.wav of every class is one prompt in five languages.
        RowSource<Clip> source = RowSources.FromFiles<Clip>(LabelledFiles.FromFolders(Root, ".wav"), (_, _) => throw new InvalidOperationException("no decoding"), file => Path.GetFileName(file.Path));
        SourceSplit<Clip> split = source.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.2, Test = 0.2, Seed = 1 });
        var parts = new[] { split.Train, split.Validation, split.Test };
        var groupsByPart = parts.Select(part => Enumerable.Range(0, part.Count).Select(i => part.GroupOf(i)!).ToHashSet()).ToArray();
        for (int a = 0; a < 3; a++)
            for (int b = a + 1; b < 3; b++)
                Assert.Empty(groupsByPart[a].Intersect(groupsByPart[b]));
        Assert.Equal(30, parts.Sum(part => part.Count));
    }

    [Fact]
    public void A_grouped_split_of_a_source_without_groups_is_refused_naming_the_reference()
    {
        WriteClassFolders(perClass: 2);
        RowSource<Clip> source = RowSources.FromFiles<Clip>(LabelledFiles.FromFolders(Root, ".wav"), (_, _) => throw new InvalidOperationException());
        var problem = Assert.Throws<SplitException>(() => source.Split(new SplitOptions { Kind = SplitKind.Grouped, Test = 0.2 }));
        Assert.Contains("clip0.wav", problem.Message);
    }

    private void WriteClassFolders(int perClass)
    {
        for (int c = 0; c < 5; c++)
        {
            string folder = Path.Combine(Root, $"c{c}");
            Directory.CreateDirectory(folder);
            for (int i = 0; i < perClass; i++) File.WriteAllBytes(Path.Combine(folder, $"clip{i}.wav"), Tone(8000, 200 + 50 * c));
        }
    }

    private static byte[] Tone(int samples, double frequency)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + samples * 2);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(8000);
        writer.Write(16000);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        for (int n = 0; n < samples; n++) writer.Write((short)(8000 * Math.Sin(2 * Math.PI * frequency * n / 8000)));
        writer.Flush();
        return stream.ToArray();
    }
}
