namespace MlDsl.Data;

/// <summary>What a dataset's [Label] is, which decides the loss, the metrics and what <c>Predict</c> returns.</summary>
public enum LabelKind
{
    /// <summary>One class per row (an int index or a string name): cross-entropy, accuracy.</summary>
    Class,
    /// <summary>Any number of labels per row (an int[] of indices or a string[] of names): binary cross-entropy per label.</summary>
    MultiLabel,
    /// <summary>A number to predict (float or double): mean squared error, MAE and RMSE.</summary>
    Regression,
}
