using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixV's kind 3: a computed property of a class declared here (an expression body, a get accessor with a body) runs
/// at each read as a helper method runs at its call, so rows it copies (oversampling) before the caller splits them are
/// reported in the getter (MLDSL0026), and a getter over the training part only, or one that copies nothing, is silent.
/// Both leakage analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed class LeakageComputedPropertyTests
{
    private const string Usings = LeakageSources.AllUsings;

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

        """;

    /// <summary>A class holding claims with the computed property MEMBER, and a notebook running MAIN.</summary>
    private static string Program(string member, string main) => Usings + """
        public sealed class Claims
        {
            private readonly List<Claim> claims;
            public Claims(IEnumerable<Claim> rows) => claims = rows.ToList();
            MEMBER
        }

        public static class Notebook
        {
            public static void Main()
            {
                MAIN
            }
        }
        """.Replace("MEMBER", member).Replace("MAIN", main) + Rows;

    private const string SplitAfter = """
        var table = new Claims(CsvFile.Read<Claim>("claims.csv"));
        var (train, validation, test) = table.Balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
        using var net = new ClaimNet();
        net.Fit(train, validation);
        Console.WriteLine(net.Evaluate(test).Accuracy);
        """;

    [Fact]
    public Task Copies_in_a_get_accessor_with_a_body_split_afterwards_are_reported() => LeakageExpectation.Expect(Program("""
        public List<Claim> Balanced
        {
            get { return {|#0:claims.Concat(claims.Where(c => c.Fraud == 1))|}.ToList(); }
        }
        """, SplitAfter), "MLDSL0026");

    [Fact]
    public Task Copies_in_an_expression_bodied_property_of_the_training_part_are_silent() => LeakageExpectation.Expect(Program("""
        public List<Claim> Balanced => [.. claims, .. claims.Where(c => c.Fraud == 1)];
        """, """
        var (train, validation, test) = CsvFile.Read<Claim>("claims.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
        var table = new Claims(train);
        using var net = new ClaimNet();
        net.Fit(table.Balanced, validation);
        Console.WriteLine(net.Evaluate(test).Accuracy);
        """));

    [Fact]
    public Task A_computed_property_that_only_filters_split_afterwards_is_silent() => LeakageExpectation.Expect(Program("""
        public List<Claim> Balanced => claims.Where(c => c.Amount > 0f).ToList();
        """, SplitAfter));

    [Fact]
    public Task A_computed_count_printed_beside_the_split_is_silent() => LeakageExpectation.Expect(Program("""
        public int Frauds => claims.Count(c => c.Fraud == 1);
        public List<Claim> Balanced => claims;
        """, SplitAfter + "\nConsole.WriteLine(table.Frauds);"));
}
