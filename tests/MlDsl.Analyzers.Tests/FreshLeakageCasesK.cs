using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Adversarial leakage cases, set K: hospital-readmission and grid-load notebooks ported to C# by a data scientist.
/// Shapes: row transformations held as values (local functions, lambdas in variables, a <c>Func</c> returned by a
/// helper, dictionaries and lists of them), percentiles by sorting, statistics kept in dictionaries and small
/// Fit/Transform classes, hand-written folds and stacking, choices made inside <c>MaxBy</c>/<c>OrderBy</c> keys, and
/// day-keyed lookups of the label. Each leak has its fix and look-alikes (silent).
/// </summary>
public sealed partial class FreshLeakageCasesK
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Visit
        {
            [Feature] public float Age { get; init; }
            [Feature] public float Glucose { get; init; }
            [Feature] public float Bmi { get; init; }
            [Feature] public float PriorVisits { get; init; }
            [Feature] public float WardLevel { get; init; }
            [Feature] public float NoteWords { get; init; }
            [Ignore] public string Ward { get; init; } = "";
            [Ignore] public string Notes { get; init; } = "";
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(Visit))]
        public sealed partial class VisitNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Model(typeof(Visit))]
        public sealed partial class WideVisitNet
        {
            [Linear(64), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record GridDay
        {
            [Timestamp] public DateTime Day { get; init; }
            [Feature] public float Temperature { get; init; }
            [Feature] public float LoadYesterday { get; init; }
            [Feature] public float LoadWeekMean { get; init; }
            [Label] public float Load { get; init; }
        }

        [Model(typeof(GridDay))]
        public sealed partial class GridNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        /// <summary>One metered day as the utility exports it, before it becomes a row.</summary>
        public sealed record Meter(DateTime Day, float Temperature, float Load);

        /// <summary>The utility's export: date, temperature, load.</summary>
        public static class Meters
        {
            public static List<Meter> Load(string path) =>
                System.IO.File.ReadLines(path).Skip(1).Select(line => line.Split(','))
                    .Select(f => new Meter(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))).ToList();
        }

        /// <summary>A visit as the hospital exports it: several glucose readings per stay.</summary>
        public sealed record RawVisit(float Age, float[] Readings, float Bmi, string Notes, int Readmitted);

        /// <summary>The hospital's stay export: one line per stay, readings separated by ';'.</summary>
        public static class Stays
        {
            public static List<RawVisit> Load(string path) =>
                System.IO.File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new RawVisit(
                    float.Parse(f[0]), f[1].Split(';').Select(float.Parse).ToArray(), float.Parse(f[2]), f[3], int.Parse(f[4]))).ToList();
        }

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
