using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Distributed;

/// <summary>
/// What data-parallel training adds to a step, Horovod-style: the same initial weights on every rank
/// (rank 0's, broadcast), and after each backward pass every gradient replaced by the global batch's
/// mean gradient, with one allreduce over a flat buffer. A rank's gradient is the mean over its own
/// rows, so it is weighted by its row count before summing: a short last batch split unevenly still
/// gives exactly the one-rank gradient.
/// </summary>
internal sealed class DataParallelStep(IRankGroup ranks, nn.Module model)
{
    private readonly TorchSharp.Modules.Parameter[] parameters = model.parameters().ToArray();

    public IRankGroup Ranks => ranks;

    /// <summary>Copies rank 0's parameters and buffers (e.g. batch-norm statistics) to every rank.</summary>
    public void BroadcastWeights()
    {
        using var scope = NewDisposeScope();
        Tensor[] state = model.state_dict().Values.Where(value => value.dtype == ScalarType.Float32).ToArray();
        using (no_grad())
        {
            float[] flat = Flatten(state);
            ranks.Broadcast(flat);
            Scatter(flat, state);
        }
    }

    /// <summary>Replaces each parameter's gradient with the global batch's mean gradient.</summary>
    /// <param name="localRows">Rows this rank stepped on (its gradient is their mean); 0 when its share was empty (its gradient is then zero).</param>
    /// <param name="globalRows">Rows of the step over all ranks.</param>
    public void AverageGradients(long localRows, long globalRows)
    {
        using var scope = NewDisposeScope();
        using (no_grad())
        {
            Tensor[] gradients = parameters.Select(parameter => parameter.grad ?? zeros_like(parameter)).ToArray();
            float[] flat = Flatten(gradients);
            float weight = (float)localRows;
            for (int i = 0; i < flat.Length; i++) flat[i] *= weight;
            ranks.SumInPlace(flat);
            float scale = 1f / globalRows;
            for (int i = 0; i < flat.Length; i++) flat[i] *= scale;
            for (int p = 0; p < parameters.Length; p++)
                if (parameters[p].grad is null) throw new InvalidOperationException($"parameter {p} has no gradient after backward; every rank must step every parameter");
            Scatter(flat, parameters.Select(parameter => parameter.grad!).ToArray());
        }
    }

    /// <summary>Sums running totals (loss, score, rows...) over the ranks.</summary>
    public double[] Sum(params double[] values)
    {
        ranks.SumInPlace(values);
        return values;
    }

    private static float[] Flatten(Tensor[] tensors)
    {
        using Tensor flat = cat(tensors.Select(tensor => tensor.detach().cpu().reshape(-1)).ToArray(), 0);
        return flat.data<float>().ToArray();
    }

    private static void Scatter(float[] flat, Tensor[] targets)
    {
        using Tensor source = tensor(flat);
        long offset = 0;
        foreach (Tensor target in targets)
        {
            long count = target.numel();
            target.copy_(source.narrow(0, offset, count).view(target.shape));
            offset += count;
        }
    }
}
