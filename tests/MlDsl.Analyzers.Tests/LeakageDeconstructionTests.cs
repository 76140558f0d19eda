using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixV's kind 2: a local declared or assigned by deconstruction holds its element of the tuple (nested tuples and
/// discards too), so a feature made from a local that holds the label is the label (MLDSL0017), and one made from the
/// other elements is not. Both leakage analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed class LeakageDeconstructionTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Turbine
        {
            [Feature] public float Wind { get; init; }
            [Feature] public float Rotor { get; init; }
            [Feature] public float Ratio { get; init; }
            [Label] public float Power { get; init; }
        }

        [Model(typeof(Turbine))]
        public sealed partial class TurbineNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        """;

    /// <summary>Turbines whose Ratio the lambda BODY sets (it returns the row), split and trained on.</summary>
    private static string Derived(string body) => Usings + """
        public static class Farm
        {
            public static void Main()
            {
                var rows = CsvFile.Read<Turbine>("turbines.csv").Select(r =>
                {
                    BODY
                }).ToList();
                var (train, validation, test) = rows.Split();
                using var net = new TurbineNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """.Replace("BODY", body) + Rows;

    [Fact]
    public Task Label_in_a_nested_deconstruction_with_a_discard_is_reported() => LeakageExpectation.Expect(Derived("""
        var ((power, _), wind) = ((r.Power, r.Rotor), r.Wind);
        return r with { {|#0:Ratio = power / (wind + 1f)|} };
        """), "MLDSL0017");

    [Fact]
    public Task Label_in_a_deconstructing_assignment_is_reported() => LeakageExpectation.Expect(Derived("""
        float power, wind;
        (power, wind) = (r.Power, r.Wind);
        return r with { {|#0:Ratio = power / (wind + 1f)|} };
        """), "MLDSL0017");

    [Fact]
    public Task Features_only_from_a_deconstruction_are_silent() => LeakageExpectation.Expect(Derived("""
        var (rotor, wind) = (r.Rotor, r.Wind);
        return r with { Ratio = rotor / (wind + 1f) };
        """));

    [Fact]
    public Task Label_discarded_in_a_deconstruction_is_silent() => LeakageExpectation.Expect(Derived("""
        var ((_, rotor), wind) = ((r.Power, r.Rotor), r.Wind);
        return r with { Ratio = rotor / (wind + 1f) };
        """));

    [Fact]
    public Task Label_deconstructed_beside_the_feature_used_is_silent() => LeakageExpectation.Expect(Derived("""
        (float power, float wind) = (r.Power, r.Wind);
        return r with { Ratio = wind * wind };
        """));
}
