using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Pipelines;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Adversarial.SetU;

/// <summary>
/// The generated runner's serving commands (<c>evaluate</c>, <c>predict</c>, <c>monitor</c>) and <c>doctor</c> with
/// bad option values, paths that are folders, files or missing, the artifact given as the data, duplicated options and
/// drift thresholds out of range in the definition. Each exits 1 with one line naming the option or path — never
/// exit 70 ("a bug") or a stack trace.
/// </summary>
public sealed class RunnerCommandLineAttackTests() : TemporaryFolder("mldsl-setu-cli")
{
    private static readonly string[] Classes = ["malignant", "benign"];

    private string Artifact => Path.Combine(Root, "artifact");

    private void ExportArtifact()
    {
        DataSplit<Tumour> split = BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
        using var model = new TumourMlp(seed: 3);
        var report = ClassificationReport.Compute(split.Test, model.Predict(split.Test), Classes);
        ModelArtifact.Export(Artifact, model, TumourMlp.ModelName, new ArtifactContents<Tumour>(split.Train, report, Classes, Standardizer.Fit(split)));
    }

    private (int Exit, string Errors, string Output) Cli(PipelineDefinition<Tumour, TumourMlp>? definition, params string[] args)
    {
        var errors = new StringWriter();
        var output = new StringWriter();
        int exit = PipelineCommandLine.Run((definition ?? TumourPipeline.Definition) with { ExportDirectory = Artifact }, args, output, errors);
        return (exit, errors.ToString().Trim(), output.ToString());
    }

    private void RefusedNaming(string named, params string[] args) => RefusedNaming(null, named, args);

    private void RefusedNaming(PipelineDefinition<Tumour, TumourMlp>? definition, string named, params string[] args)
    {
        (int exit, string errors, string output) = Cli(definition, args);

        Assert.True(exit == 1, $"exit {exit}; errors: {errors}; output: {output[..Math.Min(400, output.Length)]}");
        Assert.Contains(named, errors);
        Assert.DoesNotContain("   at ", errors);
    }

    private string WriteCsv(string name, string text)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("evaluate", "0")]
    [InlineData("evaluate", "-3")]
    [InlineData("evaluate", "100000")]
    [InlineData("predict", "100000")]
    [InlineData("predict", "2147483648")]
    public void A_thread_count_out_of_range_for_a_serving_command_is_refused_naming_it(string command, string threads)
    {
        string data = WriteCsv("rows.csv", "x\n1\n");
        string[] args = command == "predict" ? ["predict", "--threads", threads, "--data", data] : ["evaluate", "--threads", threads];

        RefusedNaming("--threads", args);
    }

    [Fact]
    public void An_onnx_engine_thread_count_that_would_abort_onnx_runtime_is_refused_naming_it()
    {
        ExportArtifact();
        string data = WriteCsv("rows.csv", "x\n1\n");

        RefusedNaming("--threads", "predict", "--engine", "onnx", "--threads", "100000", "--data", data);
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("monitor")]
    [InlineData("predict")]
    public void An_artifact_option_naming_a_file_is_refused_naming_the_path(string command)
    {
        string file = WriteCsv("not-an-artifact.txt", "hello");
        string data = WriteCsv("rows.csv", string.Join("\n", File.ReadLines(SklearnData.BreastCancerCsv()).Take(10)) + "\n");
        string[] args = command == "evaluate" ? [command, "--artifact", file] : [command, "--artifact", file, "--data", data];

        RefusedNaming("not-an-artifact.txt", args);
    }

    [Theory]
    [InlineData("monitor")]
    [InlineData("predict")]
    public void The_artifact_folder_given_as_the_data_is_refused_naming_the_option(string command)
    {
        ExportArtifact();

        RefusedNaming(Artifact, command, "--artifact", Artifact, "--data", Artifact);
    }

    [Theory]
    [InlineData("monitor")]
    [InlineData("predict")]
    public void A_missing_data_file_is_refused_naming_it(string command)
    {
        ExportArtifact();

        RefusedNaming("nowhere.csv", command, "--artifact", Artifact, "--data", Path.Combine(Root, "nowhere.csv"));
    }

    [Theory]
    [InlineData("monitor")]
    [InlineData("predict")]
    public void A_zero_byte_data_file_is_refused_naming_it(string command)
    {
        ExportArtifact();
        string data = WriteCsv("empty.csv", "");

        RefusedNaming("empty.csv", command, "--artifact", Artifact, "--data", data);
    }

    [Fact]
    public void Monitoring_a_data_file_of_its_header_alone_is_refused_naming_it_not_compared_as_no_drift()
    {
        ExportArtifact();
        string header = File.ReadLines(SklearnData.BreastCancerCsv()).First();
        string data = WriteCsv("header-only.csv", header + "\n");

        RefusedNaming("header-only.csv", "monitor", "--artifact", Artifact, "--data", data);
    }

    [Fact]
    public void A_manifest_of_the_artifact_given_as_the_data_is_refused_naming_the_file()
    {
        ExportArtifact();
        string manifest = Directory.GetFiles(Artifact, "manifest.json", SearchOption.AllDirectories).First();

        RefusedNaming("manifest.json", "predict", "--artifact", Artifact, "--data", manifest);
    }

    [Theory]
    [InlineData(-1.0, 0.01, 0.1, 0.1, "Psi")]
    [InlineData(0.25, 2.0, 0.1, 0.1, "KsPValue")]
    [InlineData(0.25, 0.01, double.NaN, 0.1, "KsStatistic")]
    public void Monitoring_thresholds_out_of_range_in_the_definition_are_refused_naming_them(double psi, double pValue, double statistic, double js, string named)
    {
        ExportArtifact();
        string data = WriteCsv("rows.csv", string.Join("\n", File.ReadLines(SklearnData.BreastCancerCsv()).Take(60)) + "\n");
        PipelineDefinition<Tumour, TumourMlp> definition = TumourPipeline.Definition with { Monitoring = new DriftThresholds(psi, pValue, statistic, js) };

        RefusedNaming(definition, named, "monitor", "--artifact", Artifact, "--data", data);
    }

    [Fact]
    public void A_doctor_out_option_naming_a_file_is_refused_naming_it_and_keeps_the_file()
    {
        string file = WriteCsv("doctor-out", "keep me");

        RefusedNaming("--out", "doctor", "--out", file, "--folds", "2", "--fold-epochs", "1");

        Assert.Equal("keep me", File.ReadAllText(file));
    }

    [Fact]
    public void An_evaluate_on_a_cuda_device_without_a_cuda_libtorch_is_refused_naming_the_device()
    {
        ExportArtifact();

        RefusedNaming("--device", "evaluate", "--artifact", Artifact, "--device", "cuda:0");
    }

    [Fact]
    public void An_unknown_command_is_refused_without_a_stack_trace()
    {
        (int exit, string errors, _) = Cli(null, "train", "--epochs", "3");

        Assert.NotEqual(0, exit);
        Assert.NotEqual(70, exit);
        Assert.Contains("train", errors);
        Assert.DoesNotContain("   at ", errors);
    }
}
