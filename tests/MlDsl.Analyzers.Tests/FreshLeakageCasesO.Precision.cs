namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set O, precision: correct programs that look like the kinds above and must stay silent — lags of the label known at
/// prediction time, a user's earlier purchases, a fit only for a printout, a "test" part inside the training rows,
/// time-series folds averaged by hand, a name like the label's, and a pipeline with the right split and stages.
/// </summary>
public sealed partial class FreshLeakageCasesO
{
    // Lag features (Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", lagged predictors; Kaggle M5 and
    // Walmart kernels): last week's and last year's sales of the same store, read from a table keyed by store and week.
    [Fact]
    public Task Last_week_and_last_year_sales_from_a_store_week_table_are_silent() => Expect(Program("""
        public static class SalesNotebook
        {
            public static void Main()
            {
                var tills = Tills.Load("walmart.csv");
                var sales = tills.ToDictionary(t => (t.Store, t.Week), t => t.Sales);
                var weeks = new List<StoreWeek>();
                foreach (var t in tills)
                {
                    if (!sales.TryGetValue((t.Store, t.Week.AddDays(-7)), out float lastWeek)) continue;
                    if (!sales.TryGetValue((t.Store, t.Week.AddDays(-364)), out float lastYear)) continue;
                    weeks.Add(new StoreWeek
                    {
                        Week = t.Week, Promo = t.Promo, Holiday = t.Holiday, Temperature = t.Temperature,
                        SalesLag1 = lastWeek, SalesLag52 = lastYear, Sales = t.Sales,
                    });
                }
                var split = weeks.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new StoreNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    // A trailing four-week mean of the label that ends before the current week, in an index loop over one store's weeks.
    [Fact]
    public Task Trailing_four_week_mean_ending_before_the_week_is_silent() => Expect(Program("""
        public static class SalesNotebook
        {
            public static void Main()
            {
                var store = Tills.Load("walmart.csv").Where(t => t.Store == 1).OrderBy(t => t.Week).ToList();
                var weeks = new List<StoreWeek>();
                for (int i = 52; i < store.Count; i++)
                {
                    float recent = store.Skip(i - 4).Take(4).Average(t => t.Sales);
                    weeks.Add(new StoreWeek
                    {
                        Week = store[i].Week, Promo = store[i].Promo, Holiday = store[i].Holiday,
                        Temperature = store[i].Temperature, SalesLag1 = recent, SalesLag52 = store[i - 52].Sales,
                        Sales = store[i].Sales,
                    });
                }
                var split = weeks.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new StoreNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    // A user's purchases in earlier visits (an expanding count of the label over the user's past, the "previous
    // conversions" feature of clickstream models), with a split by user.
    [Fact]
    public Task Purchases_in_the_users_earlier_visits_is_silent() => Expect(Program("""
        public static class ShopNotebook
        {
            public static void Main()
            {
                var sessions = new List<Session>();
                foreach (var user in Tracker.Load("visits.csv").GroupBy(v => v.User))
                {
                    int earlierPurchases = 0;
                    foreach (var visit in user.OrderBy(v => v.Start))
                    {
                        int bought = visit.Events.Contains("checkout") ? 1 : 0;
                        sessions.Add(new Session
                        {
                            User = visit.User, Clicks = visit.Clicks, Pages = visit.Pages, Dwell = visit.Dwell,
                            CartAdds = visit.CartAdds, Engagement = earlierPurchases, Purchased = bought,
                        });
                        earlierPurchases += bought;
                    }
                }
                var split = sessions.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new SessionNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Exploratory analysis (scikit-learn "Common pitfalls" shows the leak only when the fit reaches the model): medians
    // of every encounter printed as a missing-value report, then the imputer fitted on the training part.
    [Fact]
    public Task Imputer_fitted_on_every_encounter_only_for_a_printed_report_is_silent() => Expect(Program("""
        public static class ReadmissionNotebook
        {
            public static void Main()
            {
                var encounters = CsvFile.Read<Encounter>("diabetic_data.csv");
                var overview = Imputer.Fit(encounters, ImputeStrategy.Median);
                for (int f = 0; f < overview.Features.Count; f++)
                    Console.WriteLine($"{overview.Features[f],-16} median {overview.Statistics[f]:F1}");

                var split = encounters.Split(new SplitOptions { Kind = SplitKind.Grouped });
                var imputer = Imputer.Fit(split, ImputeStrategy.Median);
                using var net = new EncounterNet();
                net.Fit(imputer.Apply(split.Train), imputer.Apply(split.Validation));
                Console.WriteLine(net.Evaluate(imputer.Apply(split.Test)).Accuracy);
            }
        }
        """));

    // The "test" part of repeated splits made inside the training drives (Monte Carlo cross-validation over training
    // rows): the best learning rate kept by that inner score; the outer test scored once, after the choice.
    [Fact]
    public Task Learning_rate_chosen_on_inner_test_parts_of_the_training_drives_is_silent() => Expect(Program("""
        public static class DriveNotebook
        {
            public static void Main()
            {
                var split = CsvFile.Read<DriveDay>("smart.csv").Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 1 });
                double bestRate = 0, bestAccuracy = double.MinValue;
                foreach (var rate in new[] { 1e-4, 1e-3, 1e-2 })
                {
                    var accuracies = new List<double>();
                    for (int repeat = 0; repeat < 3; repeat++)
                    {
                        var inner = split.Train.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0, Test = 0.25, Seed = repeat });
                        using var candidate = new DriveNet();
                        candidate.Fit(inner.Train, options: new FitOptions { LearningRate = rate });
                        accuracies.Add(candidate.Evaluate(inner.Test).Accuracy);
                    }
                    if (accuracies.Average() > bestAccuracy) (bestRate, bestAccuracy) = (rate, accuracies.Average());
                }
                using var net = new DriveNet();
                net.Fit(split.Train, split.Validation, new FitOptions { LearningRate = bestRate });
                Console.WriteLine($"lr {bestRate}: test accuracy {net.Evaluate(split.Test).Accuracy:P1}");
            }
        }
        """));

    // Hand-written expanding-window folds over the training weeks (TimeSeriesSplit by hand), their errors averaged.
    [Fact]
    public Task Expanding_window_folds_over_training_weeks_averaged_by_hand_is_silent() => Expect(Program("""
        public static class SalesNotebook
        {
            public static void Main()
            {
                var split = CsvFile.Read<StoreWeek>("walmart.csv").Split(new SplitOptions { Kind = SplitKind.ByTime });
                var ordered = split.Train.OrderBy(w => w.Week).ToList();
                int block = ordered.Count / 5;
                var errors = new List<double>();
                for (int k = 1; k < 5; k++)
                {
                    var past = ordered.Take(k * block).ToList();
                    var next = ordered.Skip(k * block).Take(block).ToList();
                    using var net = new StoreNet();
                    net.Fit(past);
                    errors.Add(net.Evaluate(next).MeanAbsoluteError);
                }
                Console.WriteLine($"walk-forward MAE {errors.Average():F0} (worst {errors.Max():F0})");
            }
        }
        """));

    // A feature whose name resembles the label: the sales target management sets for each week before it starts.
    [Fact]
    public Task Weekly_sales_target_set_in_advance_as_a_feature_is_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record PlannedWeek
        {
            [Timestamp] public DateTime Week { get; init; }
            [Feature, KnownAt(FeatureTiming.BeforeLabel)] public float SalesTarget { get; init; }
            [Feature] public float Promo { get; init; }
            [Label] public float Sales { get; init; }
        }

        [Model(typeof(PlannedWeek))]
        public sealed partial class PlannedNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        public static class SalesNotebook
        {
            public static void Main()
            {
                var plans = File.ReadLines("plans.csv").Skip(1).Select(l => l.Split(',')).ToDictionary(f => DateTime.Parse(f[0]), f => float.Parse(f[1]));
                var weeks = CsvFile.Read<PlannedWeek>("sales.csv").Select(w => w with { SalesTarget = plans.GetValueOrDefault(w.Week) }).ToList();
                var split = weeks.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new PlannedNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    // A pipeline done right for grouped data: split by patient, median imputation and feature selection as stages
    // (fitted on the training encounters by the pipeline).
    [Fact]
    public Task Encounter_pipeline_grouped_with_imputation_and_selection_stages_is_silent() => Expect(Program("""
        [Pipeline(typeof(EncounterNet), ClassNames = new[] { "no", "readmitted" })]
        [Split(Kind = SplitKind.Grouped, Validation = 0.1, Test = 0.2, Seed = 13)]
        [Transform(TransformKind.Standardize, Impute = ImputeStrategy.Median, SelectK = 3, SelectScore = ScoreFunction.AnovaF)]
        [Train(Epochs = 30, EarlyStoppingPatience = 4)]
        public sealed partial class ReadmissionPipeline
        {
            [Ingest] private static IReadOnlyList<Encounter> Load() => CsvFile.Read<Encounter>("diabetic_data.csv");
        }
        """));
}
