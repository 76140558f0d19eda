using Microsoft.ML.OnnxRuntime;

namespace MlDsl.Serving;

/// <summary>
/// Predicts with an MlDsl artifact's <c>model.onnx</c> on ONNX Runtime, without TorchSharp: the
/// artifact's fitted transform is applied to every row first, as MlDsl's <c>DeployedModel</c> does.
/// Rows are the features in the order of <see cref="Features"/>, flattened (an image row is its
/// pixels, channel by channel).
/// </summary>
public sealed class OnnxPredictor : IDisposable
{
    private readonly ServedArtifact artifact;
    private readonly InferenceSession session;
    private static readonly string[] InputNames = [GraphCheck.InputName], OutputNames = [GraphCheck.OutputName];

    // One row at a time (a request): input and output buffers wrapped once in OrtValues, used under a lock; a second
    // caller meanwhile takes the batch path instead of waiting.
    private readonly object single = new();
    private readonly RunOptions runOptions = new();
    private float[]? singleInput, singleOutput;
    private OrtValue? singleInputValue, singleOutputValue;

    private OnnxPredictor(ServedArtifact artifact, int threads)
    {
        this.artifact = artifact;
        var options = ServingSessionOptions.Create(threads);
        try
        {
            session = new InferenceSession(artifact.Onnx, options);
        }
        catch (OnnxRuntimeException error)
        {
            throw new ServingException(System.IO.Path.Combine(artifact.Version, "model.onnx"), $"ONNX Runtime cannot load it: {error.Message}");
        }
        finally
        {
            options.Dispose();
        }
        try
        {
            (ExampleShape, RowLength) = GraphCheck.Input(session, artifact);
            GraphCheck.Output(session, artifact);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Opens and verifies the artifact (pointer, manifest and file SHA-256s).</summary>
    /// <param name="directory">The artifact folder MlDsl exported.</param>
    /// <param name="threads">ONNX Runtime's intra-op threads; 1 suits a server answering many requests at once.</param>
    /// <exception cref="ServingException">
    /// The artifact is missing, damaged, modified, has no model.onnx, or ONNX Runtime rejects it; or the graph is not the one the
    /// artifact describes: its input is not one float tensor named <c>input</c> a row as wide as the manifest's features, or it
    /// has no float output named <c>output</c> as wide as the manifest's class names (1 for a regression), or either has a fixed
    /// batch dimension in place of the exported dynamic one. The message names model.onnx, what was expected and what the graph holds.
    /// The manifest is refused (naming manifest.json) as MlDsl's <c>DeployedModel</c> refuses it: an entry that is not a plain name
    /// of an artifact file (<c>../</c>, an absolute path), a checksum that is not 64 hex digits (JSON null included), a member
    /// given twice; so is a version folder that is a symbolic link, and a file in it that the manifest does not list.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is below 1, or above 4 per logical processor (and 64).</exception>
    public static OnnxPredictor Open(string directory, int threads = 1)
    {
        // Checked before ONNX Runtime is told: 0 and -1 mean "its own choice" there, not the documented 1, and a count
        // such as 100000 aborts the whole process natively, where no exception handler sees it.
        if (threads < 1 || threads > ServingSessionOptions.MaxThreads)
            throw new ArgumentOutOfRangeException(nameof(threads), threads,
                $"ONNX Runtime threads must be between 1 and {ServingSessionOptions.MaxThreads} (4 per logical processor, at least 64; this machine has {Environment.ProcessorCount}).");
        return new(ServedArtifact.Open(directory), threads);
    }

    /// <summary>The dataset's feature names, in row order.</summary>
    public IReadOnlyList<string> Features => artifact.Features;

    /// <summary>The label's class names (empty for a regression).</summary>
    public IReadOnlyList<string> ClassNames => artifact.ClassNames;

    /// <summary>One example's input shape, without the batch dimension.</summary>
    public IReadOnlyList<long> ExampleShape { get; }

    /// <summary>How many floats a row holds.</summary>
    public int RowLength { get; }

    /// <summary>
    /// The model's outputs for each row: logits for a class or multi-label label, the value in the
    /// label's units for a regression. Shape (rows, outputs).
    /// </summary>
    /// <exception cref="ServingException">A row is not <see cref="RowLength"/> floats long, or holds NaN or an infinity.</exception>
    public float[][] Outputs(IReadOnlyList<float[]> rows)
    {
        if (rows.Count == 0) return Array.Empty<float[]>();
        if (rows.Count == 1 && Monitor.TryEnter(single))
        {
            try
            {
                return [Single(rows[0])];
            }
            finally
            {
                Monitor.Exit(single);
            }
        }
        var batch = new float[rows.Count * RowLength];
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not { } row || row.Length != RowLength)
                throw Refused(r, rows[r]);
            Finite(r, row);
            Span<float> target = batch.AsSpan(r * RowLength, RowLength);
            row.CopyTo(target);
            if (artifact.Shift is { } shift && artifact.Scale is { } scale)
                for (int f = 0; f < RowLength; f++) target[f] = (target[f] - shift[f]) * scale[f];
        }
        long[] shape = new long[] { rows.Count }.Concat(ExampleShape).ToArray();
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(batch, shape);
        using var runOptions = new RunOptions();
        using IDisposableReadOnlyCollection<OrtValue> results = session.Run(runOptions, InputNames, new[] { input }, OutputNames);
        ReadOnlySpan<float> values = results[0].GetTensorDataAsSpan<float>();
        int width = values.Length / rows.Count;
        var outputs = new float[rows.Count][];
        for (int r = 0; r < rows.Count; r++) outputs[r] = values.Slice(r * width, width).ToArray();
        return outputs;
    }

