using System.Diagnostics;
using System.Globalization;
using MlDsl.Analysis;
using MlDsl.Data;
using MlDsl.Data.Splits;
using MlDsl.Examples.SpokenLanguage;
using MlDsl.Training;

// Identifies the language of recorded telephone prompts (Debian's Asterisk sounds, five languages):
// a model declared with attributes, trained as a few candidates, of which the most robust across
// prompt categories is kept (the birdcall team's question), then tested once.
// Arguments: [epochs] [candidates] [model], the model one of
//   cnn   LanguageCnn: log-mel spectrogram and a 2-D CNN (the default)
//   m5    LanguageM5: a 1-D CNN on the raw waveform (M5)
//   lstm  LanguageLstm: a bidirectional LSTM over log-mel frames
//   cnn+prompt  LanguageCnnWithPrompt: the log-mel CNN plus the prompt's category as a second input
// With a pipeline command (run, validate, evaluate, predict, monitor) this is SpokenLanguagePipeline's command line.
if (args.Length > 0 && !char.IsDigit(args[0][0])) return SpokenLanguagePipeline.RunCommandLine(args);

int epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 14;
int candidates = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
string variant = args.Length > 2 ? args[2] : "cnn";
(string summary, Func<int, IClassifier<SpokenClip>> create) = variant switch
{
    "cnn" => (LanguageCnn.SummaryTable, (Func<int, IClassifier<SpokenClip>>)(seed => new LanguageCnn(seed: seed))),
    "m5" => (LanguageM5.SummaryTable, seed => new LanguageM5(seed: seed)),
    "lstm" => (LanguageLstm.SummaryTable, seed => new LanguageLstm(seed: seed)),
    "cnn+prompt" => (LanguageCnnWithPrompt.SummaryTable, null!),
    _ => (null!, null!),
};
if (summary is null)
{
    Console.Error.WriteLine($"error: unknown model '{variant}'; expected cnn, m5, lstm or cnn+prompt");
    return 1;
}
string[] languages = AsteriskSounds.Languages;

List<SpokenClip> clips = AsteriskSounds.Load();
return variant == "cnn+prompt"
    ? Run(clips.Select(PromptedClip.From).ToList(), seed => new LanguageCnnWithPrompt(seed: seed))
    : Run(clips, create);

// The same split (by prompt), candidates, robust selection and one test for any row type and model.
int Run<TRow>(List<TRow> clips, Func<int, IClassifier<TRow>> create) where TRow : IDatasetRow<TRow>
{
    Console.WriteLine($"{clips.Count} clips: " + string.Join(", ", languages.Select((language, i) => $"{language} {clips.Count(clip => TRow.ReadLabel(clip) == i)}")));
    // The prompt name is the group: "digits/7" in every language stays in one split.
    DataSplit<TRow> split = clips.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 11 });
    Console.WriteLine($"split by prompt: {split.Train.Count} train / {split.Validation.Count} validation / {split.Test.Count} test clips");

    var trained = new List<Candidate<IClassifier<TRow>>>();
    for (int seed = 1; seed <= candidates; seed++)
    {
        IClassifier<TRow> model = create(seed);
        if (seed == 1) Console.Write(summary);
        var clock = Stopwatch.StartNew();
        model.Fit(split.Train, split.Validation, new FitOptions
        {
            Epochs = epochs, BatchSize = 32, Optimizer = OptimizerKind.AdamW, LearningRate = 1e-3, WeightDecay = 1e-4, Seed = seed,
            EarlyStoppingPatience = 4, // keeps the best epoch by validation loss
            Threads = Environment.ProcessorCount,
            Verbose = 0, // the line below names the seed
            OnEpoch = epoch => Console.WriteLine($"  seed {seed}  {epoch}"),
        });
        ClassificationReport validation = ClassificationReport.Compute(split.Validation, model.Predict(split.Validation), languages);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"candidate seed {seed}: validation accuracy {validation.Accuracy * 100:F2}% ({clock.Elapsed.TotalSeconds:F0} s)"));
        trained.Add(new Candidate<IClassifier<TRow>>($"seed {seed}", model, validation));
    }

    Selection<IClassifier<TRow>> selection = RobustSelection.BestWorstSlice(trained, tolerance: 0.02);
    Console.WriteLine(selection.Reason);

    IClassifier<TRow> chosen = selection.Chosen.Model;
    ClassificationReport test = ClassificationReport.Compute(split.Test, chosen.Predict(split.Test), languages);
    Console.WriteLine("test split, chosen model:");
    Console.Write(test);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test accuracy: {test.Accuracy * 100:F2}% ({variant})"));
    foreach (Candidate<IClassifier<TRow>> candidate in trained) candidate.Model.Dispose();
    return 0;
}
