extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;
using MlDslGenerator = generator::MlDsl.Generators.MlDslGenerator;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Adversarial leakage cases written from the rule descriptions only (public notebooks, scikit-learn's
/// "common pitfalls", Kaggle kernels): both leakage analyzers run, as a user sees them, and the union of
/// their leakage diagnostics (MLDSL0016–0029) must be exactly the expected ids at the <c>{|#n:...|}</c> marks.
/// </summary>
public sealed partial class FreshLeakageCasesA
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Patient
        {
            [Feature] public float Glucose { get; init; }
            [Feature] public float Bmi { get; init; }
            [Feature] public float Age { get; init; }
            [Label(Classes = 2)] public int Diabetic { get; init; }
        }

        [Model(typeof(Patient))]
        public sealed partial class PatientNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record House
        {
            [Feature] public float Area { get; init; }
            [Feature] public float Rooms { get; init; }
            [Feature] public float DistrictPrice { get; init; }
            [Ignore] public string District { get; init; } = "";
            [Label] public float Price { get; init; }
        }

        [Model(typeof(House))]
        public sealed partial class HouseNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Churn
        {
            [Feature] public float Tenure { get; init; }
            [Feature] public float MonthlyCharges { get; init; }
            [Feature] public float Score { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }

        [Model(typeof(Churn))]
        public sealed partial class ChurnNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Review
        {
            [Ignore] public string Text { get; init; } = "";
            [Feature, Shape(16), Vocabulary(1000)] public int[] Tokens { get; init; } = Array.Empty<int>();
            [Label(Classes = 2)] public int Positive { get; init; }
        }

        [Dataset]
        public sealed partial record StoreDay
        {
            [Feature] public float Promo { get; init; }
            [Feature] public float LastWeekSales { get; init; }
            [Label] public float Sales { get; init; }
            [Timestamp] public DateTime Day { get; init; }
        }

        /// <summary>A line of the raw export, before it becomes a row.</summary>
        public sealed record RawPatient(float Glucose, float Bmi, float Age, int Outcome);

        /// <summary>A line of the billing export.</summary>
        public sealed record RawCustomer(float Tenure, float Charges, int Cancelled);

        """;

    /// <summary>A script class around <paramref name="body"/>, with the shared rows after it.</summary>
    private static string Script(string body) => Usings + "public static class Script\n{\n" + body + "\n}\n" + Rows;

    /// <summary>Declarations only (rows of one's own), with the usings.</summary>
    private static string Declarations(string types) => Usings + types;

    /// <summary>Both leakage analyzers' diagnostics must be exactly <paramref name="expected"/> at the marks (<see cref="LeakageExpectation"/>).</summary>
    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    // ───────────────────────── Kind 1: statistics learned from rows that reach validation or test (MLDSL0016)

    [Fact]
    public Task A_standardizer_fitted_on_all_patients_then_applied_and_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var scaler = Standardizer.Fit({|#0:all|});
            Patient[] scaled = scaler.Apply(all);
            var split = scaled.Split(new SplitOptions { Kind = SplitKind.Stratified });
            using var model = new PatientNet(seed: 1);
            model.Fit(split.Train, split.Validation);
            Console.WriteLine(model.Evaluate(split.Test).Accuracy);
        }
        """), "MLDSL0016");

    [Fact]
    public Task A_min_max_scaling_inside_a_helper_called_on_every_row_before_the_split_is_reported_at_the_call() => Expect(Script("""
        private static Patient[] Normalise(IReadOnlyList<Patient> rows)
        {
            var scaler = MinMaxScaler.Fit(rows);
            return scaler.Apply(rows);
        }

        public static void Main(IReadOnlyList<Patient> all)
        {
            Patient[] prepared = {|#0:Normalise(all)|};
            var (train, validation, test) = prepared.Split();
            using var model = new PatientNet();
            model.Fit(train, validation);
            Console.WriteLine(model.Evaluate(test).Accuracy);
        }
        """), "MLDSL0016");

    [Fact]
    public Task Dividing_by_the_maximum_over_every_row_before_the_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            float maxGlucose = {|#0:all.Max(p => p.Glucose)|};
            var normalised = all.Select(p => p with { Glucose = p.Glucose / maxGlucose }).ToList();
            var split = normalised.Split();
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0016");

    [Fact]
    public Task Filling_missing_bmi_with_the_mean_of_every_row_before_the_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            double meanBmi = {|#0:all.Where(p => !float.IsNaN(p.Bmi)).Average(p => p.Bmi)|};
            var filled = new List<Patient>();
            foreach (Patient p in all)
                filled.Add(float.IsNaN(p.Bmi) ? p with { Bmi = (float)meanBmi } : p);
            var split = filled.Split();
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0016");

    [Fact]
    public Task A_hand_written_target_mean_per_district_over_every_house_then_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<House> houses)
        {
            Dictionary<string, float> districtMean = {|#0:houses.GroupBy(h => h.District).ToDictionary(g => g.Key, g => g.Average(h => h.Price))|};
            var encoded = houses.Select(h => h with { {|#1:DistrictPrice = districtMean[h.District]|} }).ToList();
            var (train, validation, test) = encoded.Split();
            using var model = new HouseNet();
            model.Fit(train, validation);
        }
        """), "MLDSL0016", "MLDSL0017");

    [Fact]
    public Task A_median_imputer_fitted_on_every_row_and_split_through_deconstruction_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var imputer = Imputer.Fit({|#0:all|}, ImputeStrategy.Median);
            var (train, validation, test) = imputer.Apply(all).Split();
            using var model = new PatientNet();
            model.Fit(train, validation);
        }
        """), "MLDSL0016");

    // Expectation moved from the whole Fit call to its rows argument: MLDSL0016 marks the rows a step is
    // fitted on, as the tokenizer and scaler cases of this file do (the kind, 0016, is unchanged).
    [Fact]
    public Task Selecting_k_best_features_on_every_row_before_cross_validation_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var selector = SelectKBest.Fit({|#0:all|}, ScoreFunction.AnovaF, 2);
            Patient[] reduced = selector.Apply(all);
            var result = CrossValidation.Run(reduced, CrossValidation.TrainModel<Patient, PatientNet>(() => new PatientNet(seed: 1)));
            Console.WriteLine(result);
        }
        """), "MLDSL0016");

    [Fact]
    public Task A_tokenizer_fitted_on_every_review_before_the_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Review> reviews)
        {
            var tokenizer = Tokenizer.Fit({|#0:reviews|}, r => r.Text);
            var encoded = reviews.Select(r => r with { Tokens = tokenizer.Encode(r.Text) }).ToList();
            var split = encoded.Split(new SplitOptions { Kind = SplitKind.Stratified });
            Console.WriteLine(split.Train.Count);
        }
        """), "MLDSL0016");

    [Fact]
    public Task A_vocabulary_built_by_hand_from_every_review_before_the_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Review> reviews)
        {
            List<string> vocabulary = {|#0:reviews.SelectMany(r => r.Text.Split(' ')).Distinct().ToList()|};
            var encoded = reviews
                .Select(r => r with { Tokens = r.Text.Split(' ').Select(w => vocabulary.IndexOf(w) + 2).Take(16).ToArray() })
                .ToList();
            var split = encoded.Split();
            Console.WriteLine(split.Train.Count);
        }
        """), "MLDSL0016");

    [Fact]
    public Task A_scaler_fitted_on_training_and_test_rows_together_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var (train, validation, test) = all.Split();
            var scaler = MinMaxScaler.Fit({|#0:train.Concat(test).ToList()|});
            using var model = new PatientNet();
            model.Fit(scaler.Apply(train), scaler.Apply(validation));
            Console.WriteLine(model.Evaluate(scaler.Apply(test)).Accuracy);
        }
        """), "MLDSL0016");

    [Fact]
    public Task A_local_function_that_refits_the_scaler_on_the_test_rows_is_reported_at_that_call() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var split = all.Split();
            Patient[] Prepare(IReadOnlyList<Patient> rows) => Standardizer.Fit(rows).Apply(rows);
            Patient[] train = Prepare(split.Train);
            Patient[] test = {|#0:Prepare(split.Test)|};
            using var model = new PatientNet();
            model.Fit(train);
            Console.WriteLine(model.Evaluate(test).Accuracy);
        }
        """), "MLDSL0016");

    [Fact]
    public Task A_conditional_standardisation_of_every_row_before_the_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all, bool standardise)
        {
            IReadOnlyList<Patient> rows = standardise ? Standardizer.Fit({|#0:all|}).Apply(all) : all;
            var split = rows.Split();
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0016");

    [Fact]
    public Task An_ingest_method_that_standardises_every_row_is_reported() => Expect(Script("""
        public static void Main() { }
        """).Replace("public static class Script", """
        [Pipeline(typeof(PatientNet))]
        [Split(Kind = SplitKind.Stratified)]
        [Train(Epochs = 5)]
        public sealed partial class DiabetesPipeline
        {
            [Ingest]
            private static IReadOnlyList<Patient> Load()
            {
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("diabetes.csv");
                return Standardizer.Fit({|#0:rows|}).Apply(rows);
            }
        }

        public static class Script
        """), "MLDSL0016");

    [Fact]
    public Task Fix_standardizer_fitted_on_the_split_after_splitting_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var split = all.Split(new SplitOptions { Kind = SplitKind.Stratified });
            var scaler = Standardizer.Fit(split);
            using var model = new PatientNet(seed: 1);
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
            Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Accuracy);
        }
        """));

    [Fact]
    public Task Fix_maximum_of_the_training_rows_applied_to_every_part_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var (train, validation, test) = all.Split();
            float maxGlucose = train.Max(p => p.Glucose);
            List<Patient> Scale(IReadOnlyList<Patient> rows) => rows.Select(p => p with { Glucose = p.Glucose / maxGlucose }).ToList();
            using var model = new PatientNet();
            model.Fit(Scale(train), Scale(validation));
            Console.WriteLine(model.Evaluate(Scale(test)).Accuracy);
        }
        """));

    [Fact]
    public Task In_sample_district_price_means_of_the_training_houses_are_reported_as_the_label_inside_the_feature() => Expect(Script("""
        public static void Main(IReadOnlyList<House> houses)
        {
            var (train, validation, test) = houses.Split();
            var districtMean = train.GroupBy(h => h.District).ToDictionary(g => g.Key, g => g.Average(h => h.Price));
            float overall = train.Average(h => h.Price);
            House Encode(House h) => h with { {|#0:DistrictPrice = districtMean.TryGetValue(h.District, out float m) ? m : overall|} };
            using var model = new HouseNet();
            model.Fit(train.Select(Encode).ToList(), validation.Select(Encode).ToList());
            Console.WriteLine(model.Evaluate(test.Select(Encode).ToList()).MeanAbsoluteError);
        }
        """), "MLDSL0017");

    [Fact]
    public Task Fix_out_of_fold_target_encoding_of_the_training_houses_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<House> houses)
        {
            var split = houses.Split();
            var district = new CategoricalColumn<House>("District", h => h.District, (h, value) => h with { DistrictPrice = value });
            var encoded = TargetEncoder.FitApply(split.Train, district);
            using var model = new HouseNet();
            model.Fit(encoded.Train, encoded.Encoder.Apply(split.Validation));
            Console.WriteLine(model.Evaluate(encoded.Encoder.Apply(split.Test)).MeanAbsoluteError);
        }
        """));

    [Fact]
    public Task Fix_tokenizer_fitted_on_the_split_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Review> reviews)
        {
            var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
            var tokenizer = Tokenizer.Fit(split, r => r.Text);
            List<Review> Encode(IReadOnlyList<Review> rows) => rows.Select(r => r with { Tokens = tokenizer.Encode(r.Text) }).ToList();
            Console.WriteLine(Encode(split.Train).Count + Encode(split.Test).Count);
        }
        """));

    [Fact]
    public Task Look_alike_a_scaler_of_every_row_that_only_reaches_a_printout_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var summary = Standardizer.Fit(all);
            Console.WriteLine("means: " + string.Join(", ", summary.Shift) + " scales: " + string.Join(", ", summary.Scale));
            Console.WriteLine($"max glucose {all.Max(p => p.Glucose)}, diabetic share {all.Average(p => p.Diabetic)}");
            var split = all.Split();
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
        }
        """));

    [Fact]
    public Task Look_alike_a_scaler_fitted_on_a_part_of_the_training_part_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var (train, validation, test) = all.Split();
            var inner = train.Split(new SplitOptions { Validation = 0.2, Test = 0.0 });
            var scaler = MinMaxScaler.Fit(inner.Train);
            using var model = new PatientNet();
            model.Fit(scaler.Apply(inner.Train), scaler.Apply(inner.Validation));
            Console.WriteLine(model.Evaluate(scaler.Apply(test)).Accuracy);
        }
        """));

    [Fact]
    public Task Look_alike_a_standardizer_refitted_inside_each_cross_validation_fold_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var split = all.Split(new SplitOptions { Kind = SplitKind.Stratified });
            var result = CrossValidation.Run(split, CrossValidation.TrainModel<Patient, PatientNet>(() => new PatientNet(seed: 1)),
                new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 },
                prepare: foldTrain =>
                {
                    var scaler = Standardizer.Fit(foldTrain);
                    return rows => scaler.Apply(rows);
                });
            Console.WriteLine(result);
        }
        """));

    [Fact]
    public Task Look_alike_the_training_mean_fills_missing_values_of_the_test_rows_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var split = all.Split();
            float trainMean = split.Train.Where(p => !float.IsNaN(p.Bmi)).Average(p => p.Bmi);
            var train = split.Train.Select(p => float.IsNaN(p.Bmi) ? p with { Bmi = trainMean } : p).ToList();
            var test = split.Test.Select(p => float.IsNaN(p.Bmi) ? p with { Bmi = trainMean } : p).ToList();
            using var model = new PatientNet();
            model.Fit(train);
            Console.WriteLine(model.Evaluate(test).Accuracy);
        }
        """));

    [Fact]
    public Task Look_alike_refitting_the_scaler_on_every_row_to_ship_after_the_evaluation_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var split = all.Split();
            var scaler = Standardizer.Fit(split);
            using (var candidate = new PatientNet(seed: 1))
            {
                candidate.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(candidate.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }
            var final = Standardizer.Fit(all);
            final.Save("scaler.json");
            using var shipped = new PatientNet(seed: 1);
            shipped.Fit(final.Apply(all));
            shipped.Save("diabetes.mldsl");
        }
        """));

    // ───────────────────────── Kind 2: rows multiplied or invented before the split (MLDSL0026)

    [Fact]
    public Task Smote_on_every_customer_before_the_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            Churn[] balanced = {|#0:Oversampler.Smote(customers)|};
            var split = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
            using var model = new ChurnNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0026");

    [Fact]
    public Task Concatenating_the_churners_twice_before_the_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            var churners = customers.Where(c => c.Churned == 1).ToList();
            var balanced = {|#0:customers.Concat(churners).Concat(churners)|}.ToList();
            var (train, validation, test) = balanced.Split();
            using var model = new ChurnNet();
            model.Fit(train, validation);
        }
        """), "MLDSL0026");

    [Fact]
    public Task A_loop_that_adds_each_churner_twice_before_the_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            var rows = new List<Churn>();
            foreach (Churn c in customers)
            {
                rows.Add(c);
                if (c.Churned == 1)
                    {|#0:rows.Add(c)|};
            }
            var split = rows.Split();
            using var model = new ChurnNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0026");

    [Fact]
    public Task Jitter_augmentation_before_cross_validation_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var augmented = {|#0:all.SelectMany(p => new[] { p, p with { Glucose = p.Glucose * 1.02f }, p with { Glucose = p.Glucose * 0.98f } })|}.ToList();
            var result = CrossValidation.Run(augmented, CrossValidation.TrainModel<Patient, PatientNet>(() => new PatientNet()));
            Console.WriteLine(result);
        }
        """), "MLDSL0026");

    [Fact]
    public Task Random_oversampling_in_a_helper_called_before_the_split_is_reported_at_the_call() => Expect(Script("""
        private static IReadOnlyList<Churn> Balance(IReadOnlyList<Churn> rows)
        {
            Console.WriteLine($"before: {rows.Count(r => r.Churned == 1)} churners of {rows.Count}");
            return Oversampler.Random(rows, seed: 7);
        }

        public static void Main(IReadOnlyList<Churn> customers)
        {
            var split = {|#0:Balance(customers)|}.Split();
            using var model = new ChurnNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0026");

    [Fact]
    public Task A_bootstrap_sample_drawn_with_replacement_before_the_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var random = new Random(1);
            var bootstrap = {|#0:Enumerable.Range(0, all.Count).Select(_ => all[random.Next(all.Count)])|}.ToList();
            var split = bootstrap.Split();
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0026");

    [Fact]
    public Task A_collection_expression_that_spreads_the_churners_twice_before_the_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            Churn[] rows = {|#0:[.. customers, .. customers.Where(c => c.Churned == 1)]|};
            var split = rows.Split();
            using var model = new ChurnNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0026");

    [Fact]
    public Task Jitter_augmentation_before_the_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var augmented = {|#0:all.SelectMany(p => new[] { p, p with { Glucose = p.Glucose * 1.02f } })|}.ToList();
            var split = augmented.Split();
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0026");

    [Fact]
    public Task The_library_augmenter_on_every_row_before_a_stratified_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            Patient[] augmented = {|#0:Oversampler.Augment(all, (p, random) => p with { Bmi = p.Bmi + (float)random.NextDouble() * 0.1f }, copies: 2)|};
            var split = augmented.Split(new SplitOptions { Kind = SplitKind.Stratified });
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0026");

    [Fact]
    public Task Fix_smote_on_the_training_rows_after_the_split_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            var split = customers.Split(new SplitOptions { Kind = SplitKind.Stratified });
            Churn[] train = Oversampler.Smote(split.Train);
            using var model = new ChurnNet();
            model.Fit(train, split.Validation);
            Console.WriteLine(model.Evaluate(split.Test).Accuracy);
        }
        """));

    [Fact]
    public Task Fix_duplicating_the_training_churners_after_the_split_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            var (train, validation, test) = customers.Split();
            var balanced = train.Concat(train.Where(c => c.Churned == 1)).ToList();
            using var model = new ChurnNet();
            model.Fit(balanced, validation);
            Console.WriteLine(model.Evaluate(test).Accuracy);
        }
        """));

    [Fact]
    public Task Look_alike_undersampling_the_majority_and_joining_the_disjoint_classes_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            var stayers = customers.Where(c => c.Churned == 0).Take(500);
            var churners = customers.Where(c => c.Churned == 1);
            var balanced = stayers.Concat(churners).ToList();
            var split = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
            using var model = new ChurnNet();
            model.Fit(split.Train, split.Validation);
        }
        """));

    [Fact]
    public Task Look_alike_concatenating_two_months_of_exports_before_the_split_is_silent() => Expect(Script("""
        public static void Main()
        {
            var january = CsvFile.Read<Churn>("churn-2026-01.csv");
            var february = CsvFile.Read<Churn>("churn-2026-02.csv");
            var all = january.Concat(february).ToList();
            var split = all.Split();
            using var model = new ChurnNet();
            model.Fit(split.Train, split.Validation);
        }
        """));

    [Fact]
    public Task Look_alike_augmenting_the_training_part_of_the_training_part_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var (train, validation, test) = all.Split();
            var inner = train.Split(new SplitOptions { Validation = 0.2, Test = 0.0 });
            var augmented = inner.Train.SelectMany(p => new[] { p, p with { Glucose = p.Glucose * 1.02f } }).ToList();
            using var model = new PatientNet();
            model.Fit(augmented, inner.Validation);
            Console.WriteLine(model.Evaluate(test).Accuracy);
        }
        """));

    // ───────────────────────── Kind 3: in-sample stacking (MLDSL0028)

    [Fact]
    public Task Batch_predictions_of_a_model_fitted_on_every_row_used_as_a_feature_are_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            using var first = new ChurnNet(seed: 1);
            first.Fit(customers);
            int[] predicted = {|#0:first.Predict(customers)|};
            var stacked = customers.Select((c, i) => c with { Score = predicted[i] }).ToList();
            var split = stacked.Split();
            using var second = new ChurnNet(seed: 2);
            second.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0028");

    [Fact]
    public Task Inline_probabilities_of_a_model_fitted_on_every_row_used_as_a_feature_are_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            using var first = new ChurnNet(seed: 1);
            first.Fit(customers);
            var stacked = customers.Select(c => c with { Score = {|#0:first.PredictProbabilities(c)|}[1] }).ToList();
            var (train, validation, test) = stacked.Split();
            using var second = new ChurnNet(seed: 2);
            second.Fit(train, validation);
        }
        """), "MLDSL0028");

    [Fact]
    public Task Probabilities_of_a_model_on_its_own_training_rows_written_in_a_helper_are_reported() => Expect(Script("""
        private static Churn[] WithScore(ChurnNet model, IReadOnlyList<Churn> rows) =>
            rows.Select(r => r with { Score = model.PredictProbabilities(r)[1] }).ToArray();

        public static void Main(IReadOnlyList<Churn> customers)
        {
            var (train, validation, test) = customers.Split();
            using var first = new ChurnNet(seed: 1);
            first.Fit(train);
            Churn[] stackedTrain = {|#0:WithScore(first, train)|};
            using var second = new ChurnNet(seed: 2);
            second.Fit(stackedTrain, WithScore(first, validation));
        }
        """), "MLDSL0028");

    [Fact]
    public Task A_loop_writing_in_sample_predictions_of_a_regression_model_into_the_rows_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<House> houses)
        {
            using var baseModel = new HouseNet(seed: 1);
            baseModel.Fit(houses);
            var stacked = new List<House>();
            for (int i = 0; i < houses.Count; i++)
                stacked.Add(houses[i] with { DistrictPrice = {|#0:baseModel.Predict(houses[i])|} });
            var split = stacked.Split();
            using var meta = new HouseNet(seed: 2);
            meta.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0028");

    [Fact]
    public Task Fix_predictions_for_rows_the_first_model_never_saw_are_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            var (train, validation, test) = customers.Split();
            using var first = new ChurnNet(seed: 1);
            first.Fit(train);
            var validationStacked = validation.Select(c => c with { Score = first.PredictProbabilities(c)[1] }).ToList();
            var testStacked = test.Select(c => c with { Score = first.PredictProbabilities(c)[1] }).ToList();
            using var second = new ChurnNet(seed: 2);
            second.Fit(validationStacked);
            Console.WriteLine(second.Evaluate(testStacked).Accuracy);
        }
        """));

    [Fact]
    public Task Look_alike_out_of_fold_predictions_as_a_stacking_feature_are_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            var (train, validation, test) = customers.Split();
            var outOfFold = new Churn[train.Count];
            foreach (Fold fold in Folds.Of(train, new FoldOptions { Folds = 5 }))
            {
                using var model = new ChurnNet(seed: fold.Index);
                model.Fit(fold.Train.Select(i => train[i]).ToList());
                foreach (int i in fold.Validation)
                    outOfFold[i] = train[i] with { Score = model.PredictProbabilities(train[i])[1] };
            }
            using var second = new ChurnNet(seed: 9);
            second.Fit(outOfFold);
        }
        """));

    [Fact]
    public Task Look_alike_predictions_on_the_test_rows_only_printed_are_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            var split = customers.Split();
            using var model = new ChurnNet(seed: 1);
            model.Fit(split.Train, split.Validation);
            int[] predicted = model.Predict(split.Test);
            for (int i = 0; i < predicted.Length; i++)
                Console.WriteLine($"{split.Test[i].Tenure}: predicted {predicted[i]}, actual {split.Test[i].Churned}");
        }
        """));

    // ───────────────────────── Kind 4: label and feature entangled outside the record (MLDSL0017)

    [Fact]
    public Task A_label_thresholded_from_the_raw_value_a_feature_is_read_from_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<RawPatient> raws)
        {
            var rows = raws.Select(r => new Patient { Glucose = r.Glucose, Bmi = r.Bmi, Age = r.Age, {|#0:Diabetic = r.Glucose >= 126 ? 1 : 0|} }).ToList();
            var split = rows.Split();
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0017");

    [Fact]
    public Task Price_per_square_metre_computed_from_the_price_label_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<House> houses)
        {
            var engineered = houses.Select(h => h with { {|#0:DistrictPrice = h.Price / h.Area|} }).ToList();
            var split = engineered.Split();
            using var model = new HouseNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0017");

    [Fact]
    public Task A_churn_label_from_a_rule_over_features_in_a_helper_is_reported() => Expect(Script("""
        private static int LikelyToLeave(Churn c) => c.MonthlyCharges > 100 && c.Tenure < 3 ? 1 : 0;

        public static void Main(IReadOnlyList<Churn> customers)
        {
            var labelled = customers.Select(c => c with { {|#0:Churned = LikelyToLeave(c)|} }).ToList();
            var split = labelled.Split();
            using var model = new ChurnNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0017");

    [Fact]
    public Task A_feature_built_from_the_raw_outcome_in_a_loop_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<RawCustomer> raws)
        {
            var rows = new List<Churn>();
            foreach (RawCustomer raw in raws)
            {
                rows.Add(new Churn
                {
                    Tenure = raw.Tenure,
                    MonthlyCharges = raw.Charges,
                    {|#0:Score = raw.Cancelled * 10f + raw.Tenure|},
                    Churned = raw.Cancelled,
                });
            }
            var split = rows.Split();
            using var model = new ChurnNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0017");

    [Fact]
    public Task Fix_the_recorded_outcome_as_the_label_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<RawPatient> raws)
        {
            var rows = raws.Select(r => new Patient { Glucose = r.Glucose, Bmi = r.Bmi, Age = r.Age, Diabetic = r.Outcome }).ToList();
            var split = rows.Split();
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
        }
        """));

    [Fact]
    public Task Look_alike_last_weeks_sales_of_a_timestamped_dataset_as_a_feature_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<StoreDay> days)
        {
            var ordered = days.OrderBy(d => d.Day).ToList();
            var lagged = ordered.Select((d, i) => i < 7 ? d : d with { LastWeekSales = ordered[i - 7].Sales }).Skip(7).ToList();
            var split = lagged.Split(new SplitOptions { Kind = SplitKind.ByTime });
            Console.WriteLine(split.Train.Count);
        }
        """));

    [Fact]
    public Task Look_alike_a_feature_named_like_the_label_from_an_external_price_index_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<House> houses, IReadOnlyDictionary<string, float> officialIndex)
        {
            var rows = houses.Select(h => h with { DistrictPrice = officialIndex.TryGetValue(h.District, out float p) ? p : 0f }).ToList();
            var split = rows.Split();
            using var model = new HouseNet();
            model.Fit(split.Train, split.Validation);
        }
        """));

    [Fact]
    public Task Look_alike_a_feature_computed_from_two_other_features_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<RawPatient> raws)
        {
            var rows = raws.Select(r => new Patient { Glucose = r.Glucose, Bmi = r.Bmi * r.Age / 100f, Age = r.Age, Diabetic = r.Outcome }).ToList();
            var split = rows.Split();
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
        }
        """));

    // ───────────────────────── Kind 5: feature timing (MLDSL0029)

    [Fact]
    public Task A_refund_issued_after_the_fraud_label_used_as_a_feature_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Payment
        {
            [Feature] public float Amount { get; init; }
            [Feature, KnownAt(FeatureTiming.AfterLabel)] public float {|#0:RefundAmount|} { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }
        """), "MLDSL0029");

    [Fact]
    public Task A_discharge_code_recorded_with_the_outcome_in_its_own_attribute_list_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Admission
        {
            [Feature] public float Age { get; init; }
            [Feature]
            [KnownAt(FeatureTiming.WithLabel)]
            public float {|#0:DischargeCode|} { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }
        """), "MLDSL0029");

    [Fact]
    public Task Follow_up_visits_timed_with_the_qualified_enum_in_a_second_partial_declaration_are_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Discharge
        {
            [Feature] public float LengthOfStay { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        public sealed partial record Discharge
        {
            [Feature, KnownAt(MlDsl.FeatureTiming.AfterLabel)] public float {|#0:FollowUpVisits|} { get; init; }
        }
        """), "MLDSL0029");

    [Fact]
    public Task Fix_the_late_value_kept_as_ignored_metadata_is_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Payment
        {
            [Feature] public float Amount { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float RefundAmount { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }
        """));

    [Fact]
    public Task Look_alike_a_feature_declared_known_before_the_label_is_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Admission
        {
            [Feature, KnownAt(FeatureTiming.BeforeLabel)] public float PriorAdmissions { get; init; }
            [Feature] public float Age { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }
        """));

    [Fact]
    public Task Look_alike_a_late_value_kept_as_a_slice_for_analysis_is_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Admission
        {
            [Feature] public float Age { get; init; }
            [Slice, KnownAt(FeatureTiming.WithLabel)] public string DischargeWard { get; init; } = "";
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }
        """));

    // ───────────────────────── Kind 6: identifiers used as features (MLDSL0021)

    [Fact]
    public Task A_customer_id_used_as_a_feature_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Subscriber
        {
            [Feature] public int {|#0:CustomerId|} { get; init; }
            [Feature] public float Tenure { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }
        """), "MLDSL0021");

    [Fact]
    public Task A_pandas_index_column_read_as_a_row_number_feature_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Sensor
        {
            [Feature, Column("Unnamed: 0")] public int {|#0:RowNumber|} { get; init; }
            [Feature] public float Temperature { get; init; }
            [Label(Classes = 2)] public int Fault { get; init; }
        }
        """), "MLDSL0021");

    [Fact]
    public Task A_patient_number_repeated_across_visits_used_as_a_feature_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Visit
        {
            [Feature] public int {|#0:PatientNumber|} { get; init; }
            [Feature] public float Heart { get; init; }
            [Label(Classes = 2)] public int Sick { get; init; }
        }
        """), "MLDSL0021");

    [Fact]
    public Task A_device_id_that_is_both_feature_and_group_key_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Vibration
        {
            [Feature, GroupKey] public int {|#0:DeviceID|} { get; init; }
            [Feature] public float Rms { get; init; }
            [Label(Classes = 2)] public int Failing { get; init; }
        }
        """), "MLDSL0021");

    [Fact]
    public Task Fix_the_customer_id_as_a_group_key_with_a_grouped_split_is_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Subscriber
        {
            [GroupKey] public int CustomerId { get; init; }
            [Feature] public float Tenure { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }

        public static class Script
        {
            public static void Main(IReadOnlyList<Subscriber> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped });
                Console.WriteLine(split.Train.Count);
            }
        }
        """));

    [Fact]
    public Task Look_alike_features_whose_names_end_in_id_but_are_not_identifiers_are_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Invoice
        {
            [Feature] public int Paid { get; init; }
            [Feature] public int Covid { get; init; }
            [Feature] public float Humid { get; init; }
            [Label(Classes = 2)] public int Late { get; init; }
        }
        """));

    [Fact]
    public Task Look_alike_an_ignored_order_id_kept_for_joining_is_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Order
        {
            [Ignore] public long OrderId { get; init; }
            [Feature] public float Basket { get; init; }
            [Feature] public int Items { get; init; }
            [Label(Classes = 2)] public int Returned { get; init; }
        }
        """));

    // ───────────────────────── Second batch: more styles and false-alarm probes

    [Fact]
    public Task Area_divided_by_the_district_mean_area_of_every_house_before_the_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<House> houses)
        {
            var meanArea = {|#0:houses.GroupBy(h => h.District).ToDictionary(g => g.Key, g => g.Average(h => h.Area))|};
            var relative = houses.Select(h => h with { Area = h.Area / meanArea[h.District] }).ToList();
            var split = relative.Split();
            using var model = new HouseNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0016");

    [Fact]
    public Task An_evaluation_helper_that_fits_an_imputer_on_the_test_rows_it_scores_is_reported_at_the_call() => Expect(Script("""
        private static double TestAccuracy(PatientNet model, IReadOnlyList<Patient> test)
        {
            var imputer = Imputer.Fit({|#1:test|}, ImputeStrategy.Mean);
            return model.Evaluate(imputer.Apply(test)).Accuracy;
        }

        public static void Main(IReadOnlyList<Patient> all)
        {
            var split = all.Split();
            var imputer = Imputer.Fit(split, ImputeStrategy.Mean);
            using var model = new PatientNet();
            model.Fit(imputer.Apply(split.Train), imputer.Apply(split.Validation));
            Console.WriteLine({|#0:TestAccuracy(model, split.Test)|});
        }
        """), "MLDSL0016", "MLDSL0016");

    [Fact]
    public Task Look_alike_a_scaler_of_the_training_rows_applied_to_each_part_in_a_loop_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var split = all.Split();
            var scaler = Standardizer.Fit(split.Train);
            var parts = new List<Patient[]>();
            foreach (IReadOnlyList<Patient> part in new[] { split.Train, split.Validation, split.Test })
                parts.Add(scaler.Apply(part));
            using var model = new PatientNet();
            model.Fit(parts[0], parts[1]);
            Console.WriteLine(model.Evaluate(parts[2]).Accuracy);
        }
        """));

    [Fact]
    public Task Look_alike_a_scaler_fitted_on_a_separate_reference_population_file_is_silent() => Expect(Script("""
        public static void Main()
        {
            var reference = CsvFile.Read<Patient>("reference-population.csv");
            var scaler = Standardizer.Fit(reference);
            var cohort = scaler.Apply(CsvFile.Read<Patient>("cohort-2026.csv"));
            var split = cohort.Split();
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
        }
        """));

    [Fact]
    public Task Look_alike_a_fixed_unit_conversion_before_the_split_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            const float MgPerDlPerMmol = 18.0f;
            var converted = all.Select(p => p with { Glucose = p.Glucose / MgPerDlPerMmol }).ToList();
            var split = converted.Split();
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
        }
        """));

    [Fact]
    public Task Look_alike_a_hand_written_fold_loop_that_fits_the_scaler_on_each_folds_training_rows_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var (train, validation, test) = all.Split();
            var scores = new List<double>();
            foreach (Fold fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }))
            {
                var foldTrain = fold.Train.Select(i => train[i]).ToList();
                var foldValidation = fold.Validation.Select(i => train[i]).ToList();
                var scaler = Standardizer.Fit(foldTrain);
                using var model = new PatientNet(seed: fold.Index);
                model.Fit(scaler.Apply(foldTrain));
                scores.Add(model.Evaluate(scaler.Apply(foldValidation)).Accuracy);
            }
            Console.WriteLine(scores.Average());
        }
        """));

    [Fact]
    public Task Adding_the_diabetic_rows_again_with_AddRange_before_the_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var rows = all.ToList();
            {|#0:rows.AddRange(all.Where(p => p.Diabetic == 1))|};
            var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0026");

    [Fact]
    public Task Look_alike_oversampling_the_training_rows_through_a_helper_is_silent() => Expect(Script("""
        private static Churn[] Balance(IReadOnlyList<Churn> train) => Oversampler.Random(train, seed: 3);

        public static void Main(IReadOnlyList<Churn> customers)
        {
            var split = customers.Split(new SplitOptions { Kind = SplitKind.Stratified });
            using var model = new ChurnNet();
            model.Fit(Balance(split.Train), split.Validation);
            Console.WriteLine(model.Evaluate(split.Test).Accuracy);
        }
        """));

    [Fact]
    public Task Look_alike_test_time_augmentation_of_the_test_rows_after_training_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var split = all.Split();
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
            var jittered = split.Test.SelectMany(p => new[] { p, p with { Glucose = p.Glucose * 1.01f } }).ToList();
            Console.WriteLine(model.Evaluate(jittered).Accuracy);
        }
        """));

    [Fact]
    public Task Look_alike_last_years_model_scoring_this_years_customers_as_a_feature_is_silent() => Expect(Script("""
        public static void Main()
        {
            using var lastYear = new ChurnNet(seed: 1);
            lastYear.Fit(CsvFile.Read<Churn>("churn-2025.csv"));
            var rows = CsvFile.Read<Churn>("churn-2026.csv").Select(c => c with { Score = lastYear.Predict(c) }).ToList();
            var split = rows.Split();
            using var model = new ChurnNet(seed: 2);
            model.Fit(split.Train, split.Validation);
        }
        """));

    [Fact]
    public Task Look_alike_predictions_of_a_trained_model_on_every_row_written_to_a_report_are_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            var split = customers.Split();
            using var model = new ChurnNet(seed: 1);
            model.Fit(split.Train, split.Validation);
            int[] predicted = model.Predict(customers);
            System.IO.File.WriteAllLines("predictions.csv", customers.Select((c, i) => $"{c.Tenure},{c.Churned},{predicted[i]}"));
        }
        """));

    [Fact]
    public Task A_label_from_a_switch_over_tenure_in_a_local_function_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            Churn Relabel(Churn c) => c with { {|#0:Churned = c.Tenure switch { < 2 => 1, _ => 0 }|} };
            var split = customers.Select(Relabel).ToList().Split();
            using var model = new ChurnNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0017");

    [Fact]
    public Task Look_alike_a_label_from_a_raw_column_that_is_not_a_feature_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<RawCustomer> raws)
        {
            var rows = raws.Select(raw => new Churn { Tenure = raw.Tenure, MonthlyCharges = raw.Charges, Churned = raw.Cancelled > 0 ? 1 : 0 }).ToList();
            var split = rows.Split();
            using var model = new ChurnNet();
            model.Fit(split.Train, split.Validation);
        }
        """));

    [Fact]
    public Task A_computed_feature_that_reads_a_value_known_only_after_the_label_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Payment
        {
            [Feature] public float Amount { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float RefundAmount { get; init; }
            [Feature] public float {|#0:RefundShare|} => Amount > 0 ? RefundAmount / Amount : 0f;
            [Label(Classes = 2)] public int Fraud { get; init; }
        }
        """), "MLDSL0029");

    [Fact]
    public Task An_array_of_follow_up_measurements_known_after_the_label_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Stroke
        {
            [Feature] public float Age { get; init; }
            [Feature, Shape(4), KnownAt(FeatureTiming.AfterLabel)] public float[] {|#0:FollowUps|} { get; init; } = new float[4];
            [Label(Classes = 2)] public int Died { get; init; }
        }
        """), "MLDSL0029");

    [Fact]
    public Task Look_alike_wine_acidity_and_auction_bid_features_are_not_identifiers() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Wine
        {
            [Feature] public float CitricAcid { get; init; }
            [Feature] public float VolatileAcid { get; init; }
            [Feature] public int Bid { get; init; }
            [Label(Classes = 10)] public int Quality { get; init; }
        }
        """));

    [Fact]
    public Task A_string_transaction_id_used_as_a_feature_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Transfer
        {
            [Feature, Categories("a", "b")] public string {|#0:TransactionId|} { get; init; } = "";
            [Feature] public float Amount { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }
        """), "MLDSL0021");

    [Fact]
    public Task Standardised_rows_handed_to_a_helper_that_splits_and_trains_are_reported() => Expect(Script("""
        private static void TrainAndReport(IReadOnlyList<Patient> rows)
        {
            var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
            Console.WriteLine(model.Evaluate(split.Test).Accuracy);
        }

        public static void Main(IReadOnlyList<Patient> all)
        {
            Patient[] scaled = Standardizer.Fit({|#0:all|}).Apply(all);
            TrainAndReport(scaled);
        }
        """), "MLDSL0016");

    [Fact]
    public Task Smote_rows_handed_to_a_helper_that_splits_and_trains_are_reported() => Expect(Script("""
        private static void TrainAndReport(IReadOnlyList<Churn> rows)
        {
            var (train, validation, test) = rows.Split();
            using var model = new ChurnNet();
            model.Fit(train, validation);
            Console.WriteLine(model.Evaluate(test).Accuracy);
        }

        public static void Main(IReadOnlyList<Churn> customers)
        {
            TrainAndReport({|#0:Oversampler.Smote(customers)|});
        }
        """), "MLDSL0026");

    [Fact]
    public Task Look_alike_the_maximum_age_over_every_row_only_sizes_a_printed_histogram_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            int bins = (int)all.Max(p => p.Age) / 10 + 1;
            var histogram = new int[bins];
            foreach (Patient p in all)
                histogram[(int)p.Age / 10]++;
            for (int b = 0; b < bins; b++)
                Console.WriteLine($"{b * 10}-{b * 10 + 9}: {new string('#', histogram[b])}");
            var split = all.Split();
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
        }
        """));
}
