using MlDsl;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Tests.Layers;

/// <summary>Hand-written TorchSharp: scales each of 8 channels by a learned factor.</summary>
public sealed class ChannelScale : Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Parameter scale;

    public ChannelScale() : base(nameof(ChannelScale))
    {
        scale = new TorchSharp.Modules.Parameter(ones(8, 1, 1));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => input * scale;
}

/// <summary>Hand-written TorchSharp: (c, h, w) -> (4c, h/2, w/2), each 2×2 patch moved into channels.</summary>
public sealed class SpaceToDepth : Module<Tensor, Tensor>
{
    public SpaceToDepth() : base(nameof(SpaceToDepth))
    {
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        long n = input.shape[0], c = input.shape[1], h = input.shape[2], w = input.shape[3];
        return input.reshape(n, c, h / 2, 2, w / 2, 2).permute(0, 1, 3, 5, 2, 4).reshape(n, c * 4, h / 2, w / 2).MoveToOuterDisposeScope();
    }
}

/// <summary>Two user modules with declared contracts: one that keeps the shape and has parameters, one that reshapes.</summary>
[Model(typeof(Patch))]
public sealed partial class ScaledPatchNet
{
    [Conv2d(8, Kernel = 3, Padding = 1)] Layer stem;
    [UserModule(typeof(ChannelScale), "c, h, w", Input = "8, h, w", Parameters = 8)] Layer scale;
    [UserModule(typeof(SpaceToDepth), "c * 4, h / 2, w / 2"), Relu] Layer fold;
    [Flatten, Linear(4)] Layer head;
}
