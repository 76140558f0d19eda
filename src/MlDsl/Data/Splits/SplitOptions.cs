namespace MlDsl.Data.Splits;

/// <summary>
/// The split's kind, sizes and seed. Sizes are fractions of all rows (<see cref="Validation"/>,
/// <see cref="Test"/>) or, when set, exact counts (<see cref="ValidationCount"/>, <see cref="TestCount"/>).
/// </summary>
/// <remarks>
/// A fraction becomes a count as <c>Math.Round(rows × fraction)</c> (halves to even). Random and
/// stratified splits give exactly those counts (a stratified split shares them between classes by
/// largest remainder); grouped and time splits move whole groups or instants, so their sizes are close
/// to the counts, not equal. A split that cannot give training rows, or a non-empty part asked for,
/// is refused with a <see cref="SplitException"/> naming the option.
/// </remarks>
public sealed record SplitOptions
{
    public SplitKind Kind { get; init; } = SplitKind.Random;
    public double Validation { get; init; } = 0.1;
    public double Test { get; init; } = 0.2;
    public int? ValidationCount { get; init; }
    public int? TestCount { get; init; }
    public int Seed { get; init; } = 42;

    /// <exception cref="SplitException">A size is negative or not finite, or the sizes leave no training rows.</exception>
    internal (int Validation, int Test) Counts(int total)
    {
        if (!(Validation >= 0 && Validation < 1)) throw new SplitException(nameof(Validation), $"{Validation} is not a fraction in [0, 1).");
        if (!(Test >= 0 && Test < 1)) throw new SplitException(nameof(Test), $"{Test} is not a fraction in [0, 1).");
        if (ValidationCount is null && TestCount is null && Validation + Test >= 1)
            throw new SplitException(nameof(Test), $"validation ({Validation}) and test ({Test}) fractions sum to {Validation + Test}, leaving no training rows; they must sum to less than 1.");
        if (ValidationCount < 0) throw new SplitException(nameof(ValidationCount), $"{ValidationCount} rows; a count cannot be negative.");
        if (TestCount < 0) throw new SplitException(nameof(TestCount), $"{TestCount} rows; a count cannot be negative.");
        if (total == 0) throw new SplitException(nameof(Kind), "there are no rows to split.");
        int validation = ValidationCount ?? (int)Math.Round(total * Validation);
        int test = TestCount ?? (int)Math.Round(total * Test);
        if ((long)validation + test >= total)
        {
            string option = TestCount is not null ? nameof(TestCount) : ValidationCount is not null ? nameof(ValidationCount) : nameof(Test);
            throw new SplitException(option, $"{validation} validation + {test} test rows leave no training rows out of {total}.");
        }
        return (validation, test);
    }
}
