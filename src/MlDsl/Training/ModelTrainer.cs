using System.Diagnostics;
using MlDsl.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Training;

/// <summary>
/// The training loop behind every generated model's <c>Fit</c>, for class, multi-label and regression
/// labels alike (the <see cref="TrainingObjective"/> differs). The gradient step lives here only, so
/// data-parallel training can later slot in at one place.
/// </summary>
public static class ModelTrainer
{
    public static FitReport Fit<TRow>(Module<Tensor, Tensor> model, IReadOnlyList<TRow> train, IReadOnlyList<TRow>? validation, FitOptions options)
        where TRow : ITensorRow<TRow>
    {
        options.Validate(TRow.ClassCount, TRow.LabelKind, validation is { Count: > 0 });
        if (options.Threads <= 0) return Train(model, train, validation, options);
        // libtorch's thread count is process-wide: a Fit must not change it for everything after it.
        int threads = torch.get_num_threads();
        torch.set_num_threads(options.Threads);
        try
        {
            return Train(model, train, validation, options);
        }
        finally
        {
            torch.set_num_threads(threads);
        }
    }

    private static FitReport Train<TRow>(Module<Tensor, Tensor> model, IReadOnlyList<TRow> train, IReadOnlyList<TRow>? validation, FitOptions options)
        where TRow : ITensorRow<TRow>
    {
        TrainingObjective objective = TrainingObjective.For(TRow.LabelKind, model);
        Device device = options.Device ?? CPU;
        model.to(device);

        using var data = TensorDataset.From(train, device);
        using var validationData = validation is { Count: > 0 } ? TensorDataset.From(validation, device) : null;
        objective.Prepare(data.Labels);
        using TorchSharp.Modules.OptimizerHelper optimizer = OptimizerFactory.Create(options, model.parameters());
        using Tensor? classWeights = options.ClassWeights is { } weights ? tensor(weights.ToArray(), device: device) : null;
        using var criterion = objective.Criterion(classWeights);
        var run = new RunPlan(options, data.Count);
        var stopping = options.EarlyStoppingPatience is { } patience ? new EarlyStopping(patience) : null;

        var reports = new List<EpochReport>(options.Epochs);
        // Resuming never starts over while a complete checkpoint exists: Resume returns null only when none was ever completed.
        List<EpochReport>? restored = options.Resume ? Checkpoint.Resume(options.CheckpointDirectory!, model, optimizer) : null;
        if (restored is not null) reports.AddRange(restored);
        stopping?.Replay(reports);

        for (int epoch = reports.Count + 1; epoch <= options.Epochs && stopping?.Stopped != true; epoch++)
        {
            // Each epoch seeds its own randomness (dropout, augmentation, shuffling), so a run resumed
            // from a checkpoint replays exactly what the uninterrupted run would have.
            torch.manual_seed(options.Seed + epoch);
            using var shuffling = new Generator(unchecked((ulong)(options.Seed + epoch)));
            var clock = Stopwatch.StartNew();
            Evaluation trained = TrainEpoch(model, data, objective, criterion, optimizer, shuffling, run, epoch, options.OnBatch);
            Evaluation? validationResult = validationData is null ? null : Evaluate(model, validationData, objective, criterion, options.BatchSize);
            var report = EpochReport.From(epoch, options.Epochs, trained, validationResult, clock.Elapsed, run.LearningRate(epoch, 0));
            reports.Add(report);
            options.OnEpoch?.Invoke(report);
            stopping?.Observe(report, model);
            if (options.CheckpointDirectory is { } directory) Checkpoint.Save(directory, model, optimizer, reports);
        }
        stopping?.RestoreBest(model);
        double baseline = objective.BaselineScore(data.Labels, (validationData ?? data).Labels);
        int? stoppedAt = stopping?.Stopped == true ? reports[^1].Epoch : null;
        int resumedAfter = restored?.Count ?? 0;
        return objective.ScoreIsError
            ? new FitReport(reports, double.NaN, stoppedAt, stopping?.BestEpoch) { BaselineMeanAbsoluteError = baseline, ResumedAfterEpoch = resumedAfter }
            : new FitReport(reports, baseline, stoppedAt, stopping?.BestEpoch) { ResumedAfterEpoch = resumedAfter };
    }

