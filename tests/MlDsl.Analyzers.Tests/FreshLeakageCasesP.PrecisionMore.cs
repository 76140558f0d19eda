namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Precision, part 2: a grouped split and grouped folds done right, ids kept as metadata beside features whose names
/// look like ids, a vendor's score whose name resembles the label, de-duplication before the split, a refit on training
/// and validation after the choice, a label taken from a later measurement than the feature, a hand split in time order,
/// augmentation of the training part, a late member only printed, out-of-fold stacking, and a rolling feature mean.
/// </summary>
public sealed partial class FreshLeakageCasesP
{
    /// <summary>ICU stays split by patient, the rate chosen by grouped folds of the training stays, test scored once.</summary>
    [Fact]
    public Task Grouped_split_and_grouped_folds_stay_silent() => Expect(Program("""
        public static class IcuGrouped
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<IcuStay>(path).Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 5 });
                var search = GridSearch.CrossValidate(split.Train, new[] { 1e-2, 1e-3 },
                    rate => CrossValidation.TrainModel<IcuStay, IcuNet>(() => new IcuNet(seed: 5), new FitOptions { LearningRate = rate }),
                    new FoldOptions { Kind = FoldKind.Grouped, Folds = 4 });
                using var model = new IcuNet(seed: 5);
                model.Fit(split.Train, split.Validation, new FitOptions { LearningRate = search.BestParameters });
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    /// <summary>Ids kept as a group key and an ignored member; features whose names only start like ids (idle minutes, identity checks passed).</summary>
    [Fact]
    public Task Ids_kept_as_metadata_beside_id_like_feature_names_stay_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record TicketRow
        {
            [GroupKey] public int CustomerId { get; init; }
            [Ignore] public float TicketId { get; init; }
            [Feature] public float IdleMinutes { get; init; }
            [Feature] public float IdentityChecksPassed { get; init; }
            [Feature] public float Width { get; init; }
            [Label(Classes = 2)] public int Escalated { get; init; }
        }
        """));

    /// <summary>A churn-risk score bought from a vendor (computed before the month starts) copied into ModelScore; its name resembles the label.</summary>
    [Fact]
    public Task Vendor_score_named_like_the_label_stays_silent() => Expect(Program("""
        public sealed record TelcoRow(int Account, float Tenure, float MonthlyCharges, float SupportCalls, float Usage, float ChurnRiskFromVendor, int Churned);

        public static class ChurnVendor
        {
            public static void Run(IReadOnlyList<TelcoRow> telco)
            {
                var subscribers = telco.Select(t => new Subscriber
                {
                    Account = t.Account,
                    Tenure = t.Tenure,
                    MonthlyCharges = t.MonthlyCharges,
                    SupportCalls = t.SupportCalls,
                    Usage = t.Usage,
                    ModelScore = t.ChurnRiskFromVendor,
                    Churned = t.Churned,
                }).ToList();
                var split = subscribers.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new ChurnNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    /// <summary>Duplicate reviews dropped before the split.</summary>
    [Fact]
    public Task Duplicates_dropped_before_the_split_stay_silent() => Expect(Program("""
        public static class ReviewDedupHonest
        {
            public static void Run(string path)
            {
                var reviews = CsvFile.Read<Review>(path).DistinctBy(r => r.Text).ToList();
                var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReviewNet(seed: 6);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    /// <summary>The rate chosen on validation, then the model to ship refitted on training and validation days and scored once on test.</summary>
    [Fact]
    public Task Refit_on_training_and_validation_after_the_choice_scored_on_test_stays_silent() => Expect(Program("""
        public static class DemandShip
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<DemandDay>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                var search = GridSearch.OnValidation(split, new[] { 1e-2, 1e-3 },
                    rate => CrossValidation.TrainModel<DemandDay, DemandNet>(() => new DemandNet(seed: 2), new FitOptions { LearningRate = rate }));
                using var model = new DemandNet(seed: 2);
                model.Fit(split.Train.Concat(split.Validation).ToList(), null, new FitOptions { LearningRate = search.BestParameters });
                Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    /// <summary>The label is lactate 24 hours later above 4 mmol/L; the feature is lactate at admission: a later measurement, not the same value.</summary>
    [Fact]
    public Task Label_from_a_later_measurement_than_the_feature_stays_silent() => Expect(Program("""
        public sealed record AdmissionRow(int Patient, float HeartRate, float LactateAtAdmission, float MeanArterial, float SpO2, float Age, float LactateAt24Hours);

        public static class IcuLaterLabel
        {
            public static void Run(IReadOnlyList<AdmissionRow> admissions)
            {
                var stays = admissions.Select(a => new IcuStay
                {
                    Patient = a.Patient,
                    HeartRate = a.HeartRate,
                    Lactate = a.LactateAtAdmission,
                    MeanArterial = a.MeanArterial,
                    SpO2 = a.SpO2,
                    Age = a.Age,
                    Deteriorated = a.LactateAt24Hours > 4f ? 1 : 0,
                }).ToList();
                var split = stays.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new IcuNet(seed: 2);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    /// <summary>The demand history sorted by day, then the first 80% train and the rest test.</summary>
    [Fact]
    public Task Hand_split_by_position_after_sorting_by_day_stays_silent() => Expect(Program("""
        public static class DemandHandSplitHonest
        {
            public static void Run(string path)
            {
                var days = CsvFile.Read<DemandDay>(path).OrderBy(d => d.Day).ToList();
                int cut = days.Count * 8 / 10;
                var train = days.GetRange(0, cut);
                var test = days.GetRange(cut, days.Count - cut);
                using var model = new DemandNet(seed: 5);
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    /// <summary>Expression profiles jittered into two extra copies, training biopsies only, after the grouped split.</summary>
    [Fact]
    public Task Augmentation_of_the_training_part_after_a_grouped_split_stays_silent() => Expect(Program("""
        public static class RelapseAugment
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Biopsy>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                var augmented = Oversampler.Augment(split.Train,
                    (b, random) => b with { Expression = b.Expression.Select(v => v + (float)(0.01 * random.NextDouble())).ToArray() }, copies: 2);
                using var model = new BiopsyNet(seed: 4);
                model.Fit(augmented, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));
}
