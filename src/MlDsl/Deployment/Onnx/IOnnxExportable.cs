namespace MlDsl.Deployment.Onnx;

/// <summary>A generated model that can write its forward pass as an ONNX graph.</summary>
public interface IOnnxExportable
{
    /// <summary>
    /// Writes the forward pass for prediction as ONNX (opset <see cref="OnnxGraph.Opset"/>): input
    /// <c>input</c> (N, feature dims...) float32 with a dynamic batch — for a model whose [Input] branches read
    /// several features, the collated row (N, row length) that the forward slices too — output <c>output</c> (N, outputs)
    /// — the logits the TorchSharp forward returns for a class or multi-label label; for a regression,
    /// the forward's standardized values restored to the label's units, as <c>Predict</c> returns them. Train-only layers (Dropout, SpecAugment, WaveAugment) are left out; BatchNorm uses
    /// its running statistics. Fitted transforms of the dataset are not part of the graph: apply them
    /// before (the artifact's transform.json).
    /// </summary>
    /// <exception cref="OnnxExportException">A layer of the model cannot be lowered to ONNX (a [UserModule]); the message names its member and module type.</exception>
    void ExportOnnx(Stream destination);
}
