using System.Diagnostics;
using System.Globalization;
using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Examples.SpokenLanguage;
using MlDsl.Training;

// Identifies the language of recorded telephone prompts (Debian's Asterisk sounds, five languages):
// a log-mel CNN declared with attributes, trained as a few candidates, of which the most robust
// across prompt categories is kept (the birdcall team's question), then tested once.
// With a pipeline command (run, validate, evaluate, predict, monitor) this is SpokenLanguagePipeline's command line.
if (args.Length > 0 && !char.IsDigit(args[0][0])) return SpokenLanguagePipeline.RunCommandLine(args);

int epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 14;
int candidates = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
string[] languages = AsteriskSounds.Languages;

List<SpokenClip> clips = AsteriskSounds.Load();
Console.WriteLine($"{clips.Count} clips: " + string.Join(", ", languages.Select((language, i) => $"{language} {clips.Count(clip => clip.Language == i)}")));
// The prompt name is the group: "digits/7" in every language stays in one split.
DataSplit<SpokenClip> split = clips.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 11 });
Console.WriteLine($"split by prompt: {split.Train.Count} train / {split.Validation.Count} validation / {split.Test.Count} test clips");

var trained = new List<Candidate<LanguageCnn>>();
for (int seed = 1; seed <= candidates; seed++)
{
    var model = new LanguageCnn(seed: seed);
    if (seed == 1) model.Summary();
    var clock = Stopwatch.StartNew();
    model.Fit(split.Train, split.Validation, new FitOptions
    {
        Epochs = epochs, BatchSize = 32, Optimizer = OptimizerKind.AdamW, LearningRate = 1e-3, WeightDecay = 1e-4, Seed = seed,
        EarlyStoppingPatience = 4, // keeps the best epoch by validation loss
        Threads = Environment.ProcessorCount,
        OnEpoch = epoch => Console.WriteLine($"  seed {seed}  {epoch}"),
    });
    ClassificationReport validation = ClassificationReport.Compute(split.Validation, model.Predict(split.Validation), languages);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"candidate seed {seed}: validation accuracy {validation.Accuracy * 100:F2}% ({clock.Elapsed.TotalSeconds:F0} s)"));
    trained.Add(new Candidate<LanguageCnn>($"seed {seed}", model, validation));
}

Selection<LanguageCnn> selection = RobustSelection.BestWorstSlice(trained, tolerance: 0.02);
Console.WriteLine(selection.Reason);

LanguageCnn chosen = selection.Chosen.Model;
ClassificationReport test = ClassificationReport.Compute(split.Test, chosen.Predict(split.Test), languages);
Console.WriteLine("test split, chosen model:");
Console.Write(test);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test accuracy: {test.Accuracy * 100:F2}%"));
foreach (Candidate<LanguageCnn> candidate in trained) candidate.Model.Dispose();
return 0;
