using MlDsl.Analysis;
using MlDsl.Data;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Examples.Mnist;
using MlDsl.Pipelines;
using MlDsl.Tests.Data;
using MlDsl.Tests.Labels;
using MlDsl.Tests.Layers;
using MlDsl.Training;
using TorchSharp;
using static TorchSharp.torch.nn;
using Tensor = TorchSharp.torch.Tensor;

namespace MlDsl.Tests.Deployment;

/// <summary>
/// <c>Deploy(engine: ServingEngine.OnnxRuntime)</c>: the artifact's model.onnx served in-process with the same typed
/// Predict, Describe and Evaluate as TorchSharp, the artifact's transform applied first, for every label kind;
/// an artifact without model.onnx refused by name; <c>--engine onnx</c> on the pipeline command line.
/// </summary>
public sealed class OnnxDeployTests() : TemporaryFolder("mldsl-onnx-deploy")
{
    private static readonly string[] TumourNames = ["malignant", "benign"];

    /// <summary>Exports <paramref name="model"/> (the generated model named <paramref name="name"/>) with <paramref name="transform"/> to a new artifact in <paramref name="folder"/> (the name by default).</summary>
    private string Export<TRow>(string name, Module<Tensor, Tensor> model, IReadOnlyList<TRow> train, IEvaluationReport report,
        IReadOnlyList<string>? classNames = null, AffineTransform? transform = null, string? folder = null) where TRow : IDatasetRow<TRow>
    {
        string path = Path.Combine(Root, folder ?? name);
        ModelArtifact.Export(path, model, name, new ArtifactContents<TRow>(train, report, classNames, transform));
        return path;
    }

    /// <summary>The model's raw outputs (logits) for rows already prepared, under inference mode.</summary>
    private static float[][] TorchOutputs<TRow>(Module<Tensor, Tensor> model, IReadOnlyList<TRow> prepared) where TRow : ITensorRow<TRow>
    {
        model.eval();
        using var scope = torch.NewDisposeScope();
        using var mode = torch.inference_mode();
        Tensor outputs = model.forward(BatchCollator.CollateFeatures(prepared, 0, prepared.Count));
        float[] flat = outputs.data<float>().ToArray();
        int width = flat.Length / prepared.Count;
        return Enumerable.Range(0, prepared.Count).Select(r => flat.AsSpan(r * width, width).ToArray()).ToArray();
    }

