namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set M, precision: correct programs that look like leaks (searches and choices made on training folds or validation,
/// fits that only feed a dashboard, lags and trailing windows, per-group statistics that a grouped split keeps on one
/// side, training-label statistics, error analysis after the final score).
/// </summary>
public sealed partial class FreshLeakageCasesM
{
    // scikit-learn's GridSearchCV on the training rows, then one test score (the "Nested versus non-nested
    // cross-validation" example's honest half).
    [Fact]
    public Task Grid_search_cross_validated_on_training_claims_then_tested_once_is_silent() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var (train, _, test) = claims.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0 });
                var search = GridSearch.CrossValidate(train, GridSearch.Grid(new[] { 1e-3, 3e-4 }, new[] { 20, 40 }),
                    p => CrossValidation.TrainModel<Claim, ClaimNet>(() => new ClaimNet(), new FitOptions { LearningRate = p.Item1, Epochs = p.Item2 }),
                    new FoldOptions { Kind = FoldKind.Stratified, Folds = 4 });
                var (rate, epochs) = search.BestParameters;
                using var net = new ClaimNet();
                net.Fit(train, null, new FitOptions { LearningRate = rate, Epochs = epochs });
                Console.WriteLine($"test accuracy {net.Evaluate(test).Accuracy:P2}");
            }
        }
        """));

    // A min-max scaler fitted on every reading by a dashboard helper that writes normalised curves for operators; the
    // model uses its own scaler fitted on the training readings.
    [Fact]
    public Task Dashboard_helper_normalising_every_reading_into_a_file_is_silent() => Expect(Program("""
        public static class Dashboard
        {
            public static void Export(IReadOnlyList<Reading> readings, string path)
            {
                var scaled = MinMaxScaler.Fit(readings).Apply(readings);
                File.WriteAllLines(path, scaled.Select(r => $"{r.Time:O},{r.Wind:F3},{r.Power:F3}"));
            }
        }

        public static class PowerCurve
        {
            public static void Main()
            {
                var readings = CsvFile.Read<Reading>("scada.csv");
                Dashboard.Export(readings, "curves.csv");
                var split = readings.Split(new SplitOptions { Kind = SplitKind.ByTime });
                var scaler = MinMaxScaler.Fit(split.Train);
                using var net = new TurbineNet();
                net.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(net.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError);
            }
        }
        """));

    // Lag through a time-keyed table filed under the next slot (pandas `shift(1)` on a DatetimeIndex): each record's
    // power is filed ten minutes later, so reading the current time gives the previous power.
    [Fact]
    public Task Previous_power_from_a_table_filed_ten_minutes_later_is_silent() => Expect(Program("""
        public static class PowerCurve
        {
            public static void Main()
            {
                var scada = Farm.Load("scada.csv");
                var previous = scada.ToDictionary(s => s.Time.AddMinutes(10), s => s.Power);
                var readings = scada.Skip(1).Select(s => new Reading
                {
                    Time = s.Time, Wind = s.Wind, Pitch = s.Pitch, Rotor = s.Rotor,
                    PowerLag1 = previous.GetValueOrDefault(s.Time, 0f),
                    Power = s.Power,
                }).ToList();
                var split = readings.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new TurbineNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    // A trailing hour of power (the six records before the current one) as the lag feature, in an indexed Select.
    [Fact]
    public Task Trailing_hour_of_power_before_each_record_is_silent() => Expect(Program("""
        public static class PowerCurve
        {
            public static void Main()
            {
                var scada = Farm.Load("scada.csv");
                var readings = scada.Select((s, i) => new Reading
                {
                    Time = s.Time, Wind = s.Wind, Pitch = s.Pitch, Rotor = s.Rotor,
                    PowerLag1 = i == 0 ? 0f : scada.Skip(Math.Max(0, i - 6)).Take(Math.Min(i, 6)).Average(p => p.Power),
                    Power = s.Power,
                }).ToList();
                var split = readings.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new TurbineNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    // The school's mean attendance as a context feature (multilevel modelling's group mean): the split is by school,
    // so every school's mean is learned from rows on its own side only.
    [Fact]
    public Task School_mean_attendance_before_a_split_by_school_is_silent() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Main()
            {
                var pupils = CsvFile.Read<Pupil>("pupils.csv");
                var schoolMean = pupils.GroupBy(p => p.School).ToDictionary(g => g.Key, g => g.Average(p => p.Attendance));
                var featured = pupils.Select(p => p with { Income = p.Income, Attendance = p.Attendance - schoolMean[p.School] }).ToList();
                var split = featured.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new PupilNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Class weights from the training labels (scikit-learn's class_weight="balanced" computed on y_train).
    [Fact]
    public Task Class_weights_from_the_training_claims_fraud_rate_is_silent() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var split = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                double rate = split.Train.Average(c => c.Fraud);
                using var net = new ClaimNet();
                net.Fit(split.Train, split.Validation, new FitOptions { ClassWeights = new[] { 1f, (float)((1 - rate) / rate) } });
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Error analysis after the final score: the test claims the model got most wrong, ordered by confidence and printed.
    [Fact]
    public Task Worst_test_mistakes_ordered_and_printed_after_the_final_score_is_silent() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var (train, validation, test) = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ClaimNet();
                net.Fit(train, validation, new FitOptions { EarlyStoppingPatience = 5, Epochs = 50 });
                Console.WriteLine($"test accuracy {net.Evaluate(test).Accuracy:P2}");
                var p = net.PredictProbabilities(test);
                var worst = test.Select((c, i) => (Claim: c, Wrong: Math.Abs(c.Fraud - p[i][1])))
                    .OrderByDescending(x => x.Wrong).Take(10);
                foreach (var (claim, wrong) in worst)
                    Console.WriteLine($"{claim.Garage,-12}{claim.Amount,10:F0}{wrong,8:F2}");
            }
        }
        """));

    // Learning rate chosen by the mean of fold scores over the training wines, with the fold's held-out part named
    // `test` as in many tutorials' loops (`X_test` inside KFold), then the real test part scored once.
    [Fact]
    public Task Rate_chosen_by_mean_fold_error_with_a_fold_part_named_test_is_silent() => Expect(Program("""
        public static class WineNotebook
        {
            public static void Main()
            {
                var wines = CsvFile.Read<Wine>("winequality-red.csv");
                var outer = wines.Split(new SplitOptions { Validation = 0 });
                var train = outer.Train;
                var meanError = new Dictionary<double, double>();
                foreach (var rate in new[] { 1e-2, 1e-3 })
                {
                    var errors = new List<double>();
                    foreach (var fold in Folds.Of(train, new FoldOptions { Folds = 5 }))
                    {
                        var fit = fold.Train.Select(i => train[i]).ToList();
                        var test = fold.Validation.Select(i => train[i]).ToList();
                        using var probe = new WineNet();
                        probe.Fit(fit, null, new FitOptions { LearningRate = rate });
                        errors.Add(probe.Evaluate(test).MeanAbsoluteError);
                    }
                    meanError[rate] = errors.Average();
                }
                double best = meanError.MinBy(kv => kv.Value).Key;
                using var net = new WineNet();
                net.Fit(train, null, new FitOptions { LearningRate = best });
                Console.WriteLine($"rate {best}: test MAE {net.Evaluate(outer.Test).MeanAbsoluteError:F2}");
            }
        }
        """));

    // A pipeline that imputes and standardises as stages (fitted on its training split by construction) over pupils
    // split by school.
    [Fact]
    public Task Dropout_pipeline_imputing_as_a_stage_split_by_school_is_silent() => Expect(Program("""
        [Pipeline(typeof(PupilNet), ClassNames = new[] { "stays", "drops out" })]
        [Split(Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.15)]
        [Transform(TransformKind.Standardize, Impute = ImputeStrategy.Median)]
        [Train(Epochs = 25, EarlyStoppingPatience = 3)]
        public sealed partial class DropoutPipeline
        {
            [Ingest] private static IReadOnlyList<Pupil> Load() => CsvFile.Read<Pupil>("pupils.csv").Where(p => p.Attendance > 0f).ToList();
        }
        """));

    // Stacking with a first model that only watched its validation rows (no early stopping): its predictions for those
    // validation rows are out-of-sample and train the second model.
    [Fact]
    public Task Second_model_on_predictions_for_rows_the_first_only_watched_is_silent() => Expect(Program("""
        public static class PowerCurve
        {
            public static void Main()
            {
                var readings = CsvFile.Read<Reading>("scada.csv");
                var (train, validation, test) = readings.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var first = new TurbineNet();
                first.Fit(train, validation, new FitOptions { Epochs = 30 });
                Reading Stack(Reading r) => r with { PowerLag1 = first.Predict(r) };
                using var second = new TurbineNet();
                second.Fit(validation.Select(Stack).ToList());
                Console.WriteLine(second.Evaluate(test.Select(Stack).ToList()).MeanAbsoluteError);
            }
        }
        """));
}
