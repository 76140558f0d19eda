using System.Globalization;
using MlDsl.Data;
using static TorchSharp.torch;

namespace MlDsl.Doctor;

/// <summary>
/// The loss a freshly initialised model should start at, from the objective alone: the class-prior
/// entropy for classes (ln C when balanced: the model knows nothing yet, so it should say the priors),
/// ln 2 per label for multi-label (every label at one half), and 1 for regression (the variance of
/// targets standardized to unit variance, predicted by zero).
/// </summary>
internal static class ExpectedInitialLoss
{
    /// <returns>The expected loss and the formula in words.</returns>
    public static (double Loss, string Why) Of(LabelKind kind, Tensor labels, int outputs)
    {
        switch (kind)
        {
            case LabelKind.Class:
            {
                using var scope = NewDisposeScope();
                double[] counts = labels.bincount(null, outputs).to(float64).cpu().data<double>().ToArray();
                double total = counts.Sum();
                double entropy = -counts.Where(count => count > 0).Sum(count => count / total * Math.Log(count / total));
                bool balanced = counts.All(count => Math.Abs(count - total / outputs) <= 0.05 * total / outputs);
                return (entropy, balanced
                    ? string.Create(CultureInfo.InvariantCulture, $"ln {outputs} = {Math.Log(outputs):F4} ({outputs} balanced classes)")
                    : string.Create(CultureInfo.InvariantCulture, $"the class-prior entropy {entropy:F4} (ln {outputs} = {Math.Log(outputs):F4} if the classes were balanced)"));
            }
            case LabelKind.MultiLabel:
                return (Math.Log(2), string.Create(CultureInfo.InvariantCulture, $"ln 2 = {Math.Log(2):F4} per label (every label at probability 1/2)"));
            default:
                return (1, "1, the variance of the standardized targets");
        }
    }
}
