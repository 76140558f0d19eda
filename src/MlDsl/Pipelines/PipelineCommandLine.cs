using System.CommandLine;
using MlDsl.Analysis;
using MlDsl.Data;
using MlDsl.Data.Csv;
using MlDsl.Data.Splits;
using MlDsl.Data.Validation;
using MlDsl.Deployment;
using MlDsl.Training;
using TorchSharp;

namespace MlDsl.Pipelines;

/// <summary>
/// The command line every pipeline gets: <c>run</c>, <c>validate</c>, <c>evaluate</c>, <c>predict</c>,
/// <c>monitor</c> and <c>doctor</c>. Exit codes (<see cref="ExitCodes"/>): 0 success; 1 unusable input (an option,
/// a data file or row, an artifact: one line on standard error names it and says what was expected);
/// 2 data validation failed; 3 drift detected; 4 gate failed; 5 a doctor check failed; 70 an unexpected failure (a bug).
/// </summary>
public static class PipelineCommandLine
{
    /// <summary>The exit codes, as documented in every pipeline's <c>--help</c>.</summary>
    public const string ExitCodes =
        "Exit codes: 0 success; 1 unusable input (an option, data file, row or artifact; one line on stderr says which and what was expected); "
        + "2 data validation failed; 3 drift detected; 4 gate failed; 5 a doctor check failed; 70 unexpected failure (a bug; set MLDSL_STACK_TRACE=1 for its stack trace).";

    private const int InputError = 1, Unexpected = 70;