    /// <summary>Every value within 1e-5 of the output scale (the largest magnitude TorchSharp gave).</summary>
    private static void AssertClose(float[][] expected, float[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = Math.Max(expected.SelectMany(row => row).Max(value => Math.Abs(value)), 1e-6);
        double worst = expected.Zip(actual, (e, a) => e.Zip(a, (x, y) => Math.Abs(x - y)).Max()).Max();
        Assert.True(worst <= 1e-5 * scale, $"largest difference {worst:G3} over an output scale of {scale:G3}");
    }

    private static (DataSplit<Tumour> Split, Standardizer Scaler, TumourMlp Model) TrainTumours()
    {
        DataSplit<Tumour> split = BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
        Standardizer scaler = Standardizer.Fit(split);
        var model = new TumourMlp(seed: 7);
        model.Fit(scaler.Apply(split.Train), options: new FitOptions { Epochs = 3, BatchSize = 32, Seed = 7, Verbose = 0 });
        return (split, scaler, model);
    }

    private string ExportTumours(string folder, DataSplit<Tumour> split, Standardizer scaler, TumourMlp model)
    {
        Tumour[] test = scaler.Apply(split.Test);
        return Export(TumourMlp.ModelName, model, split.Train, ClassificationReport.Compute(test, model.Predict(test), TumourNames), TumourNames, scaler, folder);
    }

    [Fact]
    public void A_classifier_trained_on_standardized_rows_predicts_through_onnx_runtime_what_torchsharp_predicts_on_raw_rows()
    {
        (DataSplit<Tumour> split, Standardizer scaler, TumourMlp trained) = TrainTumours();
        using TumourMlp model = trained;
        string path = ExportTumours(nameof(TumourMlp), split, scaler, model);
        IReadOnlyList<Tumour> raw = split.Test;

        using DeployedModel<Tumour, TumourMlp> torchServed = DeployedModel<Tumour, TumourMlp>.Open(path, TumourMlp.Load, ServingEngine.TorchSharp);
        int loads = 0;
        using DeployedModel<Tumour, TumourMlp> onnxServed = DeployedModel<Tumour, TumourMlp>.Open(path, file => { loads++; return TumourMlp.Load(file); }, ServingEngine.OnnxRuntime);

        Assert.Equal(ServingEngine.OnnxRuntime, onnxServed.Engine);
        Assert.Equal(ServingEngine.TorchSharp, torchServed.Engine);
        int[] expected = torchServed.Predict(raw);
        Assert.Equal(expected, onnxServed.Predict(raw));
        Assert.Equal(expected[0], onnxServed.Predict(raw[0]));
        Assert.Equal(expected[^1], onnxServed.Predict(raw[^1]));
        Assert.Equal(torchServed.Describe(raw), onnxServed.Describe(raw));
        Assert.Equal(torchServed.Evaluate(raw).ToString(), onnxServed.Evaluate(raw).ToString());
        // The transform is applied: logits on the raw rows equal TorchSharp's on the standardized rows...
        AssertClose(TorchOutputs(model, scaler.Apply(raw)), onnxServed.Onnx!.Run(onnxServed.Prepare(raw)));
        AssertClose(TorchOutputs(model, scaler.Apply(raw)).Take(1).ToArray(), [onnxServed.Onnx.Run(onnxServed.Prepare(raw)[0])]);
        // ...and it matters: the same model on raw measurements (areas in the hundreds) answers otherwise.
        Assert.NotEqual(expected, model.Predict(raw));
        Assert.Equal(0, loads); // every answer came from ONNX Runtime: the TorchSharp model was never loaded
        Assert.Equal(expected[0], onnxServed.Model.Predict(onnxServed.Prepare(raw)[0])); // and loads when asked for
        Assert.Equal(1, loads);
    }

    [Fact]
    public void A_regressor_predicts_through_onnx_runtime_in_the_labels_units_as_torchsharp_does()
    {
        DataSplit<DiabetesPatient> split = ProgressionPipeline.Definition.Ingest().Split(new SplitOptions { Seed = 3 });
        Standardizer scaler = Standardizer.Fit(split);
        using var model = new ProgressionMlp(seed: 3);
        model.Fit(scaler.Apply(split.Train), options: new FitOptions { Epochs = 5, BatchSize = 32, Seed = 3, Verbose = 0 });
        DiabetesPatient[] test = scaler.Apply(split.Test);
        string path = Export(ProgressionMlp.ModelName, model, split.Train, RegressionReport.Compute(test, model.Predict(test)), transform: scaler);

        using DeployedModel<DiabetesPatient, ProgressionMlp> torchServed = DeployedModel<DiabetesPatient, ProgressionMlp>.Open(path, ProgressionMlp.Load);
        int loads = 0;
        using DeployedModel<DiabetesPatient, ProgressionMlp> onnxServed = DeployedModel<DiabetesPatient, ProgressionMlp>.Open(path, file => { loads++; return ProgressionMlp.Load(file); }, ServingEngine.OnnxRuntime);

        float[] expected = torchServed.Predict(split.Test);
        float[] served = onnxServed.Predict(split.Test);
        AssertClose(expected.Select(value => new[] { value }).ToArray(), served.Select(value => new[] { value }).ToArray());
        AssertClose([[expected[0]]], [[onnxServed.Predict(split.Test[0])]]);
        // In the label's units (disease progression, 25 to 346), not the standardized targets it trained on.
        Assert.True(served.Average() > 50, $"mean prediction {served.Average()}");
        var torchReport = Assert.IsType<RegressionReport>(torchServed.Evaluate(split.Test));
        var onnxReport = Assert.IsType<RegressionReport>(onnxServed.Evaluate(split.Test));
        Assert.Equal(torchReport.MeanAbsoluteError, onnxReport.MeanAbsoluteError, 1e-5 * torchReport.MeanAbsoluteError);
        Assert.Equal(onnxServed.Predict(split.Test).Select(value => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)), onnxServed.Describe(split.Test));
        Assert.Equal(0, loads);
    }

    [Fact]
    public void A_multi_label_model_predicts_the_same_label_sets_through_onnx_runtime()
    {
        Digit[] digits = MnistDigits.Load().ToArray();
        new Random(4).Shuffle(digits);
        DigitTraits[] rows = digits[..600].Select(DigitTraits.Of).ToArray();
        using var model = new TraitNet(seed: 4);
        model.Fit(rows[..500], options: new FitOptions { Epochs = 1, Seed = 4, Verbose = 0 });
        DigitTraits[] test = rows[500..];
        string path = Export(TraitNet.ModelName, model, rows[..500], MultiLabelReport.Compute(test, model.Predict(test), DigitTraits.Names), DigitTraits.Names);

        using DeployedModel<DigitTraits, TraitNet> torchServed = DeployedModel<DigitTraits, TraitNet>.Open(path, TraitNet.Load);
        int loads = 0;
        using DeployedModel<DigitTraits, TraitNet> onnxServed = DeployedModel<DigitTraits, TraitNet>.Open(path, file => { loads++; return TraitNet.Load(file); }, ServingEngine.OnnxRuntime);

        bool[][] expected = torchServed.Predict(test);
        Assert.Equal(expected, onnxServed.Predict(test));
        Assert.Equal(expected[3], onnxServed.Predict(test[3]));
        Assert.Equal(torchServed.Describe(test), onnxServed.Describe(test));
        Assert.Equal(torchServed.Evaluate(test).ToString(), onnxServed.Evaluate(test).ToString());
        AssertClose(TorchOutputs(model, test), onnxServed.Onnx!.Run(test));
        // Not a degenerate model whose every answer is the same set.
        Assert.True(expected.Select(set => string.Join(",", set)).Distinct().Count() > 2);
        Assert.Equal(0, loads);
    }

