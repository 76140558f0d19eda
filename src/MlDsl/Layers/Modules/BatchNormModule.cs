using MlDsl.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Layers;

/// <summary>
/// PyTorch's BatchNorm1d and BatchNorm2d (Ioffe and Szegedy 2015): each channel normalised over the batch (and the
/// length or the map), scaled by a learned weight and shifted by a learned bias, with running mean and variance kept
/// for prediction. It is TorchSharp's own <see cref="TorchSharp.Modules.BatchNorm"/> (same parameters, buffers and
/// state_dict keys: <c>weight</c>, <c>bias</c>, <c>running_mean</c>, <c>running_var</c>, <c>num_batches_tracked</c>,
/// so model files and PyTorch weights are interchangeable) with one change: TorchSharp's forward counts batches with
/// <c>num_batches_tracked.add_(1)</c>, whose implicit Scalar the finalizer may free while libtorch reads it (see
/// <see cref="HeldScalars"/>); this forward adds the held <see cref="HeldScalars.One"/>.
/// </summary>
public sealed class BatchNormModule : TorchSharp.Modules.BatchNorm
{
    private readonly int spatialRank;

    private BatchNormModule(long features, int spatialRank, string name)
        : base(features, eps: 1e-5, momentum: 0.1, affine: true, track_running_stats: true, device: null, dtype: null, name: name) =>
        this.spatialRank = spatialRank;

    /// <summary>BatchNorm1d over (N, C) rows or (N, C, L) signals, as <c>torch.nn.BatchNorm1d(features)</c>.</summary>
    /// <param name="features">C, the channels (or features) normalised one by one.</param>
    public static BatchNormModule BatchNorm1d(long features) => new(features, spatialRank: 1, nameof(BatchNorm1d));

    /// <summary>BatchNorm2d over (N, C, H, W) maps, as <c>torch.nn.BatchNorm2d(features)</c>.</summary>
    /// <param name="features">C, the channels normalised one by one.</param>
    public static BatchNormModule BatchNorm2d(long features) => new(features, spatialRank: 2, nameof(BatchNorm2d));

    /// <param name="input">(N, C) or (N, C, L) for BatchNorm1d; (N, C, H, W) for BatchNorm2d.</param>
    /// <returns>The normalised input, same shape.</returns>
    /// <exception cref="ArgumentException">The input has another rank (checked before libtorch sees it).</exception>
    public override Tensor forward(Tensor input)
    {
        ValidateInputDimensions(input);
        double averagingFactor = momentum ?? 0.0;
        if (training && track_running_stats && num_batches_tracked is { } batches)
        {
            batches.add_(HeldScalars.One, alpha: HeldScalars.One); // add_(Scalar) alone makes its own alpha of 1
            // A momentum of None in PyTorch (null here) averages cumulatively: 1 / batches seen.
            if (momentum is null) averagingFactor = 1.0 / batches.item<long>();
        }
        bool useBatchStatistics = training || running_mean is null || running_var is null;
        bool useRunningStatistics = !training || track_running_stats;
        return nn.functional.batch_norm(input, useRunningStatistics ? running_mean : null, useRunningStatistics ? running_var : null,
            weight, bias, useBatchStatistics, averagingFactor, eps);
    }

    protected override void ValidateInputDimensions(Tensor input)
    {
        bool expected = spatialRank == 1 ? input.dim() is 2 or 3 : input.dim() == spatialRank + 2;
        if (!expected)
            throw new ArgumentException(
                $"{GetName()} expects {(spatialRank == 1 ? "(N, C) or (N, C, L)" : "(N, C, H, W)")} input, got a tensor of shape ({string.Join(", ", input.shape)})", nameof(input));
    }
}
