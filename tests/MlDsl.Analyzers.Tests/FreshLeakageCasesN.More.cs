namespace MlDsl.Analyzers.Tests;

/// <summary>Set N, last probes: a frequency table, models kept in a dictionary, a scored helper object, train-part reuse.</summary>
public sealed partial class FreshLeakageCasesN
{
    // Kind 1. Count (frequency) encoding of the plan over every customer (a Kaggle "count encoding" kernel computing
    // value_counts on train+test), kept in a dictionary and written into PlanRate before the split.
    [Fact]
    public Task Plan_frequency_table_over_every_subscriber_is_reported() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var frequency = {|#0:customers.GroupBy(c => c.Plan)|}.ToDictionary(g => g.Key, g => (float)g.Count() / customers.Count);
                var encoded = customers.Select(c => c with { PlanRate = frequency[c.Plan] }).ToList();
                var split = encoded.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ChurnNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Kind 3. Candidate models kept in a dictionary by name, each scored on the test part in a LINQ projection and the
    // best name picked with MaxBy (Yang et al. ASE 2022 multi-test leakage in a "model zoo" notebook).
    [Fact]
    public Task Model_zoo_scored_on_test_in_a_projection_and_the_best_picked_is_reported() => Expect(Program("""
        public static class HousePrices
        {
            public static void Main()
            {
                var listings = CsvFile.Read<Listing>("train.csv");
                var (train, validation, test) = listings.Split(new SplitOptions { Seed = 4 });
                var zoo = new Dictionary<string, Func<IReadOnlyList<Listing>, IReadOnlyList<Listing>, double>>
                {
                    ["small"] = (fit, score) => { using var m = new ListingNet(); m.Fit(fit, validation); return m.Evaluate(score).MeanAbsoluteError; },
                    ["deep"] = (fit, score) => { using var m = new DeepListingNet(); m.Fit(fit, validation); return m.Evaluate(score).MeanAbsoluteError; },
                };
                var best = zoo.Select(kv => (Name: kv.Key, Mae: kv.Value(train, {|#0:test|}))).MinBy(r => r.Mae);
                Console.WriteLine($"best model {best.Name}: {best.Mae:F0}");
            }
        }
        """), "MLDSL0018");

    // Kind 3, correct. The same zoo scored on validation, the winner's test error computed once afterwards.
    [Fact]
    public Task Model_zoo_scored_on_validation_then_one_test_score_stays_silent() => Expect(Program("""
        public static class HousePrices
        {
            public static void Main()
            {
                var listings = CsvFile.Read<Listing>("train.csv");
                var (train, validation, test) = listings.Split(new SplitOptions { Seed = 4 });
                var zoo = new Dictionary<string, Func<IReadOnlyList<Listing>, IReadOnlyList<Listing>, double>>
                {
                    ["small"] = (fit, score) => { using var m = new ListingNet(); m.Fit(fit, null); return m.Evaluate(score).MeanAbsoluteError; },
                    ["deep"] = (fit, score) => { using var m = new DeepListingNet(); m.Fit(fit, null); return m.Evaluate(score).MeanAbsoluteError; },
                };
                var best = zoo.Select(kv => (Name: kv.Key, Mae: kv.Value(train, validation))).MinBy(r => r.Mae);
                Console.WriteLine($"chosen {best.Name}; test MAE {zoo[best.Name](train, test):F0}");
            }
        }
        """));

    // Kind 4. An experiment object that trains on the rows it holds and reports its accuracy on the same rows (a
    // course project's `Experiment.Run()` printing "accuracy" — Kapoor & Narayanan L1.1).
    [Fact]
    public Task Experiment_object_scoring_on_the_rows_it_trained_on_is_reported() => Expect(Program("""
        public sealed class Experiment
        {
            private readonly IReadOnlyList<Screening> rows;
            private readonly ScreeningNet net = new();

            public Experiment(IReadOnlyList<Screening> rows) => this.rows = rows;

            public double Run()
            {
                net.Fit(rows, null, new FitOptions { Epochs = 100 });
                return net.Evaluate({|#0:rows|}).Accuracy;
            }
        }

        public static class DiabetesNotebook
        {
            public static void Main()
            {
                var screenings = CsvFile.Read<Screening>("diabetes.csv");
                Console.WriteLine($"accuracy {new Experiment(screenings).Run():P1}");
            }
        }
        """), "MLDSL0027");
}
