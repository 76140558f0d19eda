using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Adversarial leakage cases, set J: notebooks ported to C# (credit default, bearing failures with a machine key,
/// daily store sales with a timestamp, product reviews) with helpers, local functions, lambdas kept in variables,
/// dictionaries, tuples, records with <c>with</c>, query syntax and loops over configs. Every kind of issue 15 gets
/// leaky programs (reported on the leaking line), their minimal fixes (silent) and look-alikes (silent); long correct
/// programs must be silent, and single mistakes put into them (<see cref="Mutate"/>) must be reported.
/// </summary>
public sealed partial class FreshLeakageCasesJ
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Loan
        {
            [Feature] public float Income { get; init; }
            [Feature] public float Debt { get; init; }
            [Feature] public float Age { get; init; }
            [Feature] public float Utilisation { get; init; }
            [Feature] public float LatePayments { get; init; }
            [Feature] public float RegionRate { get; init; }
            [Ignore] public string Region { get; init; } = "";
            [Label(Classes = 2)] public int Defaulted { get; init; }
        }

        [Model(typeof(Loan))]
        public sealed partial class LoanNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Model(typeof(Loan))]
        public sealed partial class DeepLoanNet
        {
            [Linear(64), Relu, Dropout(0.3)] Layer first;
            [Linear(32), Relu] Layer second;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Bearing
        {
            [GroupKey] public int Machine { get; init; }
            [Feature] public float Vibration { get; init; }
            [Feature] public float Temperature { get; init; }
            [Feature] public float Rpm { get; init; }
            [Feature] public float MachineVibration { get; init; }
            [Label(Classes = 2)] public int Failed { get; init; }
        }

        [Model(typeof(Bearing))]
        public sealed partial class BearingNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record StoreDay
        {
            [Timestamp] public DateTime Date { get; init; }
            [Feature] public float Promo { get; init; }
            [Feature] public float Holiday { get; init; }
            [Feature] public float UnitsLag1 { get; init; }
            [Feature] public float UnitsLag7 { get; init; }
            [Label] public float Units { get; init; }
        }

        [Model(typeof(StoreDay))]
        public sealed partial class StoreNet
        {
            [Linear(24), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Review
        {
            [Feature] public float Positive { get; init; }
            [Feature] public float Negative { get; init; }
            [Feature] public float Length { get; init; }
            [Feature] public float Exclamations { get; init; }
            [Ignore] public string Text { get; init; } = "";
            [Label(Classes = 2)] public int Liked { get; init; }
        }

        [Model(typeof(Review))]
        public sealed partial class ReviewNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        /// <summary>A loan application as the bank exports it, before it becomes a row.</summary>
        public sealed record RawLoan(string Region, float Income, float Debt, float Age, float Utilisation, float LatePayments, string Status);

        /// <summary>One day's till total, before it becomes a row.</summary>
        public sealed record Till(DateTime Date, float Promo, float Holiday, float Units);

        """;

    /// <summary>A whole program of several types, with the shared rows after it.</summary>
    private static string Program(string types) => Usings + types + Rows;

    /// <summary>Both leakage analyzers' diagnostics must be exactly <paramref name="expected"/> at the marks (<see cref="LeakageExpectation"/>).</summary>
    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    /// <summary>
    /// The correct <paramref name="program"/> with ONE mistake: <paramref name="from"/> (which must occur exactly once)
    /// replaced by <paramref name="to"/>, which carries the mark.
    /// </summary>
    private static string Mutate(string program, string from, string to)
    {
        int at = program.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0 && program.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from}' must occur exactly once");
        return program.Remove(at, from.Length).Insert(at, to);
    }
}
