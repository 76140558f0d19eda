using System.Diagnostics;
using System.Globalization;
using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Data.Text;
using MlDsl.Examples.PackageSections;
using MlDsl.Training;

// Which archive section is a Debian package filed in, from its description alone? Real text from a
// pinned snapshot of Debian 12's package index; split by source package, so libfoo1, libfoo-dev and
// foo-doc (whose descriptions are near copies) never sit on both sides; the majority baseline, then
// one model, trained and tested once.
// Arguments: [model] [epochs] [seed] [packages], the model one of
//   mlp   BagOfWordsMlp: which of 2,000 training words a description holds (the default)
//   lstm  SectionLstm: the first 64 words in order, embedded, read by a bidirectional LSTM
// and packages a cap on the rows (spread over the package names), for a quick run.
string model = args.Length > 0 ? args[0] : "mlp";
int epochs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
int seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
int? limit = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : null;
if (model is not ("mlp" or "lstm"))
{
    Console.Error.WriteLine($"error: unknown model '{model}'; expected mlp or lstm");
    return 1;
}
string[] sections = PackageDescription.Sections;

List<PackageDescription> packages = DebianPackages.Load(limit);
Console.WriteLine($"{packages.Count} packages from {packages.Select(row => row.Source).Distinct().Count()} source packages: " +
    string.Join(", ", sections.Select((section, i) => $"{section} {packages.Count(row => row.Section == i)}")));
DataSplit<PackageDescription> split = packages.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.1, Test = 0.2, Seed = 5 });
Console.WriteLine($"split by source package: {split.Train.Count} train / {split.Validation.Count} validation / {split.Test.Count} test");

int majority = split.Train.GroupBy(row => row.Section).MaxBy(group => group.Count())!.Key;
double baseline = split.Test.Count(row => row.Section == majority) / (double)split.Test.Count;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"majority baseline (always '{sections[majority]}', the most frequent training section): {baseline * 100:F2}% of test"));

var options = new FitOptions
{
    Epochs = epochs, BatchSize = 64, Optimizer = OptimizerKind.AdamW, LearningRate = 1e-3, WeightDecay = 1e-4, Seed = seed,
    EarlyStoppingPatience = 3, // keeps the best epoch by validation loss
    Threads = Environment.ProcessorCount,
};
var clock = Stopwatch.StartNew();
ClassificationReport report;

// Either vocabulary comes from the training descriptions only.
if (model == "mlp")
{
    BagOfWords bag = BagOfWords.Fit(split.Train);
    Console.WriteLine($"vocabulary: {bag.Words.Count} words from training descriptions ({string.Join(", ", bag.Words.Take(12))}, ...)");
    using var mlp = new BagOfWordsMlp(seed: seed);
    mlp.Summary();
    mlp.Fit(bag.Apply(split.Train), bag.Apply(split.Validation), options);
    List<PackageDescription> test = bag.Apply(split.Test);
    report = ClassificationReport.Compute(test, mlp.Predict(test), sections);
}
else
{
    Tokenizer tokenizer = Tokenizer.Fit(split, row => row.Text, PackageTokens.Tokenizing);
    Console.WriteLine($"tokenizer: {tokenizer.Words.Count} words from training descriptions, {PackageTokens.Length} ids per description");
    using var lstm = new SectionLstm(seed: seed);
    lstm.Summary();
    lstm.Fit(PackageTokens.Encode(tokenizer, split.Train), PackageTokens.Encode(tokenizer, split.Validation), options);
    List<PackageTokens> test = PackageTokens.Encode(tokenizer, split.Test);
    report = ClassificationReport.Compute(test, lstm.Predict(test), sections);
}

Console.Write(report);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model}, seed {seed}: test accuracy {report.Accuracy * 100:F2}% (majority baseline {baseline * 100:F2}%), trained in {clock.Elapsed.TotalSeconds:F0} s"));
return 0;
