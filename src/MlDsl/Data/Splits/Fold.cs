namespace MlDsl.Data.Splits;

/// <summary>One cross-validation fold: indices into the rows that were cut, ascending.</summary>
public sealed record Fold(int Index, int[] Train, int[] Validation);
