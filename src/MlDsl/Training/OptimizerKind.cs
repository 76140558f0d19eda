namespace MlDsl.Training;

/// <summary>The optimizers <see cref="FitOptions"/> can build.</summary>
public enum OptimizerKind
{
    Adam,
    AdamW,
    /// <summary>Stochastic gradient descent, with <see cref="FitOptions.Momentum"/>.</summary>
    Sgd,
}
