namespace MlDsl.Analyzers.Tests;

/// <summary>Set C, correct look-alikes in the same program structures: the analyzers must stay silent.</summary>
public sealed partial class FreshLeakageCasesC
{
    [Fact]
    public Task Class_field_scaler_fitted_in_constructor_on_the_training_part_only_is_silent() => Expect(Program("""
        public sealed class DiabetesStudy
        {
            private readonly DataSplit<Patient> split;
            private readonly Standardizer scaler;

            public DiabetesStudy(string path)
            {
                split = CsvFile.Read<Patient>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                scaler = Standardizer.Fit(split.Train);
            }

            public double Run()
            {
                using var net = new PatientNet();
                net.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                return net.Evaluate(scaler.Apply(split.Test)).Accuracy;
            }
        }
        """));

    [Fact]
    public Task Static_fields_holding_the_split_and_a_min_max_fitted_on_its_training_rows_are_silent() => Expect(Program("""
        public static class Prices
        {
            private static readonly DataSplit<House> Parts = CsvFile.Read<House>("data/houses.csv").Split();
            private static readonly MinMaxScaler Scaler = MinMaxScaler.Fit(Parts.Train);

            public static void Main()
            {
                using var net = new HouseNet();
                net.Fit(Scaler.Apply(Parts.Train), Scaler.Apply(Parts.Validation));
                Console.WriteLine(net.Evaluate(Scaler.Apply(Parts.Test)).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Dictionary_of_parts_choosing_on_valid_and_evaluating_test_once_at_the_end_is_silent() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var sets = new Dictionary<string, IReadOnlyList<Patient>>
                {
                    ["train"] = split.Train,
                    ["valid"] = split.Validation,
                    ["test"] = split.Test,
                };
                double best = 0, bestRate = 0;
                foreach (double rate in new[] { 1e-2, 3e-3, 1e-3 })
                {
                    using var candidate = new PatientNet();
                    candidate.Fit(sets["train"], sets["valid"], new FitOptions { LearningRate = rate });
                    double accuracy = candidate.Evaluate(sets["valid"]).Accuracy;
                    if (accuracy > best) { best = accuracy; bestRate = rate; }
                }
                using var final = new PatientNet();
                final.Fit(sets["train"], sets["valid"], new FitOptions { LearningRate = bestRate });
                Console.WriteLine($"test accuracy {final.Evaluate(sets["test"]).Accuracy:P1}");
            }
        """));

    [Fact]
    public Task Cross_validation_averaged_through_a_helper_on_grouped_folds_of_the_training_part_is_silent() => Expect(Script("""
            static double MeanAccuracy(IReadOnlyList<Visit> rows, double rate) =>
                CrossValidation.Run(rows, CrossValidation.TrainModel<Visit, VisitNet>(() => new VisitNet(), new FitOptions { LearningRate = rate }),
                    new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 }).Mean;

            public static void Main()
            {
                var split = CsvFile.Read<Visit>("falls.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                foreach (double rate in new[] { 1e-2, 1e-3 })
                    Console.WriteLine($"{rate}: {MeanAccuracy(split.Train, rate):P1}");
            }
        """));

    [Fact]
    public Task Exploration_on_all_rows_that_only_prints_statistics_and_a_fitted_scaler_is_silent() => Expect(Script("""
            public static void Main()
            {
                var all = CsvFile.Read<Patient>("pima.csv");
                Console.WriteLine($"mean glucose {all.Average(p => p.Glucose):F1}, max BMI {all.Max(p => p.Bmi):F1}");
                foreach (var g in from p in all group p by p.Diabetic into byLabel select (byLabel.Key, byLabel.Count()))
                    Console.WriteLine($"class {g.Key}: {g.Item2} rows");
                var overview = Standardizer.Fit(all);
                Console.WriteLine(string.Join(", ", overview.Features.Zip(overview.Scale, (f, s) => $"{f}={s:F2}")));

                var split = all.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scaler = Standardizer.Fit(split);
                using var net = new PatientNet();
                net.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(net.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }
        """));