    [Fact]
    public void An_artifact_without_model_onnx_is_refused_naming_the_file_and_the_layers_that_cannot_be_exported()
    {
        Patch[] rows = Enumerable.Range(0, 8)
            .Select(i => new Patch { Pixels = Enumerable.Range(0, 3 * 16 * 16).Select(j => (float)Math.Sin(i * 31 + j)).ToArray(), Kind = i % 4 })
            .ToArray();
        using (var model = new ScaledPatchNet(1))
            Export(ScaledPatchNet.ModelName, model, rows, ClassificationReport.Compute(rows, model.Predict(rows)));
        string path = Path.Combine(Root, ScaledPatchNet.ModelName);

        var error = Assert.Throws<ArtifactException>(() => DeployedModel<Patch, ScaledPatchNet>.Open(path, ScaledPatchNet.Load, ServingEngine.OnnxRuntime));

        Assert.Equal("model.onnx", error.File);
        Assert.Equal(ArtifactFiles.CurrentVersion(path), error.Directory);
        Assert.Equal($"{Path.Combine(ArtifactFiles.CurrentVersion(path), "model.onnx")}: missing, so ONNX Runtime cannot serve this artifact: "
            + "ScaledPatchNet's layers 'scale' (UserModule ChannelScale), 'fold' (UserModule SpaceToDepth) cannot be lowered to ONNX operators; "
            + "deploy it with ServingEngine.TorchSharp (--engine torch)", error.Message);
        using DeployedModel<Patch, ScaledPatchNet> torchServed = DeployedModel<Patch, ScaledPatchNet>.Open(path, ScaledPatchNet.Load);
        Assert.Equal(8, torchServed.Predict(rows).Length);
    }

    [Fact]
    public void Predict_and_evaluate_take_engine_onnx_and_answer_as_torch_does()
    {
        (DataSplit<Tumour> split, Standardizer scaler, TumourMlp trained) = TrainTumours();
        using (trained) ExportTumours("artifact", split, scaler, trained);
        var definition = TumourPipeline.Definition with { ExportDirectory = Path.Combine(Root, "artifact") };
        string csv = SklearnData.BreastCancerCsv();

        (int torchExit, string torchOutput, _) = Cli(definition, "predict", "--data", csv);
        (int onnxExit, string onnxOutput, string onnxErrors) = Cli(definition, "predict", "--data", csv, "--engine", "onnx");
        (int evaluateExit, string evaluation, _) = Cli(definition, "evaluate", "--engine", "onnx", "--threads", "2");
        (int torchEvaluateExit, string torchEvaluation, _) = Cli(definition, "evaluate", "--engine", "torch");
        (int badExit, _, string badErrors) = Cli(definition, "predict", "--data", csv, "--engine", "tensorrt");

        Assert.True(onnxExit == 0, onnxErrors);
        Assert.Equal((0, torchOutput), (torchExit, onnxOutput));
        Assert.Equal(569, onnxOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal((0, 0), (evaluateExit, torchEvaluateExit));
        Assert.Equal(torchEvaluation, evaluation);
        Assert.Equal(1, badExit);
        Assert.Equal("error: --engine: expected torch or onnx but got 'tensorrt'", badErrors.Trim());
    }

    [Fact]
    public void Engine_onnx_on_an_artifact_without_model_onnx_is_one_line_naming_the_file()
    {
        (DataSplit<Tumour> split, Standardizer scaler, TumourMlp trained) = TrainTumours();
        using (trained) ExportTumours("artifact", split, scaler, trained);
        string path = Path.Combine(Root, "artifact");
        string onnx = Path.Combine(ArtifactFiles.CurrentVersion(path), "model.onnx");
        // An export from before ONNX export: no model.onnx, none listed.
        ArtifactFiles.EditManifest(path, manifest => manifest["Files"]!.AsObject().Remove("model.onnx"));
        File.Delete(onnx);

        (int exit, _, string errors) = Cli(TumourPipeline.Definition with { ExportDirectory = path }, "predict", "--data", SklearnData.BreastCancerCsv(), "--engine", "onnx");

        Assert.Equal(1, exit);
        Assert.Equal($"error: {onnx}: missing, so ONNX Runtime cannot serve this artifact: the artifact was exported by an MlDsl without ONNX export: "
            + "export it again; deploy it with ServingEngine.TorchSharp (--engine torch)", errors.Trim());
    }

    private static (int Exit, string Output, string Errors) Cli(PipelineDefinition<Tumour, TumourMlp> definition, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int exit = PipelineCommandLine.Run(definition, args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }
}
