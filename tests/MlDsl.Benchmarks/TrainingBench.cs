using System.Diagnostics;
using System.Globalization;
using MlDsl.Examples.Mnist;
using MlDsl.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Benchmarks;

/// <summary>Side-by-side timings of the generated MNIST CNN against hand-written TorchSharp and PyTorch eager.</summary>
internal static class TrainingBench
{
public static void Run(string[] args)
{
int steps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 35;
int epochs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
int threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
const int Warmup = 10;
const int BatchSize = 64;

torch.set_num_threads(threads);
IReadOnlyList<Digit> digits = MnistDigits.Load();
Digit[] train = digits.Take(8_000).ToArray();
new Random(1).Shuffle(train);
Console.WriteLine($"libtorch {torch.__version__}, {threads} threads, batch {BatchSize}, Adam");

// --- One training step on a fixed batch ---
using var generated = new DigitCnn(seed: 1);
torch.manual_seed(1);
using var handWritten = HandWrittenCnn.Create();
using var generatedOptimizer = optim.Adam(generated.parameters(), lr: 1e-3);
using var handOptimizer = optim.Adam(handWritten.parameters(), lr: 1e-3);
using var criterion = CrossEntropyLoss();
(Tensor inputs, Tensor targets) = MlDsl.Data.BatchCollator.Collate(train, 0, BatchSize);
generated.train();
handWritten.train();

var generatedSteps = new List<double>();
var handSteps = new List<double>();
for (int i = 0; i < Warmup + steps; i++)
{
    // Alternate the two so drift in machine load hits both alike.
    double g = Time(() => HandWrittenLoop.Step(generated, generatedOptimizer, criterion, inputs, targets));
    double h = Time(() => HandWrittenLoop.Step(handWritten, handOptimizer, criterion, inputs, targets));
    if (i < Warmup) continue;
    generatedSteps.Add(g);
    handSteps.Add(h);
}
double generatedStep = Median(generatedSteps), handStep = Median(handSteps);
var pytorch = PythonPeer.Run("pytorch_mnist_step.py", $"{steps} {Warmup} {threads}", "python3-torch", "torch");

Console.WriteLine();
Console.WriteLine($"Training step, median of {steps}:");
Console.WriteLine($"  generated (MlDsl)          {generatedStep,8:F1} ms   {generatedStep / handStep:F2}x hand-written TorchSharp");
Console.WriteLine($"  hand-written TorchSharp    {handStep,8:F1} ms   1.00x");
if (pytorch is { } peer)
{
    double peerStep = double.Parse(peer["median_ms"], CultureInfo.InvariantCulture);
    Console.WriteLine($"  PyTorch {peer["torch_version"],-8} eager    {peerStep,8:F1} ms   {peerStep / handStep:F2}x hand-written TorchSharp");
}

// --- A whole epoch from typed rows, collation included ---
var generatedEpochs = new List<double>();
var handEpochs = new List<double>();
var random = new Random(2);
for (int epoch = 0; epoch < epochs + 1; epoch++)
{
    double g = Time(() => generated.Fit(train, options: new FitOptions { Epochs = 1, BatchSize = BatchSize, Seed = epoch })) / 1000;
    double h = Time(() => HandWrittenLoop.TrainEpoch(handWritten, handOptimizer, train, BatchSize, random)) / 1000;
    if (epoch == 0) continue; // oneDNN warms up in the first epoch
    generatedEpochs.Add(g);
    handEpochs.Add(h);
}
double generatedEpoch = Median(generatedEpochs), handEpoch = Median(handEpochs);
Console.WriteLine();
Console.WriteLine($"Epoch over {train.Length:N0} typed rows (collation included), median of {epochs}:");
Console.WriteLine($"  generated Fit              {generatedEpoch,8:F2} s    {generatedEpoch / handEpoch:F2}x hand-written loop");
Console.WriteLine($"  hand-written loop          {handEpoch,8:F2} s    1.00x");

}

static double Time(Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    return clock.Elapsed.TotalMilliseconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
}
