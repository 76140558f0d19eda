namespace MlDsl.Analyzers.Tests;

/// <summary>Set N, further shapes of the same kinds: tuples of statistics, Aggregate, reused row variables, Zip.</summary>
public sealed partial class FreshLeakageCasesN
{
    // Kind 1. A notebook's "stats" tuple of the whole frame (max data usage, mean charges), read by a lambda that
    // rescales every row before the split (Kaufman et al., KDD 2011: global normalisation). One report for the
    // statement (at its first statistic); first written expecting one per statistic.
    [Fact]
    public Task Tuple_of_statistics_over_every_subscriber_read_by_a_lambda_is_reported() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var stats = (MaxUsage: {|#0:customers.Max(c => c.DataUsage)|}, MeanCharges: customers.Average(c => c.MonthlyCharges));
                Func<Subscriber, Subscriber> rescale = c => c with
                {
                    DataUsage = c.DataUsage / stats.MaxUsage,
                    MonthlyCharges = c.MonthlyCharges - stats.MeanCharges,
                };
                var rows = customers.Select(rescale).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ChurnNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Kind 1. The largest area found with Aggregate (a hand-rolled max) over every listing, used to scale the area.
    [Fact]
    public Task Largest_area_by_aggregate_over_every_listing_is_reported() => Expect(Program("""
        public static class HousePrices
        {
            public static void Main()
            {
                var listings = CsvFile.Read<Listing>("train.csv");
                float biggest = {|#0:listings.Aggregate(0f, (m, l) => Math.Max(m, l.Area))|};
                var scaled = listings.Select(l => l with { Area = l.Area / biggest }).ToList();
                var (train, validation, test) = scaled.Split();
                using var reg = new ListingNet();
                reg.Fit(train, validation);
                Console.WriteLine(reg.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    // Correct look-alike. The notebook reuses one variable: `data` first holds every listing (for a printout), then the
    // training part that the model is fitted on; no scaler, nothing learned from all rows reaches training.
    [Fact]
    public Task Rows_variable_reused_for_the_training_part_stays_silent() => Expect(Program("""
        public static class HousePrices
        {
            public static void Main()
            {
                IReadOnlyList<Listing> data = CsvFile.Read<Listing>("train.csv");
                Console.WriteLine($"{data.Count} listings, median rooms {data.OrderBy(l => l.Rooms).ElementAt(data.Count / 2).Rooms}");
                var split = data.Split(new SplitOptions { Seed = 3 });
                data = split.Train;
                using var reg = new ListingNet();
                reg.Fit(data, split.Validation);
                Console.WriteLine($"test MAE {reg.Evaluate(split.Test).MeanAbsoluteError:F0}");
            }
        }
        """));

    // Kind 3. A hand-written epoch loop that checkpoints whenever the test accuracy improves (the "ModelCheckpoint
    // monitoring the test set" mistake from Data Science SE).
    [Fact]
    public Task Checkpoint_kept_whenever_test_accuracy_improves_is_reported() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var (train, validation, test) = customers.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ChurnNet();
                double best = 0;
                for (int round = 0; round < 20; round++)
                {
                    model.Fit(train, validation, new FitOptions { Epochs = 1, Seed = round });
                    double accuracy = model.Evaluate({|#0:test|}).Accuracy;
                    if (accuracy > best) { best = accuracy; model.Save("best.mldsl"); }
                }
                Console.WriteLine($"best test accuracy {best:P1}");
            }
        }
        """), "MLDSL0018");

    // Kind 5. In-sample probabilities of every screening zipped back onto the rows as a feature, then split.
    [Fact]
    public Task Probabilities_of_every_screening_zipped_in_as_a_feature_is_reported() => Expect(Program("""
        public static class DiabetesNotebook
        {
            public static void Main()
            {
                var screenings = CsvFile.Read<Screening>("diabetes.csv");
                using var first = new ScreeningNet();
                first.Fit(screenings, null, new FitOptions { Epochs = 40 });
                float[][] p = {|#0:first.PredictProbabilities(screenings)|};
                var stacked = screenings.Zip(p, (s, q) => s with { Pedigree = q[1] }).ToList();
                var split = stacked.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var second = new ScreeningNet();
                second.Fit(split.Train, split.Validation);
                Console.WriteLine(second.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0028");
}
