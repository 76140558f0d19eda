using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixK, kind 1 of MLDSL0026: each row made into several with <c>SelectMany</c> (jittered copies projected over a range or a
/// list of noise levels, a row and its copy in an array, <c>Enumerable.Repeat</c>) before the split puts a row's copies on
/// both sides. A SelectMany that flattens child collections or returns one row per row, and the same copies made on the
/// training part after the split, are silent. Both leakage analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed partial class CopiesMadeWithLinqTests
{
    private const string Rows = """

        [Dataset]
        public sealed partial record Claim
        {
            [Feature] public float Amount { get; init; }
            [Feature] public float Age { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }

        [Model(typeof(Claim))]
        public sealed partial class ClaimNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Patient
        {
            [Feature] public float Glucose { get; init; }
            [Feature] public float Bmi { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(Patient))]
        public sealed partial class PatientNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Listing
        {
            [Feature] public float Area { get; init; }
            [Feature] public float Rooms { get; init; }
            [Label(Classes = 2)] public int Sold { get; init; }
        }

        [Model(typeof(Listing))]
        public sealed partial class ListingNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Subscriber
        {
            [GroupKey] public int Account { get; init; }
            [Feature] public float Tenure { get; init; }
            [Feature] public float Charges { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }

        [Model(typeof(Subscriber))]
        public sealed partial class ChurnNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        /// <summary>A batch of claims delivered together: its claims are children, not copies.</summary>
        public sealed class ClaimBatch
        {
            public ClaimBatch(IReadOnlyList<Claim> claims) => Claims = claims;
            public IReadOnlyList<Claim> Claims { get; }
        }

        """;

    /// <summary>A notebook running MAIN.</summary>
    private static string Program(string main) => LeakageSources.AllUsings + """
        public static class Notebook
        {
            public static void Main()
            {
                MAIN
            }
        }
        """.Replace("MAIN", main) + Rows;

    /// <summary>The rows in ROWS split at random, trained with NET and evaluated on the test part.</summary>
    private static string SplitTrainEvaluate(string rows, string net) => """
        var (train, validation, test) = ROWS.Split(new SplitOptions { Kind = SplitKind.Random, Seed = 3 });
        using var net = new NET();
        net.Fit(train, validation);
        Console.WriteLine(net.Evaluate(test).Accuracy);
        """.Replace("ROWS", rows).Replace("NET", net);

    [Fact]
    public Task Claims_jittered_into_copies_over_a_range_with_SelectMany_before_the_split_are_reported() => LeakageExpectation.Expect(Program("""
        var claims = CsvFile.Read<Claim>("claims.csv");
        var augmented = {|#0:claims.SelectMany(c => Enumerable.Range(0, 3).Select(k => c with { Amount = c.Amount * (1f + 0.01f * k) }))|}.ToList();
        """ + SplitTrainEvaluate("augmented", "ClaimNet")), "MLDSL0026");

    [Fact]
    public Task Patients_copied_once_per_noise_level_with_SelectMany_before_the_split_are_reported() => LeakageExpectation.Expect(Program("""
        var patients = CsvFile.Read<Patient>("patients.csv");
        float[] noise = { -0.5f, 0f, 0.5f };
        var augmented = {|#0:patients.SelectMany(p => noise.Select(n => p with { Glucose = p.Glucose + n }))|}.ToList();
        """ + SplitTrainEvaluate("augmented", "PatientNet")), "MLDSL0026");

    [Fact]
    public Task A_listing_and_its_noisy_copy_returned_in_an_array_by_SelectMany_before_the_split_are_reported() => LeakageExpectation.Expect(Program("""
        var listings = CsvFile.Read<Listing>("listings.csv");
        var augmented = {|#0:listings.SelectMany(l => new[] { l, l with { Area = l.Area * 1.02f } })|}.ToList();
        """ + SplitTrainEvaluate("augmented", "ListingNet")), "MLDSL0026");

    [Fact]
    public Task Listings_repeated_with_Enumerable_Repeat_inside_SelectMany_before_the_split_are_reported() => LeakageExpectation.Expect(Program("""
        var listings = CsvFile.Read<Listing>("listings.csv");
        var augmented = {|#0:listings.SelectMany(l => Enumerable.Repeat(l, 2))|}.ToList();
        """ + SplitTrainEvaluate("augmented", "ListingNet")), "MLDSL0026");

    [Fact]
    public Task Claims_jittered_with_SelectMany_on_the_training_part_after_the_split_are_silent() => LeakageExpectation.Expect(Program("""
        var claims = CsvFile.Read<Claim>("claims.csv");
        var (train, validation, test) = claims.Split(new SplitOptions { Kind = SplitKind.Random, Seed = 3 });
        var augmented = train.SelectMany(c => Enumerable.Range(0, 3).Select(k => c with { Amount = c.Amount * (1f + 0.01f * k) })).ToList();
        using var net = new ClaimNet();
        net.Fit(augmented, validation);
        Console.WriteLine(net.Evaluate(test).Accuracy);
        """));

    [Fact]
    public Task Patients_copied_per_noise_level_on_the_training_part_after_the_split_are_silent() => LeakageExpectation.Expect(Program("""
        var patients = CsvFile.Read<Patient>("patients.csv");
        var (train, validation, test) = patients.Split(new SplitOptions { Kind = SplitKind.Random, Seed = 3 });
        float[] noise = { -0.5f, 0f, 0.5f };
        var augmented = train.SelectMany(p => noise.Select(n => p with { Glucose = p.Glucose + n })).ToList();
        using var net = new PatientNet();
        net.Fit(augmented, validation);
        Console.WriteLine(net.Evaluate(test).Accuracy);
        """));

    [Fact]
    public Task Claims_flattened_out_of_their_batches_with_SelectMany_before_the_split_are_silent() => LeakageExpectation.Expect(Program("""
        var batches = new List<ClaimBatch> { new(CsvFile.Read<Claim>("claims-march.csv")), new(CsvFile.Read<Claim>("claims-april.csv")) };
        var claims = batches.SelectMany(b => b.Claims).ToList();
        """ + SplitTrainEvaluate("claims", "ClaimNet")));

    [Fact]
    public Task Patients_flattened_back_out_of_their_groups_with_SelectMany_before_the_split_are_silent() => LeakageExpectation.Expect(Program("""
        var patients = CsvFile.Read<Patient>("patients.csv");
        var regrouped = patients.GroupBy(p => p.Readmitted).SelectMany(g => g).ToList();
        """ + SplitTrainEvaluate("regrouped", "PatientNet")));

    [Fact]
    public Task One_adjusted_listing_per_listing_returned_by_SelectMany_before_the_split_is_silent() => LeakageExpectation.Expect(Program("""
        var listings = CsvFile.Read<Listing>("listings.csv");
        var adjusted = listings.SelectMany(l => new[] { l with { Area = l.Area / 10.764f } }).ToList();
        """ + SplitTrainEvaluate("adjusted", "ListingNet")));

    [Fact]
    public Task A_single_jittered_copy_projected_over_a_range_of_one_before_the_split_is_silent() => LeakageExpectation.Expect(Program("""
        var claims = CsvFile.Read<Claim>("claims.csv");
        var adjusted = claims.SelectMany(c => Enumerable.Range(0, 1).Select(k => c with { Amount = c.Amount + k })).ToList();
        """ + SplitTrainEvaluate("adjusted", "ClaimNet")));
}
