using System.Diagnostics;
using MlDsl.Data;
using MlDsl.Data.Streaming;
using MlDsl.Distributed;
using MlDsl.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Training;

/// <summary>
/// The training loop behind every generated model's <c>Fit</c>, for class, multi-label and regression
/// labels alike (the <see cref="TrainingObjective"/> differs), from rows in memory or a lazy
/// <see cref="RowSource{TRow}"/>, on one rank or data-parallel over <see cref="FitOptions.Ranks"/>.
/// The gradient step lives here only (<see cref="Step"/>).
/// </summary>
public static class ModelTrainer
{
    public static FitReport Fit<TRow>(Module<Tensor, Tensor> model, IReadOnlyList<TRow> train, IReadOnlyList<TRow>? validation, FitOptions options)
        where TRow : ITensorRow<TRow>
    {
        options.Validate(TRow.ClassCount, TRow.LabelKind, validation is { Count: > 0 });
        Device device = options.Device ?? CPU;
        return WithThreads(options, () =>
        {
            model.to(device);
            using var data = new InMemoryData(TensorDataset.From(train, device));
            using var validationData = validation is { Count: > 0 } ? new InMemoryData(TensorDataset.From(validation, device)) : null;
            return Train<TRow>(model, data, validationData, options);
        });
    }

    /// <summary>
    /// Trains from a lazy source: rows are decoded on <see cref="StreamingOptions.Workers"/> threads while the
    /// previous batch trains, so memory holds a few batches, not the data. Each epoch reads the shards in a
    /// seeded order through a seeded shuffle buffer; a resumed run reads exactly what the uninterrupted run read.
    /// </summary>
    /// <exception cref="RowSourceException">A row cannot be decoded; the message names its file (and line).</exception>
    public static FitReport Fit<TRow>(Module<Tensor, Tensor> model, RowSource<TRow> train, RowSource<TRow>? validation, FitOptions options)
        where TRow : ITensorRow<TRow>
    {
        ArgumentNullException.ThrowIfNull(train);
        options.Validate(TRow.ClassCount, TRow.LabelKind, validation is { Count: > 0 });
        StreamingOptions streaming = options.Streaming ?? new StreamingOptions();
        streaming.Validate();
        Device device = options.Device ?? CPU;
        return WithThreads(options, () =>
        {
            model.to(device);
            using var data = new StreamedData<TRow>(train, streaming, device);
            using var validationData = validation is { Count: > 0 } ? new StreamedData<TRow>(validation, streaming, device) : null;
            return Train<TRow>(model, data, validationData, options);
        });
    }

    private static FitReport WithThreads(FitOptions options, Func<FitReport> train)
    {
        if (options.Threads <= 0) return train();
        // libtorch's thread count is process-wide: a Fit must not change it for everything after it.
        int threads = torch.get_num_threads();
        torch.set_num_threads(options.Threads);
        try
        {
            return train();
        }
        finally
        {
            torch.set_num_threads(threads);
        }
    }

    private static FitReport Train<TRow>(Module<Tensor, Tensor> model, ITrainingData data, ITrainingData? validationData, FitOptions options)
        where TRow : ITensorRow<TRow>
    {
        options = FitProgress.Attach(options);
        TrainingObjective objective = TrainingObjective.For(TRow.LabelKind, model);
        objective.Prepare(data.Targets);
        using TorchSharp.Modules.OptimizerHelper optimizer = OptimizerFactory.Create(options, model.parameters());
        using Tensor? classWeights = options.ClassWeights is { } weights ? tensor(weights.ToArray(), device: options.Device ?? CPU) : null;
        using var criterion = objective.Criterion(classWeights);
        DataParallelStep? parallel = options.Ranks is { } ranks ? new DataParallelStep(ranks, model) : null;
        if (parallel is null) return Train(model, data, validationData, options, objective, optimizer, criterion, null);
        try
        {
            FitReport report = Train(model, data, validationData, options, objective, optimizer, criterion, parallel);
            parallel.Finish();
            return report;
        }
        catch (Exception error) when (error is not RankFailedException)
        {
            // Not a rank's own problem only: the others are (or will be) waiting in a collective for this one.
            throw parallel.Fail(error);
        }
    }

