using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlDsl.Layers;

/// <summary>
/// TorchSharp's GroupNorm, started as PyTorch starts it. TorchSharp 0.107 creates its weight and bias
/// with <c>torch.empty</c> and never initialises them, so a new GroupNorm scales and shifts by whatever
/// memory held (NaN at times, and the first training step diverges); PyTorch starts at ones and zeros.
/// </summary>
public static class GroupNorms
{
    /// <param name="groups">How many groups the channels split into; must divide <paramref name="channels"/>.</param>
    /// <param name="channels">The channel count C of (N, C, ...) inputs.</param>
    /// <returns>TorchSharp's own module (so weights save as <c>weight</c> and <c>bias</c>), weight ones and bias zeros.</returns>
    public static GroupNorm Create(long groups, long channels)
    {
        GroupNorm norm = nn.GroupNorm(groups, channels);
        using (no_grad())
        {
            nn.init.ones_(norm.weight);
            if (norm.bias is { } bias) nn.init.zeros_(bias);
        }
        return norm;
    }
}
