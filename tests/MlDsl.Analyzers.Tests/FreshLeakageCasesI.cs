using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Adversarial leakage cases, set I: precision on long, realistic and CORRECT programs (experiment classes with config
/// records, loaders, cleaning, feature helpers, averaged cross-validation, searches on validation or on folds of the
/// training rows, a refit on train+validation after the choice and one test evaluation, lag and rolling features on
/// [Timestamp] rows, group statistics from training rows, statistics over all rows that only reach a printout, early
/// stopping on validation, ensembles, train loss reported as a diagnostic, bootstrap intervals on the test score, error
/// analysis after the final evaluation). Each must be silent. Variants put ONE realistic mistake into one of them
/// (<see cref="Mutate"/>) and must be reported on the mistaken line.
/// </summary>
public sealed partial class FreshLeakageCasesI
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Patient
        {
            [Feature] public float Age { get; init; }
            [Feature] public float Glucose { get; init; }
            [Feature] public float Bmi { get; init; }
            [Feature] public float PriorVisits { get; init; }
            [Feature] public float WardRate { get; init; }
            [Ignore] public string Ward { get; init; } = "";
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(Patient))]
        public sealed partial class PatientNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Model(typeof(Patient))]
        public sealed partial class WidePatientNet
        {
            [Linear(64), Relu, Dropout(0.2)] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Member
        {
            [GroupKey] public int Household { get; init; }
            [Feature] public float Spend { get; init; }
            [Feature] public float Tenure { get; init; }
            [Feature] public float HouseholdSpend { get; init; }
            [Label(Classes = 2)] public int Lapsed { get; init; }
        }

        [Model(typeof(Member))]
        public sealed partial class MemberNet
        {
            [Linear(12), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record RiverDay
        {
            [Timestamp] public DateTime Day { get; init; }
            [Feature] public float Rain { get; init; }
            [Feature] public float FlowLag1 { get; init; }
            [Feature] public float Rain3 { get; init; }
            [Label] public float Flow { get; init; }
        }

        [Model(typeof(RiverDay))]
        public sealed partial class RiverNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record House
        {
            [Feature] public float Rooms { get; init; }
            [Feature] public float Area { get; init; }
            [Feature] public float Distance { get; init; }
            [Feature] public float DistrictPrice { get; init; }
            [Ignore] public string District { get; init; } = "";
            [Label] public float Price { get; init; }
        }

        [Model(typeof(House))]
        public sealed partial class HouseNet
        {
            [Linear(32), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        /// <summary>One day at a river gauge, before it becomes a row.</summary>
        public sealed record Gauge(DateTime Day, float Rain, float Flow);

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
