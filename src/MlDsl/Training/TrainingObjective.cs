using MlDsl.Data;
using MlDsl.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Training;

/// <summary>
/// What training minimises and how it is scored, chosen by the dataset's <see cref="LabelKind"/>:
/// cross-entropy and accuracy for classes, binary cross-entropy per label and label-wise accuracy
/// for multi-label sets, mean squared error and mean absolute error for regression.
/// </summary>
internal abstract class TrainingObjective
{
    /// <param name="kind">The dataset's label kind.</param>
    /// <param name="model">The model; a regression model's <see cref="TargetScaling"/> standardizes targets for the loss.</param>
    public static TrainingObjective For(LabelKind kind, Module<Tensor, Tensor> model) => kind switch
    {
        LabelKind.Class => new SingleClass(),
        LabelKind.MultiLabel => new MultiLabel(),
        LabelKind.Regression => new Regression((model as ITargetScaled)?.TargetScaling),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown label kind"),
    };

    /// <summary>Whether the score is an error (lower is better, MAE) rather than an accuracy.</summary>
    public abstract bool ScoreIsError { get; }

    public abstract Loss<Tensor, Tensor, Tensor> Criterion(Tensor? classWeights);

    /// <summary>The batch's loss: the criterion on the outputs and the targets (standardized, for regression).</summary>
    public virtual Tensor Loss(Loss<Tensor, Tensor, Tensor> criterion, Tensor outputs, Tensor targets) => criterion.forward(outputs, targets);

    /// <summary>Prepares the model for training on <paramref name="trainTargets"/> (fits a regression target scale once).</summary>
    public virtual void Prepare(Tensor trainTargets) { }

    /// <summary>The batch's score summed over its rows (on the device; read back once per epoch).</summary>
    public abstract Tensor ScoreSum(Tensor outputs, Tensor targets);

    /// <summary>The score of a model that ignores its input: the majority class per label, or the training mean.</summary>
    public abstract double BaselineScore(Tensor trainTargets, Tensor judgedTargets);

    /// <summary>A report's numbers, placed by whether the score is an accuracy or an error.</summary>
    public Evaluation Evaluation(double loss, double score, int count) =>
        ScoreIsError ? new Evaluation(loss, double.NaN, count) { MeanAbsoluteError = score } : new Evaluation(loss, score, count);

    private sealed class SingleClass : TrainingObjective
    {
        public override bool ScoreIsError => false;

        public override Loss<Tensor, Tensor, Tensor> Criterion(Tensor? classWeights) => CrossEntropyLoss(weight: classWeights);

        public override Tensor ScoreSum(Tensor outputs, Tensor targets) => outputs.argmax(1).eq(targets).sum();

        public override double BaselineScore(Tensor trainTargets, Tensor judgedTargets)
        {
            using var scope = NewDisposeScope();
            using Scalar majority = HeldScalars.Of(trainTargets.bincount(null).argmax().item<long>());
            return judgedTargets.eq(majority).to(float64).mean().item<double>();
        }
    }

    private sealed class MultiLabel : TrainingObjective
    {
        public override bool ScoreIsError => false;

        // Class weights count positives per label here: pos_weight scales each label's positive term.
        public override Loss<Tensor, Tensor, Tensor> Criterion(Tensor? classWeights) => BCEWithLogitsLoss(pos_weights: classWeights);

        // A label is predicted present when its logit is positive (probability above one half).
        public override Tensor ScoreSum(Tensor outputs, Tensor targets) => outputs.gt(HeldScalars.Zero).eq(targets.gt(HeldScalars.Half)).to(float64).mean(new long[] { 1 }).sum();

        public override double BaselineScore(Tensor trainTargets, Tensor judgedTargets)
        {
            using var scope = NewDisposeScope();
            Tensor majority = trainTargets.mean(new long[] { 0 }).gt(HeldScalars.Half);
            return judgedTargets.gt(HeldScalars.Half).eq(majority).to(float64).mean().item<double>();
        }
    }

    // Without a TargetScaling (hand-written models) outputs and targets are compared as they are.
    private sealed class Regression(TargetScaling? scaling) : TrainingObjective
    {
        public override bool ScoreIsError => true;

        public override Loss<Tensor, Tensor, Tensor> Criterion(Tensor? classWeights) => MSELoss();

        public override void Prepare(Tensor trainTargets) => scaling?.FitOnce(trainTargets);

        public override Tensor Loss(Loss<Tensor, Tensor, Tensor> criterion, Tensor outputs, Tensor targets) =>
            criterion.forward(outputs, scaling?.Standardize(targets) ?? targets);

        public override Tensor ScoreSum(Tensor outputs, Tensor targets) =>
            ((scaling?.forward(outputs) ?? outputs) - targets).abs().to(float64).mean(new long[] { 1 }).sum();

        public override double BaselineScore(Tensor trainTargets, Tensor judgedTargets)
        {
            using var scope = NewDisposeScope();
            Tensor mean = trainTargets.mean(new long[] { 0 });
            return (judgedTargets - mean).abs().to(float64).mean().item<double>();
        }
    }
}
