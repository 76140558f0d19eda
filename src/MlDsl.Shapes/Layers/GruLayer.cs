namespace MlDsl.Shapes.Layers;

/// <summary>GRU over a sequence (steps, features); see <see cref="RecurrentLayer"/>.</summary>
public sealed class GruLayer : RecurrentLayer
{
    protected override int Gates => 3;
    protected override string TorchSharpName => "GRU";
}