    /// <summary>Runs the command <paramref name="args"/> name; returns its exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="pipeline">The pipeline, usually the generated <c>Definition</c>.</param>
    /// <param name="args">The command line, e.g. <c>predict --data rows.csv</c>.</param>
    /// <param name="output">Where reports go (standard output by default).</param>
    /// <param name="errors">Where the one-line error goes (standard error by default).</param>
    public static int Run<TRow, TModel>(PipelineDefinition<TRow, TModel> pipeline, string[] args, TextWriter? output = null, TextWriter? errors = null)
        where TRow : IDatasetRow<TRow>
        where TModel : torch.nn.Module, ITrainableModel<TRow>
    {
        TextWriter console = output ?? Console.Out;
        TextWriter errorConsole = errors ?? Console.Error;
        var seed = new Option<int?>("--seed") { Description = "Seed for the split, initial weights, dropout and shuffling" };
        var epochs = new Option<int?>("--epochs") { Description = "Override the pipeline's epoch count (at least 1)" };
        var data = new Option<string?>("--data") { Description = "A data file (CSV, or what the pipeline's [ReadData] reads) to use instead of the pipeline's own data" };
        var outDirectory = new Option<string>("--out") { Description = "Folder for the report, plots and checkpoints", DefaultValueFactory = _ => "out" };
        var resume = new Option<bool>("--resume") { Description = "Continue training from the last checkpoint in --out" };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the outcome (for CI)" };
        var stream = new Option<bool>("--stream")
        {
            Description = "Stream the training data instead of reading it into memory: --data names CSV files or folders of CSV shards "
                + $"(several separated by '{Path.PathSeparator}'); rows are read by byte offset and decoded on worker threads as batches need them",
        };
        var distributed = new Option<bool>("--distributed")
        {
            Description = "Train data-parallel over the ranks of 'mpiexec.mpich -n N' (MPICH; assumed whenever mpiexec started more than one rank); "
                + "rank 0 alone writes the report, checkpoints and artifact",
        };
        var artifact = new Option<string>("--artifact") { Description = "An exported artifact folder", DefaultValueFactory = _ => pipeline.ExportDirectory };
        var servingData = new Option<string>("--data") { Description = "The rows to read: features only; label and metadata columns may be absent", Required = true };
        var threads = new Option<int?>("--threads") { Description = "libtorch's intra-op threads (training: the pipeline's own setting by default; evaluate and predict: 1, "
            + "which keeps single-row latency when other processes keep the cores busy)" };
        var device = new Option<string>("--device") { Description = "cpu, cuda or cuda:N; CUDA needs a CUDA TorchSharp package instead of the CPU libtorch", DefaultValueFactory = _ => "cpu" };
        var engine = new Option<string>("--engine")
        {
            Description = "What runs the model: torch (TorchSharp on libtorch) or onnx (ONNX Runtime on the artifact's model.onnx; CPU only, "
                + "--threads sets its threads)",
            DefaultValueFactory = _ => "torch",
        };
        const string Ingested = "the pipeline's [Ingest] rows";

        SplitOptions SplitFor(ParseResult result) => result.GetValue(seed) is { } value ? pipeline.Split with { Seed = value } : pipeline.Split;
        // Rows to train or validate on: present, labelled as the model expects, and enough for every part of the split.
        IReadOnlyList<TRow> Checked(IReadOnlyList<TRow> rows, string source, SplitOptions split)
        {
            CommandLineInput.Splittable(CommandLineInput.Labelled(CommandLineInput.NotEmpty(rows, source), source), split, source);
            return rows;
        }
        IReadOnlyList<TRow> Serving(string path)
        {
            using (MlDsl.Data.Csv.CsvFile.ReadingFeaturesOnly())
                return CommandLineInput.NotEmpty(pipeline.Read(path), path);
        }

        // Serving commands: the options checked before anything loads, libtorch at --threads (1 by default) while they run.
        int Serve(ParseResult result, Func<int> command)
        {
            int count = ComputeOptions.Threads(result.GetValue(threads)) ?? ComputeOptions.ServingThreads;
            ComputeOptions.Device(result.GetValue(device)!);
            ComputeOptions.Engine(result.GetValue(engine)!);
            return ComputeOptions.WithThreads(count, command);
        }
        DeployedModel<TRow, TModel> Deployed(ParseResult result)
        {
            torch.Device on = ComputeOptions.Device(result.GetValue(device)!);
            ServingEngine served = ComputeOptions.Engine(result.GetValue(engine)!);
            if (served == ServingEngine.OnnxRuntime && on.type != DeviceType.CPU)
                throw new CommandLineInputException($"--engine onnx runs on the CPU (MlDsl references ONNX Runtime's CPU package); use --device cpu or --engine torch");
            DeployedModel<TRow, TModel> deployed = pipeline.Deploy(result.GetValue(artifact), served,
                ComputeOptions.Threads(result.GetValue(threads)) ?? ComputeOptions.ServingThreads);
            if (on.type != DeviceType.CPU) deployed.Model.to(on);
            return deployed;
        }

        var run = new Command("run", "Run every stage: ingest, split, validate, transform, train, analyze, gate, export") { seed, epochs, data, outDirectory, resume, quiet, threads, device, stream, distributed };
        run.SetAction(result =>
        {
            if (result.GetValue(epochs) is < 1 and var count)
                throw new CommandLineInputException($"--epochs: expected a whole number of at least 1 but got {count}");
            int? threadCount = ComputeOptions.Threads(result.GetValue(threads));
            string? dataPath = CommandLineInput.DataPath(result.GetValue(data), "--data");
            string outFolder = CommandLineInput.OutputFolder(result.GetValue(outDirectory)!, "--out");
            torch.Device trainOn = ComputeOptions.Device(result.GetValue(device)!);
            SplitOptions split = SplitFor(result);
            PipelineDefinition<TRow, TModel> checkedPipeline = pipeline with
            {
                Ingest = () => Checked(pipeline.Ingest(), Ingested, split),
                ReadData = pipeline.ReadData is { } read ? path => Checked(read(path), path, split) : null,
            };
            // Under mpiexec with several ranks every process would otherwise train the whole model alone and all of
            // them would write the same files: it trains data-parallel whether or not --distributed was given.
            using MlDsl.Distributed.MpiRanks? ranks = result.GetValue(distributed) || MlDsl.Distributed.MpiRanks.Launched > 1 ? new MlDsl.Distributed.MpiRanks() : null;
            PipelineRun outcome = ComputeOptions.WithThreads(threadCount, () => PipelineRunner.Run(checkedPipeline, new PipelineOptions
            {
                Threads = threadCount, Device = trainOn,
                Seed = result.GetValue(seed), Epochs = result.GetValue(epochs), DataPath = dataPath,
                OutputDirectory = outFolder, Resume = result.GetValue(resume), Quiet = result.GetValue(quiet),
                Ranks = ranks, Stream = result.GetValue(stream),
            }, result.GetValue(quiet) ? TextWriter.Null : console));
            if (ranks is { Rank: > 0 }) return outcome.ExitCode;
            console.WriteLine(outcome.ExitCode switch
            {
                0 => $"exported {outcome.ArtifactDirectory}; report in {Path.Combine(result.GetValue(outDirectory)!, "report.md")}",
                2 => "stopped: data validation failed: " + (outcome.Data is { } report ? string.Join("; ", report.Failures) : outcome.Stages[^1].Outcome),
                _ => "stopped: the gate failed: " + string.Join("; ", outcome.Gate!.Failures),
            });
            return outcome.ExitCode;
        });

        var validate = new Command("validate", "Ingest, split and validate the data; exit 2 when validation fails") { seed, data };
        validate.SetAction(result =>
        {
            SplitOptions split = SplitFor(result);
            IReadOnlyList<TRow> rows = CommandLineInput.DataPath(result.GetValue(data), "--data") is { } path ? Checked(pipeline.Read(path), path, split) : Checked(pipeline.Ingest(), Ingested, split);
            DataReport report = DataReport.Analyze(rows.Split(split), pipeline.Validation);
            console.Write(report);
            return report.Passed ? 0 : 2;
        });

        var evaluate = new Command("evaluate", "Evaluate an exported artifact on the test split (or on every row of --data)") { artifact, data, seed, threads, device, engine };
        evaluate.SetAction(result => Serve(result, () =>
        {
            string? dataPath = CommandLineInput.DataPath(result.GetValue(data), "--data");
            using DeployedModel<TRow, TModel> deployed = Deployed(result);
            IReadOnlyList<TRow> rows = dataPath is { } path
                ? CommandLineInput.Labelled(CommandLineInput.NotEmpty(pipeline.Read(path), path), path)
                : CommandLineInput.Splittable(Checked(pipeline.Ingest(), Ingested, SplitFor(result)), SplitFor(result), Ingested).Test;
            console.Write(deployed.Evaluate(rows));
            return 0;
        }));

        var predict = new Command("predict", "Predict every row of --data with an exported artifact (a class, the present labels, or a value)") { artifact, servingData, threads, device, engine };
        predict.SetAction(result => Serve(result, () =>
        {
            IReadOnlyList<TRow> rows = Serving(CommandLineInput.DataPath(result.GetValue(servingData), "--data")!);
            using DeployedModel<TRow, TModel> deployed = Deployed(result);
            string[] predictions = deployed.Describe(rows);
            for (int i = 0; i < predictions.Length; i++) console.WriteLine($"{i}\t{predictions[i]}");
            return 0;
        }));

        var monitor = new Command("monitor", "Compare the rows of --data with the training data stored in an artifact; exit 3 on drift") { artifact, servingData };
        monitor.SetAction(result =>
        {
            IReadOnlyList<TRow> rows = Serving(CommandLineInput.DataPath(result.GetValue(servingData), "--data")!);
            OpenedArtifact opened = ModelArtifact.Open(result.GetValue(artifact)!);
            DriftReport report = opened.Monitor(rows, pipeline.Monitoring, pipeline.Categoricals);
            console.Write(report);
            return report.ExitCode;
        });

        var folds = new Option<int>("--folds") { Description = "Folds of the out-of-fold predictions that judge label quality", DefaultValueFactory = _ => 4 };
        var foldEpochs = new Option<int?>("--fold-epochs") { Description = "Epochs each label-quality fold trains (the pipeline's epochs by default)" };
        var doctorOut = new Option<string>("--out") { Description = "Folder for doctor.md and its plots", DefaultValueFactory = _ => Path.Combine("out", "doctor") };
        var doctor = new Command("doctor", "Examine model, training options and training rows before a long run: loss at initialisation, zeroed-input baseline, "
            + "overfitting one batch, gradient flow, learning-rate range test, the data as the model sees it, label quality; exit 5 when a check fails") { seed, data, doctorOut, folds, foldEpochs };
        doctor.SetAction(result =>
        {
            if (result.GetValue(folds) < 2) throw new CommandLineInputException($"--folds: expected a whole number of at least 2 but got {result.GetValue(folds)}");
            if (result.GetValue(foldEpochs) is < 1 and var count) throw new CommandLineInputException($"--fold-epochs: expected a whole number of at least 1 but got {count}");
            string folder = CommandLineInput.OutputFolder(result.GetValue(doctorOut)!, "--out");
            MlDsl.Doctor.DoctorReport report;
            try
            {
                report = PipelineDoctor.Run(pipeline,
                    new MlDsl.Doctor.DoctorOptions { OutputDirectory = folder, Folds = result.GetValue(folds), LabelQualityEpochs = result.GetValue(foldEpochs) },
                    result.GetValue(seed), CommandLineInput.DataPath(result.GetValue(data), "--data"));
            }
            catch (MlDsl.Data.Steps.DataStepException problem) when (problem.Option == nameof(MlDsl.Doctor.DoctorOptions.Folds))
            {
                // Only the rows tell how many folds they allow; name the option that asked for more.
                throw new CommandLineInputException($"--folds {result.GetValue(folds)}: {problem.Message.Split(" (Parameter")[0]}");
            }
            foreach (MlDsl.Doctor.DoctorFinding finding in report.Findings) console.WriteLine(finding);
            console.WriteLine($"report in {Path.Combine(folder, "doctor.md")}");
            return report.Passed ? 0 : 5;
        });

        var root = new RootCommand($"{pipeline.Name}: an MlDsl pipeline. {ExitCodes}") { run, validate, evaluate, predict, monitor, doctor };
        try
        {
            // A threshold or share no run can use is the pipeline's mistake, said before any command reads data.
            PipelineDefinitionChecks.Check(pipeline);
            return root.Parse(args).Invoke(new InvocationConfiguration { Output = console, Error = errorConsole, EnableDefaultExceptionHandler = false });
        }
        catch (Exception error) when (IsUserError(error))
        {
            errorConsole.WriteLine($"error: {OneLine(error.Message)}");
            return InputError;
        }
        catch (Exception error)
        {
            // Still one line: a stack trace helps whoever fixes the bug, not whoever runs the pipeline.
            errorConsole.WriteLine($"error: unexpected {error.GetType().Name}: {OneLine(error.Message)}");
            if (Environment.GetEnvironmentVariable("MLDSL_STACK_TRACE") == "1") errorConsole.WriteLine(error);
            return Unexpected;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    // Problems with the user's data, files, options or artifact: reported in one line naming what is wrong.
    private static bool IsUserError(Exception error) => error is CommandLineInputException or ArtifactException or CsvDataException or RowDataException
        or InvalidDataException or FileNotFoundException or DirectoryNotFoundException or TrainingDivergedException or InvalidOperationException
        or UnauthorizedAccessException or MlDsl.Audio.AudioFormatException or MlDsl.Data.Files.LabelledFilesException or MlDsl.Data.Files.ImageFormatException
        or MlDsl.Persistence.ModelFileException or MlDsl.Doctor.DoctorException or MlDsl.Data.Steps.DataStepException or MlDsl.Distributed.RankFailedException or MlDsl.Data.Streaming.RowSourceException
        or PipelineDefinitionException or MlDsl.Persistence.OutputPathException;
}