    // Under the lock: the row transformed into the bound input, the graph run into the bound output.
    private float[] Single(float[] row)
    {
        if (row is null || row.Length != RowLength) throw Refused(0, row);
        Finite(0, row);
        if (singleInputValue is null)
        {
            singleInput = new float[RowLength];
            singleOutput = new float[session.OutputMetadata[GraphCheck.OutputName].Dimensions.Skip(1).Aggregate(1, (product, size) => product * size)];
            singleInputValue = OrtValue.CreateTensorValueFromMemory(singleInput, [1, .. ExampleShape]);
            singleOutputValue = OrtValue.CreateTensorValueFromMemory(singleOutput, [1, singleOutput.Length]);
        }
        row.CopyTo(singleInput!, 0);
        if (artifact.Shift is { } shift && artifact.Scale is { } scale)
            for (int f = 0; f < RowLength; f++) singleInput![f] = (singleInput[f] - shift[f]) * scale[f];
        session.Run(runOptions, InputNames, [singleInputValue], OutputNames, [singleOutputValue!]);
        return (float[])singleOutput!.Clone();
    }

    private ServingException Refused(int index, float[]? row) =>
        new ServingException($"rows[{index}]", $"has {row?.Length ?? 0} values; expected {RowLength} (features {string.Join(", ", Features.Take(5))}{(Features.Count > 5 ? ", ..." : "")})");

    // A NaN or infinite feature runs through the graph into NaN logits, and PredictClass would still answer a class
    // (IndexOf(NaN) is -1, or the first logit): refused as MlDsl's Predict and Deploy(engine: OnnxRuntime) refuse it.
    private void Finite(int index, float[] row)
    {
        int bad = Array.FindIndex(row, value => !float.IsFinite(value));
        if (bad < 0) return;
        string feature = Features.Count == RowLength ? $" ({Features[bad]})" : "";
        throw new ServingException($"row {index}",
            $"value {bad}{feature} is {row[bad].ToString(System.Globalization.CultureInfo.InvariantCulture)}; expected a finite number");
    }

    /// <summary>The most likely class of each row (the largest logit).</summary>
    public int[] PredictClass(IReadOnlyList<float[]> rows) =>
        Outputs(rows).Select(logits => Array.IndexOf(logits, logits.Max())).ToArray();

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose()
    {
        singleInputValue?.Dispose();
        singleOutputValue?.Dispose();
        runOptions.Dispose();
        session.Dispose();
    }
}
