using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MlDsl.Data;

namespace MlDsl.Deployment;

/// <summary>
/// An artifact's <c>model.onnx</c> in an ONNX Runtime session, fed rows of <typeparamref name="TRow"/> by the row type's
/// generated collation (<c>WriteFeatures</c> into one contiguous buffer, as the TorchSharp batches are built) and
/// returning the graph's <c>output</c>: logits for a class or multi-label label, values in the label's units for a regression.
/// The graph's input is checked against the row when the session opens, so a row never reaches ONNX Runtime with the wrong width.
/// One row is served from buffers and OrtValues made once (no allocation per call but the result); batches allocate their buffer.
/// </summary>
internal sealed class OnnxRowSession<TRow> : IDisposable where TRow : ITensorRow<TRow>
{
    private const int BatchRows = 256;

    private readonly InferenceSession session;
    private readonly string inputName, outputName;
    private readonly long[] exampleShape;
    private readonly RunOptions runOptions = new();
    private readonly string[] inputNames, outputNames;

    // The single-row path: a pinned input buffer and output buffer wrapped once in OrtValues, used under a lock;
    // a second caller meanwhile takes the batch path instead of waiting.
    private readonly object single = new();
    private readonly float[] singleInput, singleOutput;
    private readonly OrtValue singleInputValue, singleOutputValue;
    private readonly OrtValue[] singleInputs, singleOutputs;

    /// <param name="onnx">The verified bytes of model.onnx.</param>
    /// <param name="directory">The artifact version folder they came from, named in every error.</param>
    /// <param name="file">The file's name in it.</param>
    /// <param name="threads">ONNX Runtime's intra-op threads.</param>
    /// <exception cref="ArtifactException">ONNX Runtime cannot load the graph, or its input or output does not fit <typeparamref name="TRow"/>.</exception>
    public OnnxRowSession(byte[] onnx, string directory, string file, int threads)
    {
        if (threads < 1 || threads > MlDsl.Pipelines.ComputeOptions.MaxThreads)
            throw new ArgumentOutOfRangeException(nameof(threads), threads, $"ONNX Runtime threads must be between 1 and {MlDsl.Pipelines.ComputeOptions.MaxThreads} (4 per logical processor, at least 64; this machine has {Environment.ProcessorCount}).");
        using var options = MlDsl.Serving.ServingSessionOptions.Create(threads);
        try
        {
            session = new InferenceSession(onnx, options);
        }
        catch (OnnxRuntimeException error)
        {
            throw new ArtifactException(directory, file, $"ONNX Runtime cannot load it: {error.Message}");
        }
        try
        {
            (inputName, exampleShape) = CheckInput(directory, file);
            (outputName, Width) = CheckOutput(directory, file);
        }
        catch
        {
            session.Dispose();
            throw;
        }
        inputNames = [inputName];
        outputNames = [outputName];
        singleInput = new float[TRow.FeatureLength];
        singleOutput = new float[Width];
        singleInputValue = OrtValue.CreateTensorValueFromMemory(singleInput, [1, .. exampleShape]);
        singleOutputValue = OrtValue.CreateTensorValueFromMemory(singleOutput, [1, Width]);
        singleInputs = [singleInputValue];
        singleOutputs = [singleOutputValue];
    }

    /// <summary>Outputs per row: the row type's class count, or 1 for a regression.</summary>
    public int Width { get; }

    private (string Name, long[] Shape) CheckInput(string directory, string file)
    {
        if (session.InputMetadata.Count != 1)
            throw new ArtifactException(directory, file,
                $"the graph has {session.InputMetadata.Count} inputs ({string.Join(", ", session.InputMetadata.Keys)}); an MlDsl graph takes one, the collated row 'input'");
        (string name, NodeMetadata metadata) = session.InputMetadata.First();
        if (MlDsl.Serving.BatchDimension.WhyFixed(metadata, "input", name) is { } fixedBatch) throw new ArtifactException(directory, file, fixedBatch);
        long[] shape = metadata.Dimensions.Skip(1).Select(size => (long)size).ToArray();
        if (metadata.ElementDataType != TensorElementType.Float || metadata.Dimensions.Length < 2 || shape.Any(size => size < 1)
            || shape.Aggregate(1L, (product, size) => product * size) != TRow.FeatureLength)
            throw new ArtifactException(directory, file,
                $"input '{name}' is {metadata.ElementDataType} ({string.Join(", ", metadata.Dimensions)}); {typeof(TRow).Name} collates (N, {string.Join(", ", TRow.FeatureShape.ToArray())}) floats, {TRow.FeatureLength} a row");
        return (name, shape);
    }

    private (string Name, int Width) CheckOutput(string directory, string file)
    {
        (string name, NodeMetadata metadata) = session.OutputMetadata.First();
        if (MlDsl.Serving.BatchDimension.WhyFixed(metadata, "output", name) is { } fixedBatch) throw new ArtifactException(directory, file, fixedBatch);
        int width = metadata.Dimensions.Skip(1).Aggregate(1, (product, size) => product * size);
        int expected = TRow.LabelKind == LabelKind.Regression ? 1 : TRow.ClassCount;
        if (metadata.ElementDataType != TensorElementType.Float || width != expected)
            throw new ArtifactException(directory, file,
                $"output '{name}' is {metadata.ElementDataType} ({string.Join(", ", metadata.Dimensions)}); {typeof(TRow).Name}'s {TRow.LabelKind.ToString().ToLowerInvariant()} label needs {expected} floats a row");
        return (name, width);
    }

    /// <summary>The graph's outputs for one row (<see cref="Width"/> floats).</summary>
    public float[] Run(TRow row)
    {
        if (!Monitor.TryEnter(single)) return Run(new[] { row })[0];
        try
        {
            BatchCollator.WriteCheckedFeatures(row, 0, singleInput);
            session.Run(runOptions, inputNames, singleInputs, outputNames, singleOutputs);
            return (float[])singleOutput.Clone();
        }
        finally
        {
            Monitor.Exit(single);
        }
    }

    /// <summary>The graph's outputs for every row, in batches of up to 256 rows.</summary>
    public float[][] Run(IReadOnlyList<TRow> rows)
    {
        var outputs = new float[rows.Count][];
        int length = TRow.FeatureLength;
        float[] buffer = new float[Math.Min(rows.Count, BatchRows) * length];
        for (int start = 0; start < rows.Count; start += BatchRows)
        {
            int count = Math.Min(BatchRows, rows.Count - start);
            for (int i = 0; i < count; i++) BatchCollator.WriteCheckedFeatures(rows[start + i], start + i, buffer.AsSpan(i * length, length));
            using OrtValue input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, count * length), [count, .. exampleShape]);
            using IDisposableReadOnlyCollection<OrtValue> results = session.Run(runOptions, inputNames, [input], outputNames);
            ReadOnlySpan<float> values = results[0].GetTensorDataAsSpan<float>();
            for (int i = 0; i < count; i++) outputs[start + i] = values.Slice(i * Width, Width).ToArray();
        }
        return outputs;
    }

    public void Dispose()
    {
        singleInputValue.Dispose();
        singleOutputValue.Dispose();
        runOptions.Dispose();
        session.Dispose();
    }
}
