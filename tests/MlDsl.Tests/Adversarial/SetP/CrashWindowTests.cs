using MlDsl.Persistence;

namespace MlDsl.Tests.Adversarial.SetP;

/// <summary>
/// Files written straight under their final name: a crash while writing <c>report.md</c>, <c>doctor.md</c>, a plot, a
/// PyTorch export's <c>.py</c> or a grayscale PNG left a half-written file that looked complete. Every such writer now
/// goes through <see cref="AtomicFile"/>: a temporary file in the same folder, flushed, renamed over the real name.
/// </summary>
public sealed class CrashWindowTests() : TemporaryFolder("mldsl-setp-crash")
{
    [Fact]
    public void A_write_that_fails_halfway_leaves_the_previous_file_and_no_temporary_file()
    {
        string path = Path.Combine(Root, "report.md");
        File.WriteAllText(path, "previous complete report");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, temporary =>
        {
            File.WriteAllText(temporary, "half of a new rep");
            throw new InvalidOperationException("the writer failed halfway");
        }));

        Assert.Equal("previous complete report", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(Root));
    }

    [Fact]
    public void A_write_that_completes_replaces_the_file_and_leaves_nothing_beside_it()
    {
        string path = Path.Combine(Root, "model.py");
        File.WriteAllText(path, "old");

        AtomicFile.WriteAllText(path, "new source");
        AtomicFile.Write(Path.Combine(Root, "plot.png"), temporary =>
        {
            Assert.Equal(".png", Path.GetExtension(temporary));
            Assert.Equal(Root, Path.GetDirectoryName(temporary));
            File.WriteAllBytes(temporary, [1, 2, 3]);
        });

        Assert.Equal("new source", File.ReadAllText(path));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(Root, "plot.png")));
        Assert.Equal(2, Directory.GetFiles(Root).Length);
    }

    [Fact]
    public void A_grayscale_png_is_written_whole_or_not_at_all()
    {
        string path = Path.Combine(Root, "digit.png");

        MlDsl.Data.Files.ImageFile.WriteGrayscalePng(path, new float[12], 3, 4);

        Assert.Equal([path], Directory.GetFiles(Root));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(path)[..4]);
    }

    [Fact]
    public void A_run_killed_while_writing_its_report_leaves_the_previous_report_complete()
    {
        string output = Directory.CreateDirectory(Path.Combine(Root, "out")).FullName;
        string report = Path.Combine(output, "report.md");
        File.WriteAllText(report, "# the previous run's complete report");

        ExampleProcess.Outcome crashed = ExampleProcess.Run("BreastCancer", Root, AtomicFile.WrittenStep(report), TimeSpan.FromMinutes(3), "run", "--epochs", "1", "--out", "out");

        Assert.True(crashed.ExitCode == ExampleProcess.Killed, $"expected a kill before report.md was replaced; exit {crashed.ExitCode}\n{crashed.Output}{crashed.Errors}");
        Assert.Equal("# the previous run's complete report", File.ReadAllText(report));
    }
}