    [Fact]
    public Task Query_syntax_mapping_the_recorded_outcome_to_the_label_is_silent() => Expect(Script("""
            public static IReadOnlyList<Patient> Load(IEnumerable<RawPatient> raws) =>
                (from raw in raws
                 where raw.Age >= 21 && raw.Glucose > 0
                 select new Patient { Glucose = raw.Glucose, Bmi = raw.Bmi, Age = raw.Age, Diabetic = raw.Outcome }).ToList();
        """));

    [Fact]
    public Task Query_syntax_lag_feature_from_the_previous_week_then_a_time_split_is_silent() => Expect(Script("""
            public static void Main()
            {
                var sales = CsvFile.Read<Sale>("sales.csv").OrderBy(s => s.Day).ToList();
                var lagged = (from i in Enumerable.Range(7, sales.Count - 7)
                              select sales[i] with { LastWeekUnits = sales[i - 7].Units }).ToList();
                var (train, validation, test) = lagged.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new SaleNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        """));

    [Fact]
    public Task Func_variable_fitting_on_its_first_argument_invoked_with_the_training_part_is_silent() => Expect(Script("""
            public static void Main()
            {
                Func<IReadOnlyList<House>, IReadOnlyList<House>, House[]> scaleBy = (fitRows, rows) => MinMaxScaler.Fit(fitRows).Apply(rows);
                var (train, validation, test) = CsvFile.Read<House>("houses.csv").Split();
                using var net = new HouseNet();
                net.Fit(scaleBy(train, train), scaleBy(train, validation));
                Console.WriteLine(net.Evaluate(scaleBy(train, test)).MeanAbsoluteError);
            }
        """));

    [Fact]
    public Task Yield_return_iterator_mirroring_only_the_training_scans_is_silent() => Expect(Script("""
            static IEnumerable<Scan> WithMirrors(IEnumerable<Scan> scans)
            {
                foreach (var scan in scans)
                {
                    yield return scan;
                    yield return scan with { Pixels = scan.Pixels.Reverse().ToArray() };
                }
            }

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Scan>("scans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var augmented = WithMirrors(train).ToList();
                using var net = new ScanNet();
                net.Fit(augmented, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        """));

    [Fact]
    public Task Generic_helper_returning_a_scaler_fitted_on_the_training_part_is_silent() => Expect(Script("""
            static MinMaxScaler FitOn<T>(IReadOnlyList<T> train) where T : IDatasetRow<T> => MinMaxScaler.Fit(train);

            public static void Main()
            {
                var split = CsvFile.Read<House>("houses.csv").Split();
                var scaler = FitOn(split.Train);
                using var net = new HouseNet();
                net.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(net.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError);
            }
        """));

