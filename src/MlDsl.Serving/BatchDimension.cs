using Microsoft.ML.OnnxRuntime;

namespace MlDsl.Serving;

/// <summary>
/// MlDsl exports every graph with a dynamic first (batch) dimension, and both ONNX readers (MlDsl.Serving's
/// <c>OnnxPredictor</c> and MlDsl's ONNX Runtime engine, which compiles this file too) send batches of any size through
/// it. A graph whose batch is fixed (0, 1, 2...) would fail at the first prediction of another size with ONNX Runtime's
/// own exception, so it is refused when the model opens.
/// </summary>
internal static class BatchDimension
{
    /// <summary>Why the <paramref name="role"/> (input or output) <paramref name="name"/> cannot take batches of any size; null when its batch is dynamic.</summary>
    public static string? WhyFixed(NodeMetadata metadata, string role, string name) =>
        metadata.Dimensions.Length == 0 || metadata.Dimensions[0] >= 0
            ? $"{role} '{name}' ({string.Join(", ", metadata.Dimensions)}) has {(metadata.Dimensions.Length == 0 ? "no batch dimension" : $"a fixed batch dimension of {metadata.Dimensions[0]}")}; "
              + "expected a dynamic first dimension (any number of rows), as MlDsl exports it"
            : null;
}
