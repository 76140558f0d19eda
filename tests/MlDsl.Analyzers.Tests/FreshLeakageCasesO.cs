using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Adversarial leakage cases, set O (session 13, part 2 of the kinds: label and feature entangled outside the record,
/// group and time leakage, feature timing, the same rows for training and validation, identifiers; and precision).
/// Six fields ported to C#: Lending Club loans (late payment columns), web shop sessions with a user key, weekly store
/// sales with a timestamp, diabetic hospital encounters with a patient key (UCI "Diabetes 130-US hospitals"), chest
/// scans with a patient key (Roberts et al. 2021), and hard-drive SMART days with a drive key (Backblaze). Each leak sits
/// beside correct programs written the same way that must stay silent.
/// </summary>
public sealed partial class FreshLeakageCasesO
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Loan
        {
            [Feature] public float Amount { get; init; }
            [Feature] public float Rate { get; init; }
            [Feature] public float Income { get; init; }
            [Feature] public float Debt { get; init; }
            [Feature] public float Dti { get; init; }
            [Feature] public float Grade { get; init; }
            [Feature] public float Signal { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float Recoveries { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float TotalPayment { get; init; }
            [Label(Classes = 2)] public int ChargedOff { get; init; }
        }

        [Model(typeof(Loan))]
        public sealed partial class LoanNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Session
        {
            [GroupKey] public int User { get; init; }
            [Feature] public float Clicks { get; init; }
            [Feature] public float Pages { get; init; }
            [Feature] public float Dwell { get; init; }
            [Feature] public float CartAdds { get; init; }
            [Feature] public float Engagement { get; init; }
            [Label(Classes = 2)] public int Purchased { get; init; }
        }

        [Model(typeof(Session))]
        public sealed partial class SessionNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record StoreWeek
        {
            [Timestamp] public DateTime Week { get; init; }
            [Feature] public float Promo { get; init; }
            [Feature] public float Holiday { get; init; }
            [Feature] public float Temperature { get; init; }
            [Feature] public float SalesLag1 { get; init; }
            [Feature] public float SalesLag52 { get; init; }
            [Label] public float Sales { get; init; }
        }

        [Model(typeof(StoreWeek))]
        public sealed partial class StoreNet
        {
            [Linear(24), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Encounter
        {
            [GroupKey] public int Patient { get; init; }
            [Feature] public float Age { get; init; }
            [Feature] public float TimeInHospital { get; init; }
            [Feature] public float LabProcedures { get; init; }
            [Feature] public float Medications { get; init; }
            [Feature] public float PriorInpatient { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(Encounter))]
        public sealed partial class EncounterNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Scan
        {
            [GroupKey] public int Patient { get; init; }
            [Feature, Shape(1, 16, 16)] public float[] Pixels { get; init; } = Array.Empty<float>();
            [Label(Classes = 2)] public int Covid { get; init; }
        }

        [Model(typeof(Scan))]
        public sealed partial class ScanNet
        {
            [Conv2d(4, Kernel = 3), Relu, MaxPool2d(2), Flatten] Layer conv;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record DriveDay
        {
            [GroupKey] public int Drive { get; init; }
            [Feature] public float Reallocated { get; init; }
            [Feature] public float Pending { get; init; }
            [Feature] public float Uncorrectable { get; init; }
            [Feature] public float PowerOnHours { get; init; }
            [Label(Classes = 2)] public int Failure { get; init; }
        }

        [Model(typeof(DriveDay))]
        public sealed partial class DriveNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        /// <summary>A loan as Lending Club's export writes it: application values, what was paid back, and the status.</summary>
        public sealed record RawLoan(float Amount, float Rate, float Income, float Debt, string Grade, float Recoveries, float TotalPayment, string Status);

        /// <summary>One web shop visit as the tracker logs it: counters and the event names, "checkout" among them.</summary>
        public sealed record RawVisit(int User, DateTime Start, float Clicks, float Pages, float Dwell, float CartAdds, string[] Events);

        /// <summary>One store's week as the till system totals it.</summary>
        public sealed record Till(int Store, DateTime Week, float Promo, float Holiday, float Temperature, float Sales);

        /// <summary>Lending Club's loan export.</summary>
        public static class LendingClub
        {
            public static List<RawLoan> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new RawLoan(
                    float.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3]), f[4], float.Parse(f[5]),
                    float.Parse(f[6]), f[7])).ToList();
        }

        /// <summary>The web shop's tracker export.</summary>
        public static class Tracker
        {
            public static List<RawVisit> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new RawVisit(
                    int.Parse(f[0]), DateTime.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3]), float.Parse(f[4]),
                    float.Parse(f[5]), f[6].Split('|'))).ToList();
        }

        /// <summary>The chain's weekly till totals, every store.</summary>
        public static class Tills
        {
            public static List<Till> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new Till(
                    int.Parse(f[0]), DateTime.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3]), float.Parse(f[4]),
                    float.Parse(f[5]))).ToList();
        }

        """;

    /// <summary>A whole program of several types, with the shared rows after it.</summary>
    private static string Program(string types) => Usings + types + Rows;

    /// <summary>Both leakage analyzers' diagnostics must be exactly <paramref name="expected"/> at the marks (<see cref="LeakageExpectation"/>).</summary>
    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
