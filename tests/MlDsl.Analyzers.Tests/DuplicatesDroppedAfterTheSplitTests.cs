using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// MLDSL0026 for duplicates dropped only after the split (reported at the split): the rows hold copies (a review posted on
/// every variant of a product, an export run twice), and de-duplicating the held-out parts afterwards cannot take back
/// the copies the split already put on both sides. De-duplicating before the split (the fix), de-duplicating the training
/// part alone, a grouped split, and held-out rows read from their own file stay silent. Both leakage analyzers run.
/// </summary>
public sealed class DuplicatesDroppedAfterTheSplitTests
{
    private const string Rows = """

        [Dataset]
        public sealed partial record Review
        {
            [Feature] public float Length { get; init; }
            [Feature] public float Stars { get; init; }
            [Ignore] public string Text { get; init; } = "";
            [Label(Classes = 2)] public int Helpful { get; init; }
        }

        [Model(typeof(Review))]
        public sealed partial class ReviewNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record ProductReview
        {
            [Feature] public float Length { get; init; }
            [GroupKey] public int Product { get; init; }
            [Ignore] public string Text { get; init; } = "";
            [Label(Classes = 2)] public int Helpful { get; init; }
        }

        [Model(typeof(ProductReview))]
        public sealed partial class ProductReviewNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        """;

    private static string Program(string main) => LeakageSources.AllUsings + """
        public static class Notebook
        {
            public static void Main()
            {
                MAIN
            }
        }
        """.Replace("MAIN", main) + Rows;

    private const string TrainAndScore = """
        using var model = new ReviewNet();
        model.Fit(train, validation);
        Console.WriteLine(model.Evaluate(test).Accuracy);
        """;

    [Fact]
    public Task Distinct_on_the_test_part_after_a_random_split_is_reported_at_the_split() => LeakageExpectation.Expect(Program("""
        var reviews = CsvFile.Read<Review>("reviews.csv");
        var (train, validation, rawTest) = {|#0:reviews.Split(new SplitOptions { Kind = SplitKind.Random, Seed = 1 })|};
        var test = rawTest.Distinct().ToList();
        """ + TrainAndScore), "MLDSL0026");

    [Fact]
    public Task DistinctBy_on_the_validation_and_test_parts_is_reported_once_at_the_split() => LeakageExpectation.Expect(Program("""
        var split = {|#0:CsvFile.Read<Review>("reviews.csv").Split(new SplitOptions { Kind = SplitKind.Stratified })|};
        var train = split.Train;
        var validation = split.Validation.DistinctBy(r => r.Text).ToList();
        var test = split.Test.DistinctBy(r => r.Text).ToList();
        """ + TrainAndScore), "MLDSL0026");

    [Fact]
    public Task Fix_duplicates_dropped_before_the_split_are_silent() => LeakageExpectation.Expect(Program("""
        var reviews = CsvFile.Read<Review>("reviews.csv").DistinctBy(r => r.Text).ToList();
        var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
        var train = split.Train;
        var validation = split.Validation.DistinctBy(r => r.Text).ToList();
        var test = split.Test.DistinctBy(r => r.Text).ToList();
        """ + TrainAndScore));

    [Fact]
    public Task Duplicates_dropped_from_the_training_part_alone_are_silent() => LeakageExpectation.Expect(Program("""
        var (rawTrain, validation, test) = CsvFile.Read<Review>("reviews.csv").Split(new SplitOptions { Kind = SplitKind.Random });
        var train = rawTrain.DistinctBy(r => r.Text).ToList();
        """ + TrainAndScore));

    [Fact]
    public Task Duplicates_dropped_per_part_after_a_grouped_split_are_silent() => LeakageExpectation.Expect(Program("""
        var split = CsvFile.Read<ProductReview>("reviews.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
        var train = split.Train.DistinctBy(r => r.Text).ToList();
        var validation = split.Validation.DistinctBy(r => r.Text).ToList();
        var test = split.Test.DistinctBy(r => r.Text).ToList();
        using var model = new ProductReviewNet();
        model.Fit(train, validation);
        Console.WriteLine(model.Evaluate(test).Accuracy);
        """));

    [Fact]
    public Task Test_rows_of_their_own_file_de_duplicated_are_silent() => LeakageExpectation.Expect(Program("""
        var (train, validation, _) = CsvFile.Read<Review>("reviews.csv").Split(new SplitOptions { Kind = SplitKind.Random });
        var test = CsvFile.Read<Review>("reviews-2025.csv").Distinct().ToList();
        """ + TrainAndScore));

    [Fact]
    public Task Parts_joined_again_or_only_counted_to_check_the_split_are_silent() => LeakageExpectation.Expect(Program("""
        var (train, validation, test) = CsvFile.Read<Review>("reviews.csv").Split(new SplitOptions { Kind = SplitKind.Random });
        Console.WriteLine(train.Concat(validation).Concat(test).Distinct().Count());
        Console.WriteLine(test.Distinct().Count() == test.Count);
        """ + TrainAndScore));
}
