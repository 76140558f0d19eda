namespace MlDsl.Data.Splits;

/// <summary>
/// The split's kind, sizes and seed. Sizes are fractions of all rows (<see cref="Validation"/>,
/// <see cref="Test"/>) or, when set, exact counts (<see cref="ValidationCount"/>, <see cref="TestCount"/>).
/// </summary>
public sealed record SplitOptions
{
    public SplitKind Kind { get; init; } = SplitKind.Random;
    public double Validation { get; init; } = 0.1;
    public double Test { get; init; } = 0.2;
    public int? ValidationCount { get; init; }
    public int? TestCount { get; init; }
    public int Seed { get; init; } = 42;

    internal (int Validation, int Test) Counts(int total)
    {
        if (Validation < 0 || Test < 0 || Validation + Test >= 1)
            throw new ArgumentOutOfRangeException(nameof(Validation), $"SplitOptions: validation ({Validation}) and test ({Test}) fractions must be non-negative and sum to less than 1.");
        int validation = ValidationCount ?? (int)Math.Round(total * Validation);
        int test = TestCount ?? (int)Math.Round(total * Test);
        if (validation < 0 || test < 0 || validation + test >= total)
            throw new ArgumentOutOfRangeException(nameof(ValidationCount), $"SplitOptions: {validation} validation + {test} test rows leave no training rows out of {total}.");
        return (validation, test);
    }
}
