namespace MlDsl.Shapes.Layers;

/// <summary>
/// A recurrent layer over a sequence (steps, features): the whole output sequence (steps, hidden*directions)
/// or, as Keras's <c>return_sequences=False</c>, only the last layer's final state (hidden*directions), whose
/// backward half has read the whole sequence. Parameters as PyTorch counts them: per layer and direction
/// gates*hidden*(in + hidden) weights and two biases of gates*hidden.
/// </summary>
public abstract class RecurrentLayer : LayerDefinition<RecurrentLayer.Options>
{
    /// <param name="InputSize">Declared feature width, checked against the inferred one; null infers it.</param>
    public sealed record Options(int HiddenSize, int NumLayers, bool Bidirectional, double Dropout, bool ReturnSequences, int? InputSize);

    /// <summary>Gates per cell: 4 for LSTM, 3 for GRU.</summary>
    protected abstract int Gates { get; }

    /// <summary>The TorchSharp module's name (<c>LSTM</c>).</summary>
    protected abstract string TorchSharpName { get; }

    public override bool HasParameters => true;

    public override Options Read(LayerArguments arguments) => new(
        arguments.Int("HiddenSize", 0), arguments.Int("NumLayers", 1), arguments.Bool("Bidirectional"),
        arguments.Double("Dropout", 0), arguments.Bool("ReturnSequences"), arguments.Declared("InputSize"));

    /// <summary>ONNX's LSTM or GRU operator per layer, gates reordered from PyTorch's.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) =>
        $"Recurrent(x, {Module(layer)}, op: \"{TorchSharpName}\", hidden: {options.HiddenSize}, layers: {options.NumLayers}, "
        + $"bidirectional: {(options.Bidirectional ? "true" : "false")}, returnSequences: {(options.ReturnSequences ? "true" : "false")})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (RequireSequence(spec, input, $"{TorchSharpName}") is { } sequence) return sequence;
        if (options.HiddenSize <= 0 || options.NumLayers <= 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} needs a positive hidden size and number of layers");
        if (options.Dropout < 0 || options.Dropout >= 1)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} has dropout {Number(options.Dropout)}; it must lie in [0, 1)");

        int steps = input[0], features = input[1], hidden = options.HiddenSize;
        int directions = options.Bidirectional ? 2 : 1;
        long parameters = 0;
        for (int layer = 0; layer < options.NumLayers; layer++)
        {
            long inputs = layer == 0 ? features : (long)hidden * directions;
            parameters += directions * ((long)Gates * hidden * (inputs + hidden) + 2L * Gates * hidden);
        }
        TensorShape output = options.ReturnSequences ? TensorShape.Sequence(steps, hidden * directions) : TensorShape.Of(hidden * directions);
        string factory = $"new global::MlDsl.Layers.{Name}Module({features}, {hidden}"
            + (options.NumLayers != 1 ? $", numLayers: {options.NumLayers}" : "")
            + (options.Bidirectional ? ", bidirectional: true" : "")
            + (options.Dropout != 0 ? $", dropout: {Number(options.Dropout)}" : "")
            + (options.ReturnSequences ? ", returnSequences: true" : "")
            + ")";
        LayerOutcome outcome = Resolved(spec, input, output, parameters, factory, TorchSharpName);
        return options.InputSize is { } declared && declared != features
            ? Mismatch(outcome, spec, "InputSize", declared, features, input, "input features per step")
            : outcome;
    }
}
