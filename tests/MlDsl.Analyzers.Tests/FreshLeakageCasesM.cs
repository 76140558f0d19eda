using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Adversarial leakage cases, set M: notebooks from four fields ported to C# (wind-turbine SCADA readings with a
/// timestamp, motor-insurance claims, pupils nested in schools with a school key, wine quality), written in shapes the
/// earlier sets do not use much: extension methods, async helpers, records with computed members, switch expressions,
/// instance "experiment" classes holding parts in properties, tuples and dictionaries of candidates, query syntax,
/// index loops. Each kind of leak sits beside correct look-alikes that must stay silent.
/// </summary>
public sealed partial class FreshLeakageCasesM
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Reading
        {
            [Timestamp] public DateTime Time { get; init; }
            [Feature] public float Wind { get; init; }
            [Feature] public float Pitch { get; init; }
            [Feature] public float Rotor { get; init; }
            [Feature] public float PowerLag1 { get; init; }
            [Label] public float Power { get; init; }
        }

        [Model(typeof(Reading))]
        public sealed partial class TurbineNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Claim
        {
            [Feature] public float Amount { get; init; }
            [Feature] public float DriverAge { get; init; }
            [Feature] public float VehicleValue { get; init; }
            [Feature] public float PriorClaims { get; init; }
            [Feature] public float GarageRate { get; init; }
            [Ignore] public string Garage { get; init; } = "";
            [Label(Classes = 2)] public int Fraud { get; init; }
        }

        [Model(typeof(Claim))]
        public sealed partial class ClaimNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Model(typeof(Claim))]
        public sealed partial class DeepClaimNet
        {
            [Linear(64), Relu, Dropout(0.3)] Layer first;
            [Linear(32), Relu] Layer second;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Pupil
        {
            [GroupKey] public int School { get; init; }
            [Feature] public float Attendance { get; init; }
            [Feature] public float FirstTerm { get; init; }
            [Feature] public float SecondTerm { get; init; }
            [Feature] public float Income { get; init; }
            [Label(Classes = 2)] public int Dropout { get; init; }
        }

        [Model(typeof(Pupil))]
        public sealed partial class PupilNet
        {
            [Linear(12), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Wine
        {
            [Feature] public float Acidity { get; init; }
            [Feature] public float Sugar { get; init; }
            [Feature] public float Sulphates { get; init; }
            [Feature] public float Alcohol { get; init; }
            [Feature] public float Density { get; init; }
            [Label] public float Quality { get; init; }
        }

        [Model(typeof(Wine))]
        public sealed partial class WineNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        /// <summary>A claim as the insurer's case system exports it: the adjuster's decision is the outcome.</summary>
        public sealed record RawClaim(string Garage, float Amount, float DriverAge, float VehicleValue, float PriorClaims, string Decision);

        /// <summary>One ten-minute SCADA record of a turbine before it becomes a row.</summary>
        public sealed record Scada(DateTime Time, float Wind, float Pitch, float Rotor, float Power);

        /// <summary>The case system's export.</summary>
        public static class CaseSystem
        {
            public static List<RawClaim> Export(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(';')).Select(f => new RawClaim(
                    f[0], float.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3]), float.Parse(f[4]), f[5])).ToList();
        }

        /// <summary>The wind farm's SCADA export, oldest first.</summary>
        public static class Farm
        {
            public static List<Scada> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new Scada(
                    DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3]), float.Parse(f[4])))
                    .OrderBy(s => s.Time).ToList();
        }

        """;

    /// <summary>A whole program of several types, with the shared rows after it.</summary>
    private static string Program(string types) => Usings + types + Rows;

    /// <summary>Both leakage analyzers' diagnostics must be exactly <paramref name="expected"/> at the marks (<see cref="LeakageExpectation"/>).</summary>
    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
