using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Distributed;

/// <summary>
/// What data-parallel training adds to a step, Horovod-style: the same initial weights on every rank
/// (rank 0's, broadcast), and after each backward pass every gradient replaced by the global batch's
/// mean gradient, with one allreduce over a flat buffer. A rank's gradient is the mean over its own
/// rows, so it is weighted by its row count before summing: a short last batch split unevenly still
/// gives exactly the one-rank gradient.
/// A rank that fails must not leave the others waiting in a collective forever: every collective is
/// preceded by a small status allreduce (one slot per rank), and a rank that fails joins the next one
/// with its slot set (<see cref="Fail"/>), sends its error's text, and every rank throws
/// <see cref="RankFailedException"/> naming it. A rank that dies outright (killed, crashed) is
/// handled by MPICH's launcher, which stops the others.
/// </summary>
internal sealed class DataParallelStep(IRankGroup ranks, nn.Module model)
{
    private readonly TorchSharp.Modules.Parameter[] parameters = model.parameters().ToArray();

    private const int MessageLength = 400;

    public IRankGroup Ranks => ranks;

    /// <summary>Where the loop is (e.g. "epoch 2, step 17"), for the failure message.</summary>
    public string Position { get; set; } = "the start of training";

    /// <summary>Copies rank 0's parameters and buffers (e.g. batch-norm statistics) to every rank.</summary>
    public void BroadcastWeights()
    {
        using var scope = NewDisposeScope();
        Tensor[] state = model.state_dict().Values.Where(value => value.dtype == ScalarType.Float32).ToArray();
        using (no_grad())
        {
            float[] flat = Flatten(state);
            Check();
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
            for (int p = 0; p < parameters.Length; p++)
                if (parameters[p].grad is null) throw new InvalidOperationException($"parameter {p} has no gradient after backward; every rank must step every parameter");
            Tensor[] gradients = parameters.Select(parameter => parameter.grad!).ToArray();
            float[] flat = Flatten(gradients);
            float weight = (float)localRows;
            for (int i = 0; i < flat.Length; i++) flat[i] *= weight;
            Check();
            ranks.SumInPlace(flat);
            float scale = 1f / globalRows;
            for (int i = 0; i < flat.Length; i++) flat[i] *= scale;
            Scatter(flat, parameters.Select(parameter => parameter.grad!).ToArray());
        }
    }

    /// <summary>Sums running totals (loss, score, rows...) over the ranks.</summary>
    public double[] Sum(params double[] values)
    {
        Check();
        ranks.SumInPlace(values);
        return values;
    }

    /// <summary>The last status exchange of a run: a rank that failed after the last collective is still heard.</summary>
    public void Finish() => Check();

    /// <summary>
    /// Tells the other ranks that this one failed with <paramref name="error"/>, at their next collective,
    /// and returns the exception to throw here. Call it in place of any further collective.
    /// </summary>
    public RankFailedException Fail(Exception error)
    {
        var status = new double[ranks.Size];
        status[ranks.Rank] = 1;
        ranks.SumInPlace(status);
        return Failure(status, $"{error.GetType().Name}: {error.Message}", error);
    }

    // Every rank calls this before each collective, so a failed rank's Fail meets it wherever the others are.
    private void Check()
    {
        var status = new double[ranks.Size];
        ranks.SumInPlace(status);
        if (status.Any(slot => slot != 0)) throw Failure(status, null, null);
    }

    // The lowest failed rank sends its error's text (characters as floats, summed with the others' zeros).
    private RankFailedException Failure(double[] status, string? ownError, Exception? inner)
    {
        int failed = Array.FindIndex(status, slot => slot != 0);
        var text = new float[MessageLength];
        if (failed == ranks.Rank)
            for (int i = 0; i < Math.Min(MessageLength, ownError!.Length); i++) text[i] = ownError[i];
        ranks.SumInPlace(text);
        string error = new(text.TakeWhile(character => character != 0).Select(character => (char)character).ToArray());
        return new RankFailedException(failed, ranks.Rank, ranks.Size, Position, error, failed == ranks.Rank ? inner : null);
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
