using MlDsl.Data;
using MlDsl.Data.Streaming;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Training;

/// <summary>A whole split collated once into two tensors; each step gathers its batch by index.</summary>
internal sealed class InMemoryData(TensorDataset data) : ITrainingData
{
    public long Count => data.Count;
    public Tensor Targets => data.Labels;

    public IEnumerable<StepBatch> Epoch(int epoch, long seed, int batchSize, int rank, int ranks)
    {
        // randperm draws on the CPU generator; a device copy replaces the CPU order.
        using var shuffling = new Generator(unchecked((ulong)(seed + epoch)));
        using Tensor order = ShuffledOrder(shuffling);
        foreach ((int start, int size) in BatchBounds.Training((int)Count, batchSize, ranks))
        {
            long from = (long)rank * size / ranks, to = (rank + 1) * size / ranks;
            using Tensor indices = order.narrow(0, start + from, to - from);
            yield return new StepBatch(data.Features.index_select(0, indices), data.Labels.index_select(0, indices), to - from, size);
        }
    }

    private Tensor ShuffledOrder(Generator shuffling)
    {
        Tensor order = randperm(Count, generator: shuffling);
        Device device = data.Features.device;
        if (device.type == DeviceType.CPU) return order;
        using (order) return order.to(device);
    }

    public IEnumerable<StepBatch> InOrder(int batchSize)
    {
        for (long start = 0; start < Count; start += batchSize)
        {
            long size = Math.Min(batchSize, Count - start);
            yield return new StepBatch(data.Features.narrow(0, start, size), data.Labels.narrow(0, start, size), size, size);
        }
    }

    public void Dispose() => data.Dispose();
}
