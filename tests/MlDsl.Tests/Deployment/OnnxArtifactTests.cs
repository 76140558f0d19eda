using MlDsl.Analysis;
using MlDsl.Deployment;
using MlDsl.Tests.Layers;
using static TorchSharp.torch.nn;
using Tensor = TorchSharp.torch.Tensor;

namespace MlDsl.Tests.Deployment;

/// <summary>What an artifact export does with a model's ONNX export: writes it for blocks, leaves it out for a [UserModule].</summary>
public sealed class OnnxArtifactTests() : TemporaryFolder("mldsl-onnx-artifact")
{
    [Fact]
    public void An_artifact_of_a_residual_block_model_holds_model_onnx()
    {
        using var model = new PatchResNet(1);
        string version = Export(model, PatchResNet.ModelName, model.Predict(Rows));
        Assert.True(File.Exists(Path.Combine(version, "model.onnx")));
    }

    [Fact]
    public void An_artifact_of_a_user_module_model_leaves_model_onnx_out_and_keeps_the_rest()
    {
        using var model = new ScaledPatchNet(1);
        string version = Export(model, ScaledPatchNet.ModelName, model.Predict(Rows));
        Assert.False(File.Exists(Path.Combine(version, "model.onnx")));
        Assert.True(File.Exists(Path.Combine(version, "model.mldsl")));
    }

    private static readonly Patch[] Rows = Enumerable.Range(0, 8)
        .Select(i => new Patch { Pixels = Enumerable.Range(0, 3 * 16 * 16).Select(j => (float)Math.Sin(i * 31 + j)).ToArray(), Kind = i % 4 })
        .ToArray();

    /// <returns>The artifact's current version folder.</returns>
    private string Export(Module<Tensor, Tensor> model, string name, IReadOnlyList<int> predicted)
    {
        string path = Path.Combine(Root, name);
        ModelArtifact.Export(path, model, name, new ArtifactContents<Patch>(Rows, ClassificationReport.Compute(Rows, predicted)));
        return ArtifactFiles.CurrentVersion(path);
    }
}
