namespace MlDsl.Data.Splits;

/// <summary>A split that cannot be made as asked; <see cref="Option"/> names the <see cref="SplitOptions"/> member to change.</summary>
public sealed class SplitException(string option, string problem) : ArgumentException($"SplitOptions.{option}: {problem}", option)
{
    /// <summary>The option at fault, e.g. <c>TestCount</c> or <c>Kind</c>.</summary>
    public string Option { get; } = option;
}
