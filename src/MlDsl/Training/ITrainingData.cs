using static TorchSharp.torch;

namespace MlDsl.Training;

/// <summary>The rows a training loop steps through: collated once in memory, or streamed from a lazy source.</summary>
internal interface ITrainingData : IDisposable
{
    /// <summary>Rows over all ranks.</summary>
    long Count { get; }

    /// <summary>All rows' targets (class indices, or targets), for a regression scale and the baseline score.</summary>
    Tensor Targets { get; }

    /// <summary>The epoch's batches, in a seeded order; on rank <paramref name="rank"/> of <paramref name="ranks"/> only its slice of each.</summary>
    IEnumerable<StepBatch> Epoch(int epoch, long seed, int batchSize, int rank, int ranks);

    /// <summary>The batches in row order, unshuffled, for evaluation.</summary>
    IEnumerable<StepBatch> InOrder(int batchSize);
}
