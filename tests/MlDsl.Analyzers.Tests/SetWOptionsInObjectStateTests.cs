using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set W, kind 5 (MLDSL0019): split options kept in a readonly field or get-only property that the constructor sets
/// are followed to the split; a property set differently by two constructors, or settable by anyone, is not known and stays silent.
/// The rows and models are set W's (<see cref="FreshLeakageCasesW"/>).
/// </summary>
public sealed class SetWOptionsInObjectStateTests
{
    [Fact]
    public Task Random_options_kept_by_a_constructor_in_a_readonly_field_over_trial_sites_are_reported() => Expect(Program("""
        public sealed class DropoutStudy
        {
            private readonly SplitOptions holdout;

            public DropoutStudy(double share)
            {
                holdout = new SplitOptions { Kind = SplitKind.Random, Test = share };
            }

            public double Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Participant>(path).Split({|#0:holdout|});
                using var net = new DropoutNet(seed: 1);
                net.Fit(train, validation);
                return net.Evaluate(test).Accuracy;
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Options_property_set_differently_by_two_constructors_stays_silent() => Expect(Program("""
        public sealed class DropoutStudy
        {
            private SplitOptions Holdout { get; }

            public DropoutStudy() => Holdout = new SplitOptions { Kind = SplitKind.Grouped };

            public DropoutStudy(SplitOptions options) => Holdout = options;

            public double Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Participant>(path).Split(Holdout);
                using var net = new DropoutNet(seed: 1);
                net.Fit(train, validation);
                return net.Evaluate(test).Accuracy;
            }
        }
        """));

    [Fact]
    public Task Options_property_anyone_may_set_stays_silent() => Expect(Program("""
        public sealed class DropoutStudy
        {
            public SplitOptions Holdout { get; set; } = new SplitOptions { Kind = SplitKind.Stratified };

            public double Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Participant>(path).Split(Holdout);
                using var net = new DropoutNet(seed: 1);
                net.Fit(train, validation);
                return net.Evaluate(test).Accuracy;
            }
        }
        """));

    private static string Program(string types) => FreshLeakageCasesW.Program(types);

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