    private static FitReport Train(Module<Tensor, Tensor> model, ITrainingData data, ITrainingData? validationData, FitOptions options,
        TrainingObjective objective, TorchSharp.Modules.OptimizerHelper optimizer, Loss<Tensor, Tensor, Tensor> criterion, DataParallelStep? parallel)
    {
        RequireBatchNormRows(model, data.Count, parallel?.Ranks.Size ?? 1);
        var run = new RunPlan(options, data.Count, parallel?.Ranks.Size ?? 1);
        var stopping = options.EarlyStoppingPatience is { } patience ? new EarlyStopping(patience) : null;
        bool writes = parallel is null || parallel.Ranks.Rank == 0;

        var reports = new List<EpochReport>(options.Epochs);
        // A file where the checkpoint folder goes is refused now, not at the first save after an epoch's work.
        if (writes && options.CheckpointDirectory is { } checkpoints) Checkpoint.CheckFolder(checkpoints);
        // Resuming never starts over while a complete checkpoint exists: Resume returns null only when none was ever completed.
        // Every rank reads the same checkpoint; the broadcast below then makes certain the weights agree.
        List<EpochReport>? restored = options.Resume ? ResumeInTurn(options.CheckpointDirectory!, model, optimizer, options, parallel) : null;
        if (restored is not null) reports.AddRange(restored);
        stopping?.Replay(reports);
        parallel?.BroadcastWeights();

        for (int epoch = reports.Count + 1; epoch <= options.Epochs && stopping?.Stopped != true; epoch++)
        {
            // Each epoch seeds its own randomness (dropout, augmentation, shuffling), so a run resumed
            // from a checkpoint replays exactly what the uninterrupted run would have.
            torch.manual_seed(options.Seed + epoch);
            if (parallel is not null) parallel.Position = $"epoch {epoch}";
            var clock = Stopwatch.StartNew();
            Evaluation trained = TrainEpoch(model, data, objective, criterion, optimizer, run, epoch, options, parallel);
            Evaluation? validationResult = validationData is null ? null : Evaluate(model, validationData, objective, criterion, options.BatchSize);
            var report = EpochReport.From(epoch, options.Epochs, trained, validationResult, clock.Elapsed, run.LearningRate(epoch, 0));
            reports.Add(report);
            if (writes) options.OnEpoch?.Invoke(report);
            stopping?.Observe(report, model);
            if (writes && options.CheckpointDirectory is { } directory) Checkpoint.Save(directory, model, optimizer, reports, options);
        }
        stopping?.RestoreBest(model);
        double baseline = objective.BaselineScore(data.Targets, (validationData ?? data).Targets);
        int? stoppedAt = stopping?.Stopped == true ? reports[^1].Epoch : null;
        int resumedAfter = restored?.Count ?? 0;
        return objective.ScoreIsError
            ? new FitReport(reports, double.NaN, stoppedAt, stopping?.BestEpoch) { BaselineMeanAbsoluteError = baseline, ResumedAfterEpoch = resumedAfter }
            : new FitReport(reports, baseline, stoppedAt, stopping?.BestEpoch) { ResumedAfterEpoch = resumedAfter };
    }

    // A checkpoint is read under its folder's lock, so ranks read it one after another (rank 0 first,
    // which also finishes or rolls back an interrupted save); a sum over the ranks is the turn's barrier.
    private static List<EpochReport>? ResumeInTurn(string directory, Module<Tensor, Tensor> model, TorchSharp.Modules.OptimizerHelper optimizer, FitOptions options, DataParallelStep? parallel)
    {
        if (parallel is null) return Checkpoint.Resume(directory, model, optimizer, options);
        List<EpochReport>? restored = null;
        for (int turn = 0; turn < parallel.Ranks.Size; turn++)
        {
            if (turn == parallel.Ranks.Rank) restored = Checkpoint.Resume(directory, model, optimizer, options);
            parallel.Sum(0);
        }
        return restored;
    }

