namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Kind (fixS): statistics kept in static state and read by another class's helpers, and steps a helper object fits on the
/// rows it is given. A static field is one value wherever it is read, so a per-row helper reading it reads what the caller
/// stored there; a helper's Fit learns from whatever the caller hands it, so the report is at that call, once.
/// </summary>
public sealed partial class FreshLeakageCasesN
{
    private const string StaticCap = """
        public static class Limits
        {
            public static float Cap = 1f;
        }

        public static class CapNotebook
        {
            static Subscriber Scale(Subscriber s) => s with { DataUsage = s.DataUsage / Limits.Cap };

            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var (train, validation, test) = customers.Split(new SplitOptions { Kind = SplitKind.Stratified });
                Limits.Cap = train.Max(c => c.DataUsage);
                using var model = new ChurnNet();
                model.Fit(train.Select(Scale).ToList(), validation.Select(Scale).ToList());
                Console.WriteLine(model.Evaluate(test.Select(s => Scale(s)).ToList()).Accuracy);
            }
        }
        """;

    [Fact]
    public Task Static_cap_from_the_training_rows_read_by_a_helper_is_silent() => Expect(Program(StaticCap));

    [Fact]
    public Task Static_cap_from_every_row_read_by_a_helper_is_reported() => Expect(Program(Mutate(StaticCap,
        "Limits.Cap = train.Max(c => c.DataUsage);", "Limits.Cap = {|#0:customers.Max(c => c.DataUsage)|};")), "MLDSL0016");

    // Look-alike: the static cap of every row is only printed; the helper that is applied reads a constant of its own.
    [Fact]
    public Task Static_cap_of_every_row_that_no_applied_helper_reads_is_silent() => Expect(Program(Mutate(Mutate(StaticCap,
        "Limits.Cap = train.Max(c => c.DataUsage);", "Limits.Cap = customers.Max(c => c.DataUsage); Console.WriteLine(Limits.Cap);"),
        "s.DataUsage / Limits.Cap", "s.DataUsage / 100f")));

    private const string HelperObject = """
        public sealed class Scaling
        {
            private MinMaxScaler? scaler;

            public void Learn(IReadOnlyList<Subscriber> rows) => scaler = MinMaxScaler.Fit(rows);

            public Subscriber[] Apply(IReadOnlyList<Subscriber> rows) => scaler!.Apply(rows);
        }

        public static class ScalingNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var (train, validation, test) = customers.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scaling = new Scaling();
                scaling.Learn(train);
                using var model = new ChurnNet();
                model.Fit(scaling.Apply(train), scaling.Apply(validation));
                Console.WriteLine(model.Evaluate(scaling.Apply(test)).Accuracy);
            }
        }
        """;

    [Fact]
    public Task Helper_object_fitted_on_the_training_rows_is_silent() => Expect(Program(HelperObject));

    [Fact]
    public Task Helper_object_fitted_on_the_test_rows_is_reported_at_the_call() => Expect(Program(Mutate(HelperObject,
        "scaling.Learn(train);", "{|#0:scaling.Learn(test)|};")), "MLDSL0016");

    // Look-alike: the helper is fitted on a filtered subset of the training rows, still training rows only.
    [Fact]
    public Task Helper_object_fitted_on_a_subset_of_the_training_rows_is_silent() => Expect(Program(Mutate(HelperObject,
        "scaling.Learn(train);", "scaling.Learn(train.Where(c => c.Tenure > 0).ToList());")));

    /// <summary>The correct <paramref name="program"/> with <paramref name="from"/> (exactly once) replaced by <paramref name="to"/>.</summary>
    private static string Mutate(string program, string from, string to)
    {
        int at = program.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0 && program.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from}' must occur exactly once");
        return program.Remove(at, from.Length).Insert(at, to);
    }
}