    [Fact]
    public Task User_extension_method_oversampling_the_training_part_after_the_split_is_silent() => Expect(Program("""
        public static class Balancing
        {
            public static Patient[] Balanced(this IReadOnlyList<Patient> rows) => Oversampler.Smote(rows, k: 5, seed: 1);
        }

        public static class Program
        {
            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new PatientNet();
                net.Fit(split.Train.Balanced(), split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Switch_expression_choosing_a_smaller_or_full_validation_part_is_silent() => Expect(Script("""
            public static void Main(string[] args)
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                string mode = args.Length > 0 ? args[0] : "full";
                IReadOnlyList<Patient> watch = mode switch
                {
                    "quick" => split.Validation.Take(50).ToList(),
                    _ => split.Validation,
                };
                using var net = new PatientNet();
                net.Fit(split.Train, watch, new FitOptions { EarlyStoppingPatience = 4 });
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        """));

    [Fact]
    public Task Async_training_on_the_training_part_and_one_awaited_test_score_is_silent() => Expect(Script("""
            static async Task<SaleNet> TrainAsync(IReadOnlyList<Sale> train, IReadOnlyList<Sale> validation)
            {
                await Task.Yield();
                var net = new SaleNet();
                net.Fit(train, validation, new FitOptions { Epochs = 40, EarlyStoppingPatience = 5 });
                return net;
            }

            public static async Task Main()
            {
                var split = CsvFile.Read<Sale>("sales.csv").Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = await TrainAsync(split.Train, split.Validation);
                Console.WriteLine($"MAE {net.Evaluate(split.Test).MeanAbsoluteError:F2}");
            }
        """));

    [Fact]
    public Task Try_block_scoring_test_once_then_refitting_on_everything_to_ship_is_silent() => Expect(Script("""
            public static void Main()
            {
                var all = CsvFile.Read<Patient>("pima.csv");
                var split = all.Split(new SplitOptions { Kind = SplitKind.Stratified });
                try
                {
                    using var net = new PatientNet();
                    net.Fit(split.Train, split.Validation);
                    Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P1}");
                }
                finally
                {
                    Console.WriteLine("evaluation done");
                }
                using var shipped = new PatientNet();
                shipped.Fit(all, null, new FitOptions { Epochs = 10 });
                shipped.Save("artifacts/diabetes.pt");
            }
        """));

    [Fact]
    public Task Record_of_grouped_parts_passed_between_classes_with_validation_and_one_test_score_is_silent() => Expect(Program("""
        public sealed record Parts(IReadOnlyList<Visit> Train, IReadOnlyList<Visit> Validation, IReadOnlyList<Visit> Test);

        public static class Data
        {
            public static Parts Make(IReadOnlyList<Visit> rows)
            {
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Grouped });
                return new Parts(train, validation, test);
            }
        }

        public sealed class Trainer
        {
            public VisitNet Train(Parts parts)
            {
                var net = new VisitNet();
                net.Fit(parts.Train, parts.Validation, new FitOptions { EarlyStoppingPatience = 6 });
                return net;
            }
        }

        public static class Program
        {
            public static void Main()
            {
                var parts = Data.Make(CsvFile.Read<Visit>("falls.csv"));
                using var net = new Trainer().Train(parts);
                Console.WriteLine(net.Evaluate(parts.Test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Tuple_of_training_and_test_scores_printed_side_by_side_as_a_diagnosis_is_silent() => Expect(Script("""
            static (double Train, double Test) Scores(HouseNet net, IReadOnlyList<House> train, IReadOnlyList<House> test) =>
                (net.Evaluate(train).MeanAbsoluteError, net.Evaluate(test).MeanAbsoluteError);

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<House>("houses.csv").Split();
                using var net = new HouseNet();
                net.Fit(train, validation);
                var (trainMae, testMae) = Scores(net, train, test);
                Console.WriteLine($"train MAE {trainMae:F0}, test MAE {testMae:F0}, gap {testMae - trainMae:F0}");
            }
        """));

    [Fact]
    public Task Threshold_chosen_on_the_validation_slot_of_an_array_and_applied_to_test_once_is_silent() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var parts = new[] { split.Train, split.Validation, split.Test };
                using var net = new PatientNet();
                net.Fit(parts[0]);
                float[][] validationProbabilities = net.PredictProbabilities(parts[1]);
                float bestThreshold = 0.5f;
                int bestCorrect = -1;
                for (float t = 0.1f; t < 0.9f; t += 0.05f)
                {
                    int correct = 0;
                    for (int i = 0; i < parts[1].Count; i++)
                        if ((validationProbabilities[i][1] >= t ? 1 : 0) == parts[1][i].Diabetic) correct++;
                    if (correct > bestCorrect) { bestCorrect = correct; bestThreshold = t; }
                }
                float[][] testProbabilities = net.PredictProbabilities(parts[2]);
                int right = testProbabilities.Where((p, i) => (p[1] >= bestThreshold ? 1 : 0) == parts[2][i].Diabetic).Count();
                Console.WriteLine($"threshold {bestThreshold}: test accuracy {right / (double)parts[2].Count:P1}");
            }
        """));

    [Fact]
    public Task Out_parameters_with_a_test_score_compared_to_a_constant_gate_is_silent() => Expect(Script("""
            static void Divide(IReadOnlyList<Visit> rows, out IReadOnlyList<Visit> train, out IReadOnlyList<Visit> validation, out IReadOnlyList<Visit> test)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped });
                (train, validation, test) = (split.Train, split.Validation, split.Test);
            }

            public static int Main()
            {
                Divide(CsvFile.Read<Visit>("falls.csv"), out var train, out var validation, out var test);
                using var net = new VisitNet();
                net.Fit(train, validation, new FitOptions { EarlyStoppingPatience = 8 });
                double accuracy = net.Evaluate(test).Accuracy;
                if (accuracy < 0.8) { Console.Error.WriteLine("below the release bar"); return 1; }
                net.Save("artifacts/falls.pt");
                return 0;
            }
        """));

    [Fact]
    public Task Out_of_fold_stacking_over_the_training_part_with_fold_index_sets_is_silent() => Expect(Script("""
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<House>("houses.csv").Split();
                var outOfFold = new float[train.Count];
                foreach (var fold in Folds.Of(train, new FoldOptions { Folds = 5, Shuffle = true }))
                {
                    using var first = new HouseNet();
                    first.Fit(fold.Train.Select(i => train[i]).ToList());
                    foreach (int i in fold.Validation) outOfFold[i] = first.Predict(train[i]);
                }
                var stacked = train.Select((h, i) => h with { NeighbourPrice = outOfFold[i] }).ToList();
                using var firstOnTrain = new HouseNet();
                firstOnTrain.Fit(train);
                var testStacked = test.Select(h => h with { NeighbourPrice = firstOnTrain.Predict(h) }).ToList();
                using var second = new HouseNet();
                second.Fit(stacked);
                Console.WriteLine(second.Evaluate(testStacked).MeanAbsoluteError);
            }
        """));

    [Fact]
    public Task Inner_split_of_the_training_part_whose_test_slot_picks_the_epochs_is_silent() => Expect(Script("""
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var inner = train.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0, Test = 0.2, Seed = 9 });
                int bestEpochs = 10;
                double best = 0;
                foreach (int epochs in new[] { 10, 20, 40 })
                {
                    using var candidate = new PatientNet();
                    candidate.Fit(inner.Train, null, new FitOptions { Epochs = epochs });
                    double accuracy = candidate.Evaluate(inner.Test).Accuracy;
                    if (accuracy > best) { best = accuracy; bestEpochs = epochs; }
                }
                using var net = new PatientNet();
                net.Fit(train, validation, new FitOptions { Epochs = bestEpochs });
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        """));

    [Fact]
    public Task Pipeline_with_a_grouped_split_and_look_alike_feature_names_is_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Auction
        {
            [GroupKey] public int Seller { get; init; }
            [Feature] public float Bid { get; init; }
            [Feature] public int NumberOfBids { get; init; }
            [Feature] public int WeekNumber { get; init; }
            [Feature, KnownAt(FeatureTiming.BeforeLabel)] public float StartPrice { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float FinalPrice { get; init; }
            [Label(Classes = 2)] public int Sold { get; init; }
        }

        [Model(typeof(Auction))]
        public sealed partial class AuctionNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Pipeline(typeof(AuctionNet))]
        [Split(Kind = SplitKind.Grouped, Test = 0.2)]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 20, EarlyStoppingPatience = 4)]
        public sealed partial class AuctionPipeline
        {
            [Ingest] private static IReadOnlyList<Auction> Load() => CsvFile.Read<Auction>("auctions.csv");
        }
        """));

    [Fact]
    public Task Foreach_building_the_vocabulary_from_training_tweets_only_is_silent() => Expect(Script("""
            static int[] Encode(string text, Dictionary<string, int> vocabulary) =>
                text.Split(' ').Select(w => vocabulary.TryGetValue(w, out int id) ? id : 0)
                    .Concat(Enumerable.Repeat(0, 16)).Take(16).ToArray();

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Tweet>("tweets.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var vocabulary = new Dictionary<string, int>();
                foreach (var tweet in train)
                    foreach (var word in tweet.Text.Split(' '))
                        if (!vocabulary.ContainsKey(word) && vocabulary.Count < 999)
                            vocabulary[word] = vocabulary.Count + 1;
                List<Tweet> EncodeAll(IReadOnlyList<Tweet> rows) => rows.Select(t => t with { Tokens = Encode(t.Text, vocabulary) }).ToList();
                using var net = new TweetNet();
                net.Fit(EncodeAll(train), EncodeAll(validation));
                Console.WriteLine(net.Evaluate(EncodeAll(test)).Accuracy);
            }
        """));

    [Fact]
    public Task Foreach_over_a_dictionary_of_parts_scoring_each_in_turn_is_silent() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<House>("houses.csv").Split();
                using var net = new HouseNet();
                net.Fit(split.Train, split.Validation, new FitOptions { EarlyStoppingPatience = 5 });
                var parts = new Dictionary<string, IReadOnlyList<House>> { ["train"] = split.Train, ["validation"] = split.Validation, ["test"] = split.Test };
                foreach (var (name, rows) in parts)
                    Console.WriteLine($"{name,-10} MAE {net.Evaluate(rows).MeanAbsoluteError:F0}");
            }
        """));

    [Fact]
    public Task Query_syntax_selecting_training_rows_per_class_for_a_balanced_training_part_is_silent() => Expect(Script("""
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var positives = (from p in train where p.Diabetic == 1 select p).ToList();
                var negatives = (from p in train where p.Diabetic == 0 select p).Take(positives.Count * 2).ToList();
                var balanced = negatives.Concat(positives).ToList();
                using var net = new PatientNet();
                net.Fit(balanced, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        """));

    [Fact]
    public Task Static_imputer_property_fitted_lazily_on_the_training_part_is_silent() => Expect(Program("""
        public static class Clinic
        {
            private static readonly DataSplit<Patient> Split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
            private static Imputer? filler;
            public static Imputer Filler => filler ??= Imputer.Fit(Split.Train, ImputeStrategy.Median);

            public static void Main()
            {
                using var net = new PatientNet();
                net.Fit(Filler.Apply(Split.Train), Filler.Apply(Split.Validation));
                Console.WriteLine(net.Evaluate(Filler.Apply(Split.Test)).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Catch_block_falling_back_to_min_max_on_the_training_part_is_silent() => Expect(Script("""
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<House>("houses.csv").Split();
                AffineTransform scaler;
                try
                {
                    scaler = Standardizer.Fit(train);
                }
                catch (Exception e)
                {
                    Console.Error.WriteLine($"standardizing failed ({e.Message}); using min-max");
                    scaler = MinMaxScaler.Fit(train);
                }
                using var net = new HouseNet();
                net.Fit(scaler.Apply(train), scaler.Apply(validation));
                Console.WriteLine(net.Evaluate(scaler.Apply(test)).MeanAbsoluteError);
            }
        """));

    [Fact]
    public Task Helper_class_computing_class_weights_from_the_training_part_is_silent() => Expect(Program("""
        public static class Weights
        {
            public static float[] Balanced(IReadOnlyList<Visit> rows)
            {
                float fell = rows.Count(v => v.Fell == 1);
                return new[] { 1f, (rows.Count - fell) / Math.Max(fell, 1f) };
            }
        }

        public static class Program
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Visit>("falls.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new VisitNet();
                net.Fit(train, validation, new FitOptions { ClassWeights = Weights.Balanced(train) });
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Random_search_on_validation_inside_an_async_method_then_test_once_is_silent() => Expect(Script("""
            public static async Task Main()
            {
                await Task.Yield();
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var search = RandomSearch.OnValidation(split, random => Math.Pow(10, -4 + 3 * random.NextDouble()), 8, 1,
                    rate => CrossValidation.TrainModel<Patient, PatientNet>(() => new PatientNet(), new FitOptions { LearningRate = rate }));
                using var net = new PatientNet();
                net.Fit(split.Train, split.Validation, new FitOptions { LearningRate = search.BestParameters });
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        """));
}
