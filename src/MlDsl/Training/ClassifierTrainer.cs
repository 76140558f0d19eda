using System.Diagnostics;
using MlDsl.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Training;

/// <summary>
/// The training loop behind every generated classifier's <c>Fit</c>. The gradient step lives here
/// only, so data-parallel training can later slot in at one place.
/// </summary>
public static class ClassifierTrainer
{
    public static FitReport Fit<TRow>(Module<Tensor, Tensor> model, IReadOnlyList<TRow> train, IReadOnlyList<TRow>? validation, FitOptions options)
        where TRow : ITensorRow<TRow>
    {
        options.Validate();
        if (options.Threads > 0) torch.set_num_threads(options.Threads);
        torch.manual_seed(options.Seed);
        Device device = options.Device ?? CPU;
        model.to(device);

        using var data = TensorDataset.From(train, device);
        using var validationData = validation is { Count: > 0 } ? TensorDataset.From(validation, device) : null;
        using optim.Optimizer optimizer = OptimizerFactory.Create(options, model.parameters());
        using var criterion = CrossEntropyLoss();
        using var shuffling = new Generator(unchecked((ulong)options.Seed));

        var reports = new List<EpochReport>(options.Epochs);
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            (double loss, double accuracy) = TrainEpoch(model, data, criterion, optimizer, shuffling, options.BatchSize);
            Evaluation? validationResult = validationData is null ? null : Evaluate(model, validationData, criterion, options.BatchSize);
            var report = new EpochReport(epoch, options.Epochs, loss, accuracy, validationResult, clock.Elapsed);
            reports.Add(report);
            options.OnEpoch?.Invoke(report);
        }
        return new FitReport(reports);
    }

    public static Evaluation Evaluate<TRow>(Module<Tensor, Tensor> model, IReadOnlyList<TRow> rows, int batchSize = 256, Device? device = null)
        where TRow : ITensorRow<TRow>
    {
        using var data = TensorDataset.From(rows, device ?? ParameterDevice(model));
        using var criterion = CrossEntropyLoss();
        return Evaluate(model, data, criterion, batchSize);
    }

    private static (double Loss, double Accuracy) TrainEpoch(
        Module<Tensor, Tensor> model, TensorDataset data, Loss<Tensor, Tensor, Tensor> criterion,
        optim.Optimizer optimizer, Generator shuffling, int batchSize)
    {
        model.train();
        long count = data.Count;
        Device device = data.Features.device;
        // Running sums stay on the device: the host reads them once per epoch, not once per step.
        using var lossSum = zeros(1, dtype: float64, device: device);
        using var correct = zeros(1, dtype: int64, device: device);
        using var order = ShuffledOrder(count, shuffling, device);

        for (long start = 0; start < count; start += batchSize)
        {
            using var step = NewDisposeScope();
            long size = Math.Min(batchSize, count - start);
            Tensor indices = order.narrow(0, start, size);
            Tensor inputs = data.Features.index_select(0, indices);
            Tensor targets = data.Labels.index_select(0, indices);

            optimizer.zero_grad();
            Tensor logits = model.forward(inputs);
            Tensor loss = criterion.forward(logits, targets);
            loss.backward();
            optimizer.step();

            using (no_grad())
            {
                lossSum.add_(loss.detach().to(float64) * size);
                correct.add_(logits.argmax(1).eq(targets).sum());
            }
        }
        return (lossSum.item<double>() / count, (double)correct.item<long>() / count);
    }

    private static Evaluation Evaluate(Module<Tensor, Tensor> model, TensorDataset data, Loss<Tensor, Tensor, Tensor> criterion, int batchSize)
    {
        model.eval();
        long count = data.Count;
        double lossSum = 0;
        long correct = 0;
        using (inference_mode())
        {
            for (long start = 0; start < count; start += batchSize)
            {
                using var step = NewDisposeScope();
                long size = Math.Min(batchSize, count - start);
                Tensor logits = model.forward(data.Features.narrow(0, start, size));
                Tensor targets = data.Labels.narrow(0, start, size);
                lossSum += criterion.forward(logits, targets).item<float>() * size;
                correct += logits.argmax(1).eq(targets).sum().item<long>();
            }
        }
        return new Evaluation(lossSum / count, (double)correct / count, (int)count);
    }

    // randperm draws on the CPU generator; a device copy replaces (and disposes) the CPU order.
    private static Tensor ShuffledOrder(long count, Generator shuffling, Device device)
    {
        Tensor order = randperm(count, generator: shuffling);
        if (device.type == DeviceType.CPU) return order;
        using (order) return order.to(device);
    }

    internal static Device ParameterDevice(Module<Tensor, Tensor> model) =>
        model.parameters().FirstOrDefault()?.device ?? CPU;
}
