namespace MlDsl.Analyzers.Tests;

/// <summary>Set J, precision probes: correct programs whose shapes resemble leaks (per-row helpers, trailing windows, printed maxima).</summary>
public sealed partial class FreshLeakageCasesJ
{
    // Capping outliers per row with a switch expression (a constant cap, not a statistic), applied to each part by a local function.
    [Fact]
    public Task Income_capped_per_row_by_a_switch_in_a_local_function_applied_to_each_part_is_silent() => Expect(Program("""
        public static class Caps
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                static Loan Cap(Loan l) => l.Income switch { > 1_000_000f => l with { Income = 1_000_000f }, < 0f => l with { Income = 0f }, _ => l };
                List<Loan> CapAll(IReadOnlyList<Loan> part) => part.Select(Cap).ToList();
                using var model = new LoanNet();
                model.Fit(CapAll(train), CapAll(validation), new FitOptions { EarlyStoppingPatience = 4 });
                Console.WriteLine($"test accuracy {model.Evaluate(CapAll(test)).Accuracy:P2}");
            }
        }
        """));

    // Distinct words of ONE review (its own vocabulary size) as a feature: a value of the row, not of the rows.
    [Fact]
    public Task Distinct_word_count_of_each_review_before_the_split_is_silent() => Expect(Program("""
        public static class OwnWords
        {
            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("reviews.csv")
                    .Select(r => r with { Length = r.Text.ToLowerInvariant().Split(' ').Distinct().Count() })
                    .ToList();
                var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReviewNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // A trailing seven-day mean of earlier units as the weekly feature, then a time split.
    [Fact]
    public Task Trailing_seven_day_mean_of_earlier_units_is_silent() => Expect(Program("""
        public static class Trailing
        {
            public static void Main()
            {
                var tills = File.ReadLines("tills.csv").Skip(1).Select(l => l.Split(','))
                    .Select(f => new Till(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3])))
                    .OrderBy(t => t.Date).ToList();
                var days = Enumerable.Range(7, tills.Count - 7).Select(i => new StoreDay
                {
                    Date = tills[i].Date,
                    Promo = tills[i].Promo,
                    Holiday = tills[i].Holiday,
                    UnitsLag1 = tills[i - 1].Units,
                    UnitsLag7 = tills.Skip(i - 7).Take(7).Average(t => t.Units),
                    Units = tills[i].Units,
                }).ToList();
                var (train, validation, test) = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new StoreNet();
                model.Fit(train, validation);
                Console.WriteLine($"test MAE {model.Evaluate(test).MeanAbsoluteError:F1}");
            }
        }
        """));

    // The same window, centred: it averages the three days after the label's day too.
    [Fact]
    public Task Centred_seven_day_mean_that_reads_later_days_is_reported() => Expect(Program("""
        public static class Trailing
        {
            public static void Main()
            {
                var tills = File.ReadLines("tills.csv").Skip(1).Select(l => l.Split(','))
                    .Select(f => new Till(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3])))
                    .OrderBy(t => t.Date).ToList();
                var days = Enumerable.Range(7, tills.Count - 10).Select(i => new StoreDay
                {
                    Date = tills[i].Date,
                    Promo = tills[i].Promo,
                    Holiday = tills[i].Holiday,
                    UnitsLag1 = tills[i - 1].Units,
                    UnitsLag7 = {|#0:tills.Skip(i - 3).Take(7)|}.Average(t => t.Units),
                    Units = tills[i].Units,
                }).ToList();
                var (train, validation, test) = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new StoreNet();
                model.Fit(train, validation);
                Console.WriteLine($"test MAE {model.Evaluate(test).MeanAbsoluteError:F1}");
            }
        }
        """), "MLDSL0017");

    // Fold scores collected, their mean, spread AND best fold printed: a report, not a choice.
    [Fact]
    public Task Fold_scores_with_their_best_fold_only_printed_is_silent() => Expect(Program("""
        public static class FoldReport
        {
            public static void Main()
            {
                var (train, _, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0 });
                var scores = new List<double>();
                foreach (var fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }))
                {
                    var fit = fold.Train.Select(i => train[i]).ToList();
                    var check = fold.Validation.Select(i => train[i]).ToList();
                    var scaler = Standardizer.Fit(fit);
                    using var m = new LoanNet();
                    m.Fit(scaler.Apply(fit));
                    scores.Add(m.Evaluate(scaler.Apply(check)).Accuracy);
                }
                Console.WriteLine($"CV {scores.Average():P2}, best fold {scores.Max():P2}, worst {scores.Min():P2}");

                var final = Standardizer.Fit(train);
                using var model = new LoanNet();
                model.Fit(final.Apply(train));
                Console.WriteLine($"test {model.Evaluate(final.Apply(test)).Accuracy:P2}");
            }
        }
        """));

    // A hand-written fold loop over every loan with a scaler fitted once on all of them before the loop.
    [Fact]
    public Task Scaler_on_every_loan_before_a_hand_written_fold_loop_is_reported() => Expect(Program("""
        public static class FoldReport
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var scaled = Standardizer.Fit({|#0:loans|}).Apply(loans);
                var scores = new List<double>();
                foreach (var fold in Folds.Of(scaled, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }))
                {
                    using var m = new LoanNet();
                    m.Fit(fold.Train.Select(i => scaled[i]).ToList());
                    scores.Add(m.Evaluate(fold.Validation.Select(i => scaled[i]).ToList()).Accuracy);
                }
                Console.WriteLine($"CV {scores.Average():P2}");
            }
        }
        """), "MLDSL0016");
}
