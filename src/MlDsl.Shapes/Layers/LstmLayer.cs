namespace MlDsl.Shapes.Layers;

/// <summary>LSTM over a sequence (steps, features); see <see cref="RecurrentLayer"/>.</summary>
public sealed class LstmLayer : RecurrentLayer
{
    protected override int Gates => 4;
    protected override string TorchSharpName => "LSTM";
}