    public static Evaluation Evaluate<TRow>(Module<Tensor, Tensor> model, IReadOnlyList<TRow> rows, int batchSize = 256, Device? device = null)
        where TRow : ITensorRow<TRow>
    {
        using var data = new InMemoryData(TensorDataset.From(rows, device ?? ParameterDevice(model)));
        return Evaluate<TRow>(model, data, batchSize);
    }

    /// <summary>Loss and score over a lazy source, decoded in row order by <paramref name="streaming"/>'s workers.</summary>
    /// <exception cref="RowSourceException">A row cannot be decoded; the message names its file (and line).</exception>
    public static Evaluation Evaluate<TRow>(Module<Tensor, Tensor> model, RowSource<TRow> rows, int batchSize = 256, StreamingOptions? streaming = null)
        where TRow : ITensorRow<TRow>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        streaming ??= new StreamingOptions();
        streaming.Validate();
        using var data = new StreamedData<TRow>(rows, streaming, ParameterDevice(model));
        return Evaluate<TRow>(model, data, batchSize);
    }

    private static Evaluation Evaluate<TRow>(Module<Tensor, Tensor> model, ITrainingData data, int batchSize) where TRow : ITensorRow<TRow>
    {
        TrainingObjective objective = TrainingObjective.For(TRow.LabelKind, model);
        using var criterion = objective.Criterion(null);
        return Evaluate(model, data, objective, criterion, batchSize);
    }

    private static Evaluation TrainEpoch(
        Module<Tensor, Tensor> model, ITrainingData data, TrainingObjective objective, Loss<Tensor, Tensor, Tensor> criterion,
        optim.Optimizer optimizer, RunPlan run, int epoch, FitOptions options, DataParallelStep? parallel)
    {
        model.train();
        Device device = options.Device ?? CPU;
        // Running sums stay on the device: the host reads them once per epoch, not once per step.
        using var lossSum = zeros(1, dtype: float64, device: device);
        using var scoreSum = zeros(1, dtype: float64, device: device);
        using Scalar noStep = HeldScalars.Of(-1L);
        using var firstBadStep = full(1, noStep, dtype: int64, device: device);

        long step = 0, rows = 0;
        // The step about to be read: a rank whose next batch fails to decode names the step the others are in.
        if (parallel is not null) parallel.Position = $"epoch {epoch}, step 1 of {run.StepsPerEpoch}";
        foreach (StepBatch batch in data.Epoch(epoch, options.Seed, run.BatchSize, parallel?.Ranks.Rank ?? 0, parallel?.Ranks.Size ?? 1))
        {
            using var scope = NewDisposeScope();
            using (batch)
            {
                run.SetLearningRate(optimizer, epoch, step);
                (Tensor Loss, Tensor Outputs)? stepped = Step(model, batch, objective, criterion, optimizer, run, parallel);
                if (stepped is var (loss, outputs))
                {
                    using (no_grad())
                    {
                        using (Scalar rowsInBatch = HeldScalars.Of(batch.Size))
                            lossSum.add_(loss.detach().to(float64), alpha: rowsInBatch);
                        // The scores are of the weights before this step, as in any running training metric.
                        scoreSum.add_(objective.ScoreSum(outputs, batch.Targets), alpha: HeldScalars.One);
                        // Remember the first step whose loss was not finite, without reading it back every step.
                        Tensor bad = loss.detach().isfinite().logical_not().logical_and(firstBadStep.lt(HeldScalars.Zero));
                        firstBadStep.copy_(where(bad, tensor(step, device: device), firstBadStep));
                    }
                }
                rows += batch.GlobalSize;
                // Reading the loss back synchronises with the device, so only when someone is watching.
                if (options.OnBatch is { } onBatch && (parallel is null || parallel.Ranks.Rank == 0))
                    onBatch(new BatchProgress(epoch, step + 1, run.StepsPerEpoch, rows, stepped?.Loss.item<float>() ?? float.NaN));
                step++;
                if (parallel is not null) parallel.Position = $"epoch {epoch}, step {step + 1} of {run.StepsPerEpoch}";
            }
        }
        if (firstBadStep.item<long>() is var badStep and >= 0)
            throw new TrainingDivergedException(epoch, badStep, NonFiniteLayers(model));
        // Each rank summed its own rows; the epoch's numbers are over all of them.
        double[] sums = [lossSum.item<double>(), scoreSum.item<double>()];
        if (parallel is not null) parallel.Position = $"the end of epoch {epoch}";
        parallel?.Sum(sums);
        return objective.Evaluation(sums[0] / data.Count, sums[1] / data.Count, (int)data.Count);
    }

    /// <summary>
    /// The gradient step, the one place it is taken: forward, loss, backward, the ranks' gradients
    /// averaged (data-parallel), clipping, the optimizer. Returns the loss and the outputs, or null when this rank's share of the batch was empty.
    /// </summary>
    private static (Tensor Loss, Tensor Outputs)? Step(Module<Tensor, Tensor> model, StepBatch batch, TrainingObjective objective, Loss<Tensor, Tensor, Tensor> criterion,
        optim.Optimizer optimizer, RunPlan run, DataParallelStep? parallel)
    {
        optimizer.zero_grad();
        (Tensor Loss, Tensor Outputs)? result = null;
        if (batch.Size > 0)
        {
            Tensor outputs = model.forward(batch.Inputs);
            Tensor loss = objective.Loss(criterion, outputs, batch.Targets);
            loss.backward();
            result = (loss, outputs);
        }
        else
        {
            // A rank with no rows this step still joins the allreduce, with zero gradients.
            Tensor nothing = model.parameters().Select(parameter => parameter.sum()).Aggregate((sum, next) => sum.add(next, alpha: HeldScalars.One)).mul(HeldScalars.Zero);
            nothing.backward();
        }
        parallel?.AverageGradients(batch.Size, batch.GlobalSize);
        if (run.ClipNorm is { } clip) nn.utils.clip_grad_norm_(model.parameters(), clip);
        optimizer.step();
        return result;
    }

    // Training batches keep at least two rows per rank (BatchBounds folds a trailing single row into the batch
    // before it); only a training split smaller than that still reaches BatchNorm with one value per channel,
    // where libtorch returns zeros and a NaN running variance instead of failing.
    private static void RequireBatchNormRows(Module<Tensor, Tensor> model, long rows, int ranks)
    {
        if (rows >= 2 * ranks) return;
        string? layer = model.named_modules()
            .FirstOrDefault(pair => pair.module is TorchSharp.Modules.BatchNorm).name;
        if (layer is not null)
            throw new ArgumentException(
                $"Fit: the training rows number {rows} over {ranks} rank(s), but BatchNorm layer '{layer}' needs at least 2 rows per rank in a training batch to compute a variance; train on more rows or remove the BatchNorm.", "rows");
    }

    private static IReadOnlyList<string> NonFiniteLayers(Module<Tensor, Tensor> model)
    {
        using var scope = NewDisposeScope();
        return model.named_parameters().Where(pair => !pair.parameter.isfinite().all().item<bool>()).Select(pair => pair.name).ToArray();
    }

    private static Evaluation Evaluate(Module<Tensor, Tensor> model, ITrainingData data, TrainingObjective objective, Loss<Tensor, Tensor, Tensor> criterion, int batchSize)
    {
        model.eval();
        double lossSum = 0, scoreSum = 0;
        using (inference_mode())
        {
            foreach (StepBatch batch in data.InOrder(batchSize))
            {
                using var step = NewDisposeScope();
                using (batch)
                {
                    Tensor logits = model.forward(batch.Inputs);
                    lossSum += objective.Loss(criterion, logits, batch.Targets).item<float>() * batch.Size;
                    scoreSum += objective.ScoreSum(logits, batch.Targets).to(float64).item<double>();
                }
            }
        }
        return objective.Evaluation(lossSum / data.Count, scoreSum / data.Count, (int)data.Count);
    }

    internal static Device ParameterDevice(Module<Tensor, Tensor> model) =>
        model.parameters().FirstOrDefault()?.device ?? CPU;
}
