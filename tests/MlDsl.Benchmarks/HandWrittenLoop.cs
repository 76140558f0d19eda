using MlDsl.Examples.Mnist;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Benchmarks;

/// <summary>
/// An idiomatic hand-written TorchSharp epoch over typed rows: shuffle the rows, build each batch's
/// tensors from arrays, step, and read the loss for reporting.
/// </summary>
internal static class HandWrittenLoop
{
    public static double TrainEpoch(Module<Tensor, Tensor> model, optim.Optimizer optimizer, IReadOnlyList<Digit> rows, int batchSize, Random random)
    {
        using var criterion = CrossEntropyLoss();
        model.train();
        Digit[] order = rows.ToArray();
        random.Shuffle(order);
        double lossSum = 0;
        for (int start = 0; start < order.Length; start += batchSize)
        {
            using var scope = NewDisposeScope();
            Digit[] batch = order[start..Math.Min(start + batchSize, order.Length)];
            Tensor inputs = tensor(batch.SelectMany(row => row.Pixels).ToArray(), new long[] { batch.Length, 1, 28, 28 });
            Tensor targets = tensor(batch.Select(row => (long)row.Value).ToArray());

            optimizer.zero_grad();
            Tensor loss = criterion.forward(model.forward(inputs), targets);
            loss.backward();
            optimizer.step();
            lossSum += loss.item<float>() * batch.Length;
        }
        return lossSum / order.Length;
    }

    public static void Step(Module<Tensor, Tensor> model, optim.Optimizer optimizer, Loss<Tensor, Tensor, Tensor> criterion, Tensor inputs, Tensor targets)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        Tensor loss = criterion.forward(model.forward(inputs), targets);
        loss.backward();
        optimizer.step();
    }
}
