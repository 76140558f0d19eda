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
/// The command line every pipeline gets: <c>run</c>, <c>validate</c>, <c>evaluate</c>, <c>predict</c>
/// and <c>monitor</c>. Exit codes: 0 success, 2 data validation failed, 3 drift, 4 gate failed, 1 error.
/// </summary>
public static class PipelineCommandLine
{
    public static int Run<TRow, TModel>(PipelineDefinition<TRow, TModel> pipeline, string[] args, TextWriter? output = null)
        where TRow : IDatasetRow<TRow>
        where TModel : torch.nn.Module, ITrainableModel<TRow>
    {
        TextWriter console = output ?? Console.Out;
        var seed = new Option<int?>("--seed") { Description = "Seed for the split, initial weights, dropout and shuffling" };
        var epochs = new Option<int?>("--epochs") { Description = "Override the pipeline's epoch count" };
        var data = new Option<string?>("--data") { Description = "A CSV file to use instead of the pipeline's own data" };
        var outDirectory = new Option<string>("--out") { Description = "Folder for the report, plots and checkpoints", DefaultValueFactory = _ => "out" };
        var resume = new Option<bool>("--resume") { Description = "Continue training from the last checkpoint in --out" };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the outcome (for CI)" };
        var artifact = new Option<string>("--artifact") { Description = "An exported artifact folder", DefaultValueFactory = _ => pipeline.ExportDirectory };
        var requiredData = new Option<string>("--data") { Description = "The CSV file to read", Required = true };

        var run = new Command("run", "Run every stage: ingest, split, validate, transform, train, analyze, gate, export") { seed, epochs, data, outDirectory, resume, quiet };
        run.SetAction(result =>
        {
            PipelineRun outcome = PipelineRunner.Run(pipeline, new PipelineOptions
            {
                Seed = result.GetValue(seed), Epochs = result.GetValue(epochs), DataPath = result.GetValue(data),
                OutputDirectory = result.GetValue(outDirectory)!, Resume = result.GetValue(resume), Quiet = result.GetValue(quiet),
            }, result.GetValue(quiet) ? TextWriter.Null : console);
            console.WriteLine(outcome.ExitCode switch
            {
                0 => $"exported {outcome.ArtifactDirectory}; report in {Path.Combine(result.GetValue(outDirectory)!, "report.md")}",
                2 => "stopped: data validation failed: " + string.Join("; ", outcome.Data!.Failures),
                _ => "stopped: the gate failed: " + string.Join("; ", outcome.Gate!.Failures),
            });
            return outcome.ExitCode;
        });

        var validate = new Command("validate", "Ingest, split and validate the data; exit 2 when validation fails") { seed, data };
        validate.SetAction(result =>
        {
            IReadOnlyList<TRow> rows = result.GetValue(data) is { } path ? pipeline.Read(path) : pipeline.Ingest();
            SplitOptions split = result.GetValue(seed) is { } value ? pipeline.Split with { Seed = value } : pipeline.Split;
            DataReport report = DataReport.Analyze(rows.Split(split), pipeline.Validation);
            console.Write(report);
            return report.Passed ? 0 : 2;
        });

        var evaluate = new Command("evaluate", "Evaluate an exported artifact on the test split (or on --data)") { artifact, data, seed };
        evaluate.SetAction(result =>
        {
            using DeployedModel<TRow, TModel> deployed = pipeline.Deploy(result.GetValue(artifact));
            IReadOnlyList<TRow> rows = result.GetValue(data) is { } path
                ? pipeline.Read(path)
                : pipeline.Ingest().Split(result.GetValue(seed) is { } value ? pipeline.Split with { Seed = value } : pipeline.Split).Test;
            console.Write(deployed.Evaluate(rows));
            return 0;
        });

        var predict = new Command("predict", "Predict every row of a CSV file with an exported artifact (a class, the present labels, or a value)") { artifact, requiredData };
        predict.SetAction(result =>
        {
            using DeployedModel<TRow, TModel> deployed = pipeline.Deploy(result.GetValue(artifact));
            string[] predictions = deployed.Describe(pipeline.Read(result.GetValue(requiredData)!));
            for (int i = 0; i < predictions.Length; i++) console.WriteLine($"{i}\t{predictions[i]}");
            return 0;
        });

        var monitor = new Command("monitor", "Compare new data with the training data stored in an artifact; exit 3 on drift") { artifact, requiredData };
        monitor.SetAction(result =>
        {
            OpenedArtifact opened = ModelArtifact.Open(result.GetValue(artifact)!);
            DriftReport report = opened.Monitor(pipeline.Read(result.GetValue(requiredData)!), pipeline.Monitoring);
            console.Write(report);
            return report.ExitCode;
        });

        var root = new RootCommand($"{pipeline.Name}: an MlDsl pipeline") { run, validate, evaluate, predict, monitor };
        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { Output = console, EnableDefaultExceptionHandler = false });
        }
        catch (Exception error) when (IsUserError(error))
        {
            Console.Error.WriteLine($"error: {error.Message}");
            return 1;
        }
    }

    // Problems with the user's data, files or artifact: reported in one line naming what is wrong,
    // never as a stack trace. Anything else is a bug and keeps its stack trace.
    private static bool IsUserError(Exception error) => error is ArtifactException or CsvDataException or RowDataException
        or InvalidDataException or FileNotFoundException or DirectoryNotFoundException or TrainingDivergedException or InvalidOperationException
        or MlDsl.Audio.AudioFormatException or MlDsl.Data.Files.LabelledFilesException or MlDsl.Data.Files.ImageFormatException
        or MlDsl.Persistence.ModelFileException;
}
