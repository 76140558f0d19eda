using System.Diagnostics;
using System.Globalization;
using MlDsl.Data.Splits;
using MlDsl.Examples.Mnist;
using MlDsl.Training;

// With a pipeline command (run, validate, evaluate, predict, monitor, doctor) this is MnistPipeline's command
// line; without, it trains the attribute-declared CNN (`<epochs> resnet`: the residual network of blocks,
// `<epochs> inception`: the GoogLeNet-style network of parallel paths) on 8,000
// real MNIST digits and tests it on the 2,000 held out.
if (args is ["write-images", var folder, ..])
{
    // Digits from the pipeline's own test split (never trained on) as PNG files in class folders,
    // to try `predict --data <folder>` and `evaluate --data <folder>` on images.
    int count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
    IReadOnlyList<Digit> heldOut = MnistPipeline.Definition.Ingest().Split(MnistPipeline.Definition.Split).Test;
    DigitImages.Write(folder, Enumerable.Range(0, count).Select(i => heldOut[i * heldOut.Count / count]).ToList()); // evenly spaced: the split groups digits by class
    Console.WriteLine($"wrote {count} digits to {folder}/<digit>/*.png");
    return 0;
}
if (args is ["label-noise", ..]) return LabelNoiseExperiment.Run(args);
if (args.Length > 0 && !char.IsDigit(args[0][0])) return MnistPipeline.RunCommandLine(args);

int epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 12;
string variant = args.Length > 1 ? args[1] : "cnn";
if (variant is not ("cnn" or "resnet" or "inception"))
{
    Console.Error.WriteLine($"unknown model '{variant}': expected cnn, resnet or inception");
    return 1;
}
const int Seed = 42;

IReadOnlyList<Digit> digits = MnistDigits.Load();
(List<Digit> train, List<Digit> test) = SeededSplit(digits, testCount: 2_000, Seed);
Console.WriteLine($"MNIST: {train.Count} training digits, {test.Count} held out");

using ITrainableModel<Digit> model = variant switch
{
    "resnet" => new DigitResNet(seed: Seed),
    "inception" => new DigitInception(seed: Seed),
    _ => new DigitCnn(seed: Seed),
};
switch (model)
{
    case DigitResNet resNet: resNet.Summary(); break;
    case DigitInception inception: inception.Summary(); break;
    case DigitCnn cnn: cnn.Summary(); break;
}

var clock = Stopwatch.StartNew();
model.Fit(train, validation: null, new FitOptions
{
    Epochs = epochs,
    BatchSize = 64,
    Optimizer = OptimizerKind.Adam,
    LearningRate = 1e-3,
    Seed = Seed,
    Threads = Environment.ProcessorCount,
});
double steps = epochs * Math.Ceiling(train.Count / 64.0);
Console.WriteLine($"training time: {clock.Elapsed.TotalSeconds:F1}s ({clock.Elapsed.TotalMilliseconds / steps:F1} ms a step of 64 rows)");

Evaluation result = model.Evaluate(test);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test loss: {result.Loss:F4}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test accuracy: {result.Accuracy * 100:F2}%"));
return 0;

static (List<Digit> Train, List<Digit> Test) SeededSplit(IReadOnlyList<Digit> rows, int testCount, int seed)
{
    var shuffled = rows.ToArray();
    new Random(seed).Shuffle(shuffled);
    return (shuffled[testCount..].ToList(), shuffled[..testCount].ToList());
}
