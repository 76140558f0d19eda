using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using MlDsl.Deployment.Onnx;
using MlDsl.Shapes;
using MlDsl.Tests.Layers;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Tests.Deployment;

/// <summary>
/// The ONNX graph the generator emits computes what the TorchSharp forward computes, for every layer
/// kind of the catalogue (through the parity models), with a dynamic batch, and passes ONNX's checker.
/// </summary>
public sealed class OnnxExportTests
{
    public static TheoryData<string> Kinds => new(LayerCatalogue.All.Select(definition => definition.Name));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_layer_kind_exports_to_onnx_that_onnx_runtime_runs_like_torchsharp_or_names_itself_as_not_exportable(string kind)
    {
        var covering = LayerParityTests.Models.Where(model => LayerParityTests.ShapesOf(model.Model).Any(layer => layer.Kind == kind)).ToList();
        Assert.True(covering.Count > 0, $"No parity model uses [{kind}]");
        foreach ((Type modelType, long[] input) in covering)
        {
            using var model = (Module<Tensor, Tensor>)Activator.CreateInstance(modelType, (long?)1)!;
            var exported = new MemoryStream();
            try
            {
                ((IOnnxExportable)model).ExportOnnx(exported);
            }
            catch (NotSupportedException error)
            {
                // Only a layer without an export may refuse, and the message names it.
                Assert.Contains("(", error.Message);
                Assert.True(LayerParityTests.ShapesOf(modelType).Any(layer => error.Message.Contains($"({layer.Kind})") && NoExport(layer.Kind)),
                    $"{modelType.Name} refused ONNX export for a layer that has one: {error.Message}");
                continue;
            }
            AssertOnnxRuntimeMatches(model, exported.ToArray(), input, batch: 3);
            AssertOnnxRuntimeMatches(model, exported.ToArray(), input, batch: 1);
        }
    }

    [Fact]
    public void Exported_graph_passes_onnx_checker_with_full_shape_inference()
    {
        string folder = Directory.CreateTempSubdirectory("mldsl-onnx").FullName;
        try
        {
            ExportAll(folder);
            string[] files = Directory.GetFiles(folder, "*.onnx");
            Assert.NotEmpty(files);
            OnnxChecker.Check(files);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void ExportAll(string folder)
    {
        foreach ((Type modelType, _) in LayerParityTests.Models)
        {
            using var model = (Module<Tensor, Tensor>)Activator.CreateInstance(modelType, (long?)1)!;
            string path = Path.Combine(folder, modelType.Name + ".onnx");
            try
            {
                using FileStream file = File.Create(path);
                ((IOnnxExportable)model).ExportOnnx(file);
            }
            catch (NotSupportedException)
            {
                File.Delete(path);
            }
        }
    }

    private static bool NoExport(string kind)
    {
        LayerDefinition definition = LayerCatalogue.Find(kind);
        return !definition.TrainOnly && definition.Onnx(new ResolvedLayer(LayerSpec.Of("probe", 0, kind), TensorShape.Of(1), TensorShape.Of(1), 0, "", "")) is null;
    }

    /// <summary>Same random rows through TorchSharp (eval) and ONNX Runtime: equal within 1e-5 of the output's scale.</summary>
    private static void AssertOnnxRuntimeMatches(Module<Tensor, Tensor> model, byte[] onnx, long[] input, int batch)
    {
        using var scope = NewDisposeScope();
        model.eval();
        long[] shape = new long[] { batch }.Concat(input).ToArray();
        Tensor rows = randn(shape, generator: new Generator(7));
        float[] expected;
        using (inference_mode())
            expected = model.forward(rows).contiguous().data<float>().ToArray();

        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = new InferenceSession(onnx, options);
        using OrtValue value = OrtValue.CreateTensorValueFromMemory(rows.contiguous().data<float>().ToArray(), shape);
        using var outputs = session.Run(new RunOptions(), new[] { "input" }, new[] { value }, new[] { "output" });
        float[] actual = outputs[0].GetTensorDataAsSpan<float>().ToArray();

        Assert.Equal(expected.Length, actual.Length);
        double scale = Math.Max(1, expected.Max(Math.Abs));
        double worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= 1e-5 * scale, $"{model.GetType().Name}, batch {batch}: ONNX Runtime differs from TorchSharp by {worst} (output scale {scale})");
    }
}

/// <summary>ONNX's own checker (Debian's python3-onnx under /usr/bin/python3, not a pyenv shim; installed when missing) over exported files.</summary>
internal static class OnnxChecker
{
    public static void Check(IEnumerable<string> files)
    {
        if (Run("/usr/bin/python3", "-c \"import onnx\"").ExitCode != 0)
        {
            var install = Run("apt-get", "install -y --no-install-recommends python3-onnx");
            Assert.True(install.ExitCode == 0, $"python3-onnx is missing and apt-get could not install it (root needed): {install.Output}");
        }
        foreach (string file in files)
        {
            var check = Run("/usr/bin/python3", $"-c \"import onnx,sys; m=onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True)\" \"{file}\"");
            Assert.True(check.ExitCode == 0, $"onnx.checker rejects {Path.GetFileName(file)}: {check.Output}");
        }
    }

    private static (int ExitCode, string Output) Run(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(), error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
