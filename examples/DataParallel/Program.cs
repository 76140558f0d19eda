using System.Diagnostics;
using System.Globalization;
using MlDsl.Distributed;
using MlDsl.Examples.DataParallel;
using MlDsl.Training;

// Data-parallel training over MPI: start with `mpiexec.mpich -n N dotnet DataParallel.dll OUT [epochs] [batch] [rows] [--resume]`.
// Every rank streams its slice of each batch, gradients are averaged with one allreduce per step,
// and rank 0 alone reports and writes the checkpoint; each rank writes its final weights to
// OUT/weights-rank<r>.f32 so the ranks (and a one-rank run) can be compared.
// MLDSL_DIE_RANK=r and MLDSL_DIE_AFTER_ROWS=n make rank r die after decoding n rows (to test recovery);
// with MLDSL_DIE_HOW=throw it throws instead, and every rank stops with a RankFailedException (exit 3).
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: DataParallel OUT [epochs] [batch] [rows] [--resume]");
    return 2;
}
string output = args[0];
string[] numbers = args.Skip(1).Where(arg => !arg.StartsWith("--", StringComparison.Ordinal)).ToArray();
int epochs = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 3;
int batch = numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 64;
int rows = numbers.Length > 2 ? int.Parse(numbers[2], CultureInfo.InvariantCulture) : 4129;
bool resume = args.Contains("--resume");

using var ranks = new MpiRanks();
int? dieAfter = Environment.GetEnvironmentVariable("MLDSL_DIE_RANK") == ranks.Rank.ToString(CultureInfo.InvariantCulture)
    ? int.Parse(Environment.GetEnvironmentVariable("MLDSL_DIE_AFTER_ROWS") ?? "0", CultureInfo.InvariantCulture)
    : null;
Directory.CreateDirectory(output);

using var model = new BlobMlp(seed: ranks.Rank == 0 ? 7 : 1000 + ranks.Rank); // other ranks start elsewhere: the broadcast must fix that
var clock = Stopwatch.StartNew();
FitReport report;
try
{
    report = model.Fit(new BlobSource(rows, dieAfter, Environment.GetEnvironmentVariable("MLDSL_DIE_HOW") == "throw"), null, new FitOptions
    {
        Epochs = epochs, BatchSize = batch, Seed = 3, Optimizer = OptimizerKind.Adam, LearningRate = 1e-3,
        Threads = Math.Max(1, Environment.ProcessorCount / ranks.Size),
        Ranks = ranks,
        Streaming = new StreamingOptions { Workers = 1, Prefetch = 4, ShuffleBuffer = 1024 },
        CheckpointDirectory = Path.Combine(output, "checkpoint"),
        Resume = resume,
        Verbose = 0, // the line below names the ranks
        OnEpoch = epoch => Console.WriteLine($"rank 0 of {ranks.Size}: {epoch}"),
    });
}
catch (RankFailedException failure)
{
    Console.Error.WriteLine($"rank {ranks.Rank} of {ranks.Size} stopped: {failure.Message}");
    return 3;
}
double seconds = clock.Elapsed.TotalSeconds;
int trained = report.Epochs.Count - report.ResumedAfterEpoch;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"rank {ranks.Rank} of {ranks.Size}: {trained} epochs in {seconds:F2} s ({(trained > 0 ? seconds / trained : 0):F2} s per epoch), final loss {report.Epochs[^1].TrainLoss:F5}"));
float[] weights = model.parameters().SelectMany(parameter => parameter.detach().cpu().data<float>().ToArray()).ToArray();
File.WriteAllBytes(Path.Combine(output, $"weights-rank{ranks.Rank}.f32"), weights.SelectMany(BitConverter.GetBytes).ToArray());
return 0;
