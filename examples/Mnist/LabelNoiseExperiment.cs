using System.Diagnostics;
using System.Globalization;
using MlDsl.Data.Splits;
using MlDsl.Doctor;

namespace MlDsl.Examples.Mnist;

/// <summary>
/// The label-quality measurement: a share of the MNIST pipeline's training rows get a wrong label
/// (another digit, drawn with a fixed seed), the doctor's confident learning flags rows from
/// out-of-fold probabilities, and the flagged rows are scored against the injected ones.
/// <c>dotnet run -c Release --project examples/Mnist -- label-noise [share] [folds] [epochs] [seed]</c>.
/// </summary>
public static class LabelNoiseExperiment
{
    public static int Run(string[] args)
    {
        double share = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0.02;
        int folds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4;
        int epochs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
        int seed = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 2026;

        Digit[] rows = MnistPipeline.Definition.Ingest().Split(MnistPipeline.Definition.Split).Train.ToArray();
        var random = new Random(seed);
        int[] order = Enumerable.Range(0, rows.Length).ToArray();
        random.Shuffle(order);
        var injected = order.Take((int)Math.Round(share * rows.Length)).ToHashSet();
        foreach (int row in injected) rows[row] = rows[row] with { Value = (rows[row].Value + 1 + random.Next(9)) % 10 };
        Console.WriteLine($"{injected.Count} of {rows.Length} training digits relabelled at random (seed {seed}); {folds} folds x {epochs} epochs of DigitCnn");

        var clock = Stopwatch.StartNew();
        DoctorReport report = ModelDoctor.Examine(modelSeed => new DigitCnn(modelSeed), rows, new DoctorOptions
        {
            Checks = DoctorCheck.LabelQuality,
            Folds = folds,
            LabelQualityEpochs = epochs,
            Training = MnistPipeline.Definition.Training with { Threads = Environment.ProcessorCount, EarlyStoppingPatience = null },
            ClassNames = MnistPipeline.Definition.ClassNames,
            OutputDirectory = Path.Combine("out", "label-noise"),
        });
        IReadOnlyList<LabelSuspect> suspects = report.LabelQuality!.Suspects;
        int found = suspects.Count(suspect => injected.Contains(suspect.Row));
        Console.WriteLine(report.Findings[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"flagged {suspects.Count}, of which injected {found}: precision {(double)found / Math.Max(1, suspects.Count):F3}, recall {(double)found / injected.Count:F3} ({clock.Elapsed.TotalSeconds:F0} s)"));
        int ranked = Math.Min(injected.Count, suspects.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"precision of the top {ranked} suspects (as many as were injected): {(double)suspects.Take(ranked).Count(suspect => injected.Contains(suspect.Row)) / Math.Max(1, ranked):F3}"));
        return 0;
    }
}
