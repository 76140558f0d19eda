using System.Text;
using MlDsl.Audio;
using MlDsl.Data.Csv;
using MlDsl.Data.Files;
using MlDsl.Tests.Audio;
using MlDsl.Tests.Data;
using MlDsl.Tests.Data.Files;
using SkiaSharp;

namespace MlDsl.Tests.Fuzzing;

/// <summary>
/// Bounded fuzzing of every file reader: mutated bytes of small valid files must end in a value or in
/// the reader's documented exception, within a time limit, without runaway allocation. The whole class
/// runs in a few seconds with a fixed seed.
/// </summary>
public sealed class ParserFuzzTests() : TemporaryFolder("mldsl-fuzz")
{
    [Fact]
    public void Mutated_wav_files_parse_or_fail_with_an_audio_format_exception()
    {
        short[] samples = Enumerable.Range(0, 64).Select(i => (short)(i * 997 % 65536 - 32768)).ToArray();
        byte[][] seeds =
        {
            WavBytes.Riff().Format(1, 1, 8000, 16).Chunk("data", WavBytes.Pcm16(samples)).ToArray(),
            WavBytes.Riff().Format(1, 2, 16000, 16).Chunk("LIST", Encoding.ASCII.GetBytes("INFOISFT")).Chunk("data", WavBytes.Pcm16(samples)).ToArray(),
            WavBytes.Riff().Format(3, 1, 8000, 32).Chunk("data", WavBytes.Float32(samples.Select(s => s / 32768f).ToArray())).ToArray(),
            WavBytes.Riff().Format(1, 1, 8000, 8).Chunk("data", samples.Select(s => (byte)(s >> 8)).ToArray()).ToArray(),
        };

        FuzzHarness.Run(seeds, bytes =>
        {
            WavAudio audio = WavFile.Parse(bytes, "fuzz.wav");
            // Whatever came back is real audio: finite samples, no more frames than bytes.
            if (audio.Samples.Length > bytes.Length || audio.Samples.Any(sample => !float.IsFinite(sample)))
                throw new InvalidOperationException($"{audio.Samples.Length} samples from {bytes.Length} bytes");
        }, new[] { typeof(AudioFormatException) }, length => 64 * 1024 + 16L * length, cases: 2000);
    }

    [Fact]
    public void Mutated_csv_files_read_or_fail_with_a_csv_data_exception()
    {
        string path = Path.Combine(Root, "visits.csv");
        byte[][] seeds =
        {
            Encoding.UTF8.GetBytes("Heart,Age,Sick,Patient,Seen,Clinic\n80,40,0,1,2026-01-01,north\n90.5,41,1,2,2026-01-02T10:00:00,\"south\nwing\"\n,42,0,3,2026-01-03,\"a \"\"quoted\"\" one\"\n"),
            Encoding.UTF8.GetBytes("Clinic,Seen,Patient,Sick,Age,Heart\r\nnorth,2026-01-01,1,0,40,1e3\r\n\r\nsouth,2026-01-02,2,1,41,-0.5\r\n"),
        };

        FuzzHarness.Run(seeds, bytes =>
        {
            File.WriteAllBytes(path, bytes);
            CsvReadResult<Visit> skipping = CsvFile.ReadWithReport<Visit>(path, new CsvOptions { SkipBadRows = true });
            if (skipping.Rows.Any(row => float.IsInfinity(row.Heart) || float.IsInfinity(row.Age) || (uint)row.Sick > 1))
                throw new InvalidOperationException("a non-finite value or a label out of range was read");
            CsvFile.Read<Visit>(path, new CsvOptions { SkipLines = 1, HasHeader = false });
        }, new[] { typeof(CsvDataException) }, length => 8L * 1024 * 1024 + 64L * length, cases: 400);
    }

    [Fact]
    public void Mutated_manifests_list_or_fail_with_a_labelled_files_exception()
    {
        TestImages.WriteUniform(Path.Combine(Root, "a.png"), SKColors.Black);
        TestImages.WriteUniform(Path.Combine(Root, "b.png"), SKColors.White);
        string manifest = Path.Combine(Root, "manifest.csv");
        byte[][] seeds =
        {
            Encoding.UTF8.GetBytes("path,label\na.png,cat\nb.png,dog\n\"a.png\",\"c,at\"\n"),
            Encoding.UTF8.GetBytes("label,note,path\r\ndog,\"two\r\nlines\",b.png\r\n\r\ncat,x,./a.png\r\n"),
        };

        FuzzHarness.Run(seeds, bytes =>
        {
            File.WriteAllBytes(manifest, bytes);
            LabelledFiles.FromManifest(manifest);
            LabelledFiles.FromManifest(manifest, ".png");
        }, new[] { typeof(LabelledFilesException) }, length => 8L * 1024 * 1024 + 64L * length, cases: 400);
    }

    [Fact]
    public void Mutated_images_decode_or_fail_with_an_image_format_exception()
    {
        string path = Path.Combine(Root, "fuzz.img");
        byte[] Encoded(SKEncodedImageFormat format, Func<int, int, SKColor> colour) =>
            File.ReadAllBytes(TestImages.Write(Path.Combine(Root, "seed" + (format == SKEncodedImageFormat.Jpeg ? ".jpg" : ".png")), 8, 8, colour));
        byte[][] seeds =
        {
            Encoded(SKEncodedImageFormat.Png, (y, x) => new SKColor((byte)(x * 30), (byte)(y * 30), 90)),
            Encoded(SKEncodedImageFormat.Png, (_, _) => SKColors.Gray),
            Encoded(SKEncodedImageFormat.Jpeg, (y, x) => new SKColor((byte)(x * 30), 0, (byte)(y * 30))),
            ImageHeaderTests.MinimalBmp(8, 8),
        };

        FuzzHarness.Run(seeds, bytes =>
        {
            File.WriteAllBytes(path, bytes);
            float[] pixels = ImageFile.ReadGrayscale(path, 8, 8);
            if (pixels.Length != 64 || pixels.Any(value => !(value >= 0 && value <= 1)))
                throw new InvalidOperationException("pixels outside [0, 1]");
        }, new[] { typeof(ImageFormatException) }, length => 1024 * 1024 + 16L * length, cases: 400);
    }
}