    public static Evaluation Evaluate<TRow>(Module<Tensor, Tensor> model, IReadOnlyList<TRow> rows, int batchSize = 256, Device? device = null)
        where TRow : ITensorRow<TRow>
    {
        using var data = TensorDataset.From(rows, device ?? ParameterDevice(model));
        TrainingObjective objective = TrainingObjective.For(TRow.LabelKind, model);
        using var criterion = objective.Criterion(null);
        return Evaluate(model, data, objective, criterion, batchSize);
    }

    private static Evaluation TrainEpoch(
        Module<Tensor, Tensor> model, TensorDataset data, TrainingObjective objective, Loss<Tensor, Tensor, Tensor> criterion,
        optim.Optimizer optimizer, Generator shuffling, RunPlan run, int epoch, Action<BatchProgress>? onBatch)
    {
        model.train();
        long count = data.Count;
        Device device = data.Features.device;
        // Running sums stay on the device: the host reads them once per epoch, not once per step.
        using var lossSum = zeros(1, dtype: float64, device: device);
        using var scoreSum = zeros(1, dtype: float64, device: device);
        using var firstBadStep = full(1, -1L, dtype: int64, device: device);
        using var order = ShuffledOrder(count, shuffling, device);

        long step = 0;
        for (long start = 0; start < count; start += run.BatchSize, step++)
        {
            using var scope = NewDisposeScope();
            long size = Math.Min(run.BatchSize, count - start);
            Tensor indices = order.narrow(0, start, size);
            Tensor inputs = data.Features.index_select(0, indices);
            Tensor targets = data.Labels.index_select(0, indices);

            run.SetLearningRate(optimizer, epoch, step);
            optimizer.zero_grad();
            Tensor logits = model.forward(inputs);
            Tensor loss = objective.Loss(criterion, logits, targets);
            loss.backward();
            if (run.ClipNorm is { } clip) nn.utils.clip_grad_norm_(model.parameters(), clip);
            optimizer.step();

            using (no_grad())
            {
                lossSum.add_(loss.detach().to(float64) * size);
                scoreSum.add_(objective.ScoreSum(logits, targets));
                // Remember the first step whose loss was not finite, without reading it back every step.
                Tensor bad = loss.detach().isfinite().logical_not().logical_and(firstBadStep.lt(0));
                firstBadStep.copy_(where(bad, tensor(step, device: device), firstBadStep));
            }
            // Reading the loss back synchronises with the device, so only when someone is watching.
            onBatch?.Invoke(new BatchProgress(epoch, step + 1, run.StepsPerEpoch, start + size, loss.item<float>()));
        }
        if (firstBadStep.item<long>() is var badStep and >= 0)
            throw new TrainingDivergedException(epoch, badStep, NonFiniteLayers(model));
        return objective.Evaluation(lossSum.item<double>() / count, scoreSum.item<double>() / count, (int)count);
    }

    private static IReadOnlyList<string> NonFiniteLayers(Module<Tensor, Tensor> model)
    {
        using var scope = NewDisposeScope();
        return model.named_parameters().Where(pair => !pair.parameter.isfinite().all().item<bool>()).Select(pair => pair.name).ToArray();
    }

    private static Evaluation Evaluate(Module<Tensor, Tensor> model, TensorDataset data, TrainingObjective objective, Loss<Tensor, Tensor, Tensor> criterion, int batchSize)
    {
        model.eval();
        long count = data.Count;
        double lossSum = 0, scoreSum = 0;
        using (inference_mode())
        {
            for (long start = 0; start < count; start += batchSize)
            {
                using var step = NewDisposeScope();
                long size = Math.Min(batchSize, count - start);
                Tensor logits = model.forward(data.Features.narrow(0, start, size));
                Tensor targets = data.Labels.narrow(0, start, size);
                lossSum += objective.Loss(criterion, logits, targets).item<float>() * size;
                scoreSum += objective.ScoreSum(logits, targets).to(float64).item<double>();
            }
        }
        return objective.Evaluation(lossSum / count, scoreSum / count, (int)count);
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
