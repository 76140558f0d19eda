using MlDsl.Data;
using MlDsl.Training;
using TorchSharp;
using OptimizerHelper = TorchSharp.Modules.OptimizerHelper;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Doctor;

/// <summary>
/// What every check shares: the rows collated once on the device, fresh seeded models from the
/// factory, the objective of the label kind, and single training steps that refuse, before libtorch
/// could abort, a loss no parameter can move.
/// </summary>
internal sealed class DoctorSession : IDisposable
{
    private readonly Func<long, Module<Tensor, Tensor>> create;

    public DoctorSession(Func<long, Module<Tensor, Tensor>> create, TensorDataset data, LabelKind kind, int outputs, DoctorOptions options)
    {
        this.create = create;
        Data = data;
        Kind = kind;
        Outputs = outputs;
        Options = options;
    }

    public TensorDataset Data { get; }
    public LabelKind Kind { get; }
    /// <summary>Classes, labels, or 1 for regression.</summary>
    public int Outputs { get; }
    public DoctorOptions Options { get; }
    public FitOptions Training => Options.Training;
    public Device Device => Data.Features.device;
    public long Count => Data.Count;

    /// <summary>A fresh model from the factory, seeded with the training seed plus <paramref name="salt"/>, on the rows' device.</summary>
    public Module<Tensor, Tensor> NewModel(int salt = 0)
    {
        long seed = Training.Seed + salt;
        torch.manual_seed(seed);
        Module<Tensor, Tensor> model = create(seed);
        model.to(Device);
        return model;
    }

    /// <summary>The model's objective, prepared on every row's targets (a regression model's target scale is fitted once).</summary>
    public TrainingObjective Objective(Module<Tensor, Tensor> model)
    {
        TrainingObjective objective = TrainingObjective.For(Kind, model);
        objective.Prepare(Data.Labels);
        return objective;
    }

    public OptimizerHelper Optimizer(Module<Tensor, Tensor> model, double? learningRate = null) =>
        OptimizerFactory.Create(Training with { LearningRate = learningRate ?? Training.LearningRate }, model.parameters().Where(parameter => parameter.requires_grad));

    /// <summary>A seeded permutation of the row indices (on the rows' device).</summary>
    public Tensor Shuffled(int salt)
    {
        using var generator = new Generator(unchecked((ulong)(Training.Seed + 7919 * salt)));
        Tensor order = randperm(Count, generator: generator);
        if (Device.type == DeviceType.CPU) return order;
        using (order) return order.to(Device);
    }

    /// <summary>
    /// One training step on the batch; returns the batch's loss before the step.
    /// </summary>
    /// <exception cref="LossWithoutGradientException">No trainable parameter reaches the loss (all frozen, or the output detached).</exception>
    public double Step(Module<Tensor, Tensor> model, TrainingObjective objective, Loss<Tensor, Tensor, Tensor> criterion, optim.Optimizer optimizer,
        Tensor inputs, Tensor targets)
    {
        using var scope = NewDisposeScope();
        model.train();
        optimizer.zero_grad();
        Tensor loss = objective.Loss(criterion, model.forward(inputs), targets);
        // backward() of a loss that needs no gradient is a libtorch error, which aborts the process here.
        if (!loss.requires_grad) throw new LossWithoutGradientException(Trainable(model));
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    /// <summary>The mean loss of the rows at <paramref name="indices"/>, in eval mode and without gradients.</summary>
    public double MeanLoss(Module<Tensor, Tensor> model, TrainingObjective objective, Loss<Tensor, Tensor, Tensor> criterion, Tensor indices,
        Func<Tensor, Tensor>? inputs = null)
    {
        model.eval();
        double sum = 0;
        long count = indices.shape[0];
        using (inference_mode())
        {
            for (long start = 0; start < count; start += 256)
            {
                using var scope = NewDisposeScope();
                long size = Math.Min(256, count - start);
                Tensor batch = indices.narrow(0, start, size);
                Tensor features = Data.Features.index_select(0, batch);
                sum += objective.Loss(criterion, model.forward(inputs?.Invoke(features) ?? features), Data.Labels.index_select(0, batch)).item<float>() * size;
            }
        }
        return sum / count;
    }

    /// <summary>The names of the parameters that can train.</summary>
    public static string[] Trainable(Module<Tensor, Tensor> model) =>
        model.named_parameters().Where(pair => pair.parameter.requires_grad).Select(pair => pair.name).ToArray();

    public void Dispose() => Data.Dispose();
}

/// <summary>The loss does not depend on any trainable parameter, so there is nothing to train.</summary>
internal sealed class LossWithoutGradientException(IReadOnlyList<string> trainable)
    : InvalidOperationException(trainable.Count == 0 ? "every parameter is frozen" : "the model's output is detached from its parameters")
{
    /// <summary>The parameters that would train if the gradient reached them.</summary>
    public IReadOnlyList<string> Trainable { get; } = trainable;

    /// <summary>What a person should do about it.</summary>
    public string Advice => Trainable.Count == 0
        ? "every parameter is frozen (requires_grad is false): nothing can learn; unfreeze at least the layers you mean to train"
        : "the loss does not depend on any parameter: the output is detached (a detach(), no_grad or inference_mode inside forward); remove it";
}
