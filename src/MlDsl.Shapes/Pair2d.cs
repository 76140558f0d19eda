using System.Globalization;

namespace MlDsl.Shapes;

/// <summary>
/// A 2-D window size along height and width (kernel, stride, padding, dilation). Attributes take one
/// number for both axes or two, <c>Kernel = new[] { 3, 1 }</c>, as PyTorch takes <c>3</c> or <c>(3, 1)</c>.
/// </summary>
public readonly record struct Pair2d(int Height, int Width)
{
    public static Pair2d Square(int size) => new(size, size);

    public bool IsSquare => Height == Width;

    /// <summary>As messages and TorchSharp calls write it: <c>3</c>, or <c>(3, 1)</c> when the axes differ.</summary>
    public override string ToString() => IsSquare ? Height.ToString(CultureInfo.InvariantCulture) : $"({Height}, {Width})";

    /// <summary>As a TorchSharp tuple argument, always both axes: <c>(3, 3)</c>.</summary>
    public string Tuple => $"({Height}, {Width})";

    /// <summary>As a C# <c>long[]</c> for the ONNX graph: <c>new long[] { 3, 1 }</c>.</summary>
    public string Longs => $"new long[] {{ {Height}, {Width} }}";
}
