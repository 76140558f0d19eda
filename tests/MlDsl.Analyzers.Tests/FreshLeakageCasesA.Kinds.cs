namespace MlDsl.Analyzers.Tests;

/// <summary>
/// For each kind the adversary's cases showed missed or misreported: one more case in another style,
/// and one look-alike that must stay as it is.
/// </summary>
public sealed partial class FreshLeakageCasesA
{
    // ───────────────────────── a cross-validation, or a helper that splits, holds its rows out

    [Fact]
    public Task A_min_max_scaler_fitted_inline_on_every_row_before_cross_validation_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            Patient[] scaled = MinMaxScaler.Fit({|#0:all|}).Apply(all);
            Console.WriteLine(CrossValidation.Run(scaled, CrossValidation.TrainModel<Patient, PatientNet>(() => new PatientNet())));
        }
        """), "MLDSL0016");

    [Fact]
    public Task Look_alike_a_scaler_refitted_inside_each_fold_by_prepare_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var result = CrossValidation.Run(all, CrossValidation.TrainModel<Patient, PatientNet>(() => new PatientNet()),
                prepare: foldTrain =>
                {
                    var scaler = Standardizer.Fit(foldTrain);
                    return rows => scaler.Apply(rows);
                });
            Console.WriteLine(result);
        }
        """));

    [Fact]
    public Task Oversampled_rows_handed_to_a_helper_that_cross_validates_them_are_reported_at_the_oversampling() => Expect(Script("""
        private static double Score(IReadOnlyList<Churn> rows) =>
            CrossValidation.Run(rows, CrossValidation.TrainModel<Churn, ChurnNet>(() => new ChurnNet())).Mean;

        public static void Main(IReadOnlyList<Churn> customers)
        {
            var balanced = {|#0:Oversampler.Random(customers, seed: 3)|};
            Console.WriteLine(Score(balanced));
        }
        """), "MLDSL0026");

    [Fact]
    public Task Look_alike_a_helper_that_splits_rows_scaled_by_a_fixed_constant_is_silent() => Expect(Script("""
        private static void TrainAndReport(IReadOnlyList<Patient> rows)
        {
            var (train, validation, test) = rows.Split();
            using var model = new PatientNet();
            model.Fit(train, validation);
            Console.WriteLine(model.Evaluate(test).Accuracy);
        }

        public static void Main(IReadOnlyList<Patient> all)
        {
            TrainAndReport(all.Select(p => p with { Glucose = p.Glucose / 18f }).ToList());
        }
        """));

    // ───────────────────────── a vocabulary of distinct values

    [Fact]
    public Task A_category_list_of_every_district_used_to_encode_rows_before_the_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<House> houses)
        {
            string[] districts = {|#0:houses.Select(h => h.District).Distinct()|}.OrderBy(d => d).ToArray();
            var encoded = houses.Select(h => h with { DistrictPrice = Array.IndexOf(districts, h.District) }).ToList();
            var (train, validation, test) = encoded.Split();
            using var model = new HouseNet();
            model.Fit(train, validation);
        }
        """), "MLDSL0016");

    [Fact]
    public Task Look_alike_distinct_districts_only_printed_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<House> houses)
        {
            Console.WriteLine(string.Join(", ", houses.Select(h => h.District).Distinct()));
            var (train, validation, test) = houses.Split();
            using var model = new HouseNet();
            model.Fit(train, validation);
        }
        """));

    // ───────────────────────── rows copied by a bootstrap or a collection expression

    [Fact]
    public Task A_bootstrap_drawn_in_a_loop_before_the_split_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var random = new Random(5);
            var sample = new List<Patient>();
            for (int i = 0; i < all.Count; i++)
                {|#0:sample.Add(all[random.Next(all.Count)])|};
            var split = sample.Split();
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
        }
        """), "MLDSL0026");

    [Fact]
    public Task Look_alike_a_random_permutation_before_the_split_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var random = new Random(5);
            var shuffled = all.OrderBy(_ => random.Next()).ToList();
            var split = shuffled.Split();
            using var model = new PatientNet();
            model.Fit(split.Train, split.Validation);
        }
        """));

    [Fact]
    public Task A_collection_expression_with_the_same_rows_twice_before_cross_validation_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            List<Churn> churners = customers.Where(c => c.Churned == 1).ToList();
            List<Churn> rows = {|#0:[.. customers, .. churners]|};
            Console.WriteLine(CrossValidation.Run(rows, CrossValidation.TrainModel<Churn, ChurnNet>(() => new ChurnNet())));
        }
        """), "MLDSL0026");

    [Fact]
    public Task Look_alike_a_collection_expression_of_disjoint_parts_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            Churn[] rows = [.. customers.Where(c => c.Churned == 1), .. customers.Where(c => c.Churned == 0)];
            var split = rows.Split();
            using var model = new ChurnNet();
            model.Fit(split.Train, split.Validation);
        }
        """));

    // ───────────────────────── probabilities as in-sample features

    [Fact]
    public Task Probabilities_of_a_model_fitted_on_every_row_written_by_a_loop_are_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Churn> customers)
        {
            using var first = new ChurnNet(seed: 1);
            first.Fit(customers);
            float[][] probabilities = {|#0:first.PredictProbabilities(customers)|};
            var stacked = new List<Churn>();
            for (int i = 0; i < customers.Count; i++)
                stacked.Add(customers[i] with { Score = probabilities[i][1] });
            var (train, validation, test) = stacked.Split();
            using var second = new ChurnNet(seed: 2);
            second.Fit(train, validation);
        }
        """), "MLDSL0028");

    [Fact]
    public Task Look_alike_probabilities_of_a_model_trained_on_other_rows_written_by_a_helper_are_silent() => Expect(Script("""
        private static Churn[] WithScore(ChurnNet model, IReadOnlyList<Churn> rows) =>
            rows.Select(r => r with { Score = model.PredictProbabilities(r)[1] }).ToArray();

        public static void Main(IReadOnlyList<Churn> customers)
        {
            var (train, validation, test) = customers.Split();
            using var first = new ChurnNet(seed: 1);
            first.Fit(train);
            Churn[] stackedValidation = WithScore(first, validation);
            Console.WriteLine(stackedValidation.Length);
        }
        """));

    // ───────────────────────── parts of the data picked by a constant index

    [Fact]
    public Task Look_alike_parts_kept_in_an_array_by_index_then_trained_and_tested_are_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var (train, validation, test) = all.Split();
            var scaler = MinMaxScaler.Fit(train);
            Patient[][] parts = new[] { train, validation, test }.Select(part => scaler.Apply(part)).ToArray();
            using var model = new PatientNet();
            model.Fit(parts[0], parts[1]);
            Console.WriteLine(model.Evaluate(parts[2]).Accuracy);
        }
        """));

    [Fact]
    public Task The_same_part_picked_twice_for_training_and_scoring_is_reported() => Expect(Script("""
        public static void Main(IReadOnlyList<Patient> all)
        {
            var split = all.Split();
            var parts = new List<IReadOnlyList<Patient>> { split.Train, split.Validation, split.Test };
            using var model = new PatientNet();
            model.Fit(parts[0]);
            Console.WriteLine(model.Evaluate({|#0:parts[0]|}).Accuracy);
        }
        """), "MLDSL0027");

    // ───────────────────────── MLDSL0017: an aggregate's rows include the row being built; a filter's rows do not

    [Fact]
    public Task A_target_mean_per_district_whose_lambda_names_differ_from_the_rows_is_still_the_rows_own_label() => Expect(Script("""
        public static void Main(IReadOnlyList<House> houses)
        {
            var means = {|#0:houses.GroupBy(x => x.District).ToDictionary(group => group.Key, group => group.Average(member => member.Price))|};
            var encoded = houses.Select(house => house with { {|#1:DistrictPrice = means[house.District]|} }).ToList();
            var (train, validation, test) = encoded.Split();
            using var model = new HouseNet();
            model.Fit(train, validation);
        }
        """), "MLDSL0016", "MLDSL0017");

    [Fact]
    public Task Look_alike_a_feature_shifted_by_the_mean_area_of_expensive_training_houses_is_silent() => Expect(Script("""
        public static void Main(IReadOnlyList<House> houses)
        {
            var (train, validation, test) = houses.Split();
            float expensiveArea = train.Where(h => h.Price > 500_000).Average(h => h.Area);
            House[] Shift(IReadOnlyList<House> part) => part.Select(h => h with { Area = h.Area - expensiveArea }).ToArray();
            using var model = new HouseNet();
            model.Fit(Shift(train), Shift(validation));
            Console.WriteLine(model.Evaluate(Shift(test)).MeanAbsoluteError);
        }
        """));
}
