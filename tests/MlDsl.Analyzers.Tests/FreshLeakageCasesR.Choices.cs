namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set R, choices and scores: the test part steering a choice (MLDSL0018: a call-back threshold picked from test hits in a
/// tuple query, early stopping watching test, candidates in a dictionary compared on test, a learning rate picked by a
/// local function given to MinBy), scores on rows the model trained on (MLDSL0027: inside a grid search's fold scorer, in
/// a metrics report), in-sample stacking (MLDSL0028: a projection, a record with a method), the same rows for training
/// and validation (MLDSL0020: training + validation fitted with validation watched, a search API given the training rows
/// twice); beside the same programs choosing on validation, scoring folds on their validation rows, and stacking
/// predictions for rows the first model never saw.
/// </summary>
public sealed partial class FreshLeakageCasesR
{
    [Fact]
    public Task Call_back_threshold_picked_from_test_hits_in_a_tuple_query_is_reported() => Expect(Program("""
        public static class ChurnStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Caller>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ChurnNet(seed: 1);
                model.Fit(train, validation);
                float[][] probabilities = model.PredictProbabilities({|#0:test|});
                float[] thresholds = { 0.2f, 0.3f, 0.4f, 0.5f, 0.6f };
                var (threshold, hits) = thresholds
                    .Select(t => (t, hits: test.Where((c, i) => (probabilities[i][1] >= t ? 1 : 0) == c.Churned).Count()))
                    .MaxBy(p => p.hits);
                Console.WriteLine($"call back above {threshold}: {hits} right");
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Call_back_threshold_picked_from_validation_hits_then_counted_once_on_test_stays_silent() => Expect(Program("""
        public static class ChurnStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Caller>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ChurnNet(seed: 1);
                model.Fit(train, validation);
                float[][] validationProbabilities = model.PredictProbabilities(validation);
                float[] thresholds = { 0.2f, 0.3f, 0.4f, 0.5f, 0.6f };
                var (threshold, _) = thresholds
                    .Select(t => (t, hits: validation.Where((c, i) => (validationProbabilities[i][1] >= t ? 1 : 0) == c.Churned).Count()))
                    .MaxBy(p => p.hits);
                float[][] testProbabilities = model.PredictProbabilities(test);
                int right = test.Where((c, i) => (testProbabilities[i][1] >= threshold ? 1 : 0) == c.Churned).Count();
                Console.WriteLine($"call back above {threshold}: {right} of {test.Count} right on test");
            }
        }
        """));

    [Fact]
    public Task Early_stopping_watching_the_deconstructed_test_part_is_reported() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                var (train, _, test) = CsvFile.Read<FlightLeg>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new DelayNet(seed: 1);
                model.Fit(train, {|#0:test|}, new FitOptions { Epochs = 60, EarlyStoppingPatience = 5 });
                Console.WriteLine(model.Evaluate({|#1:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0018", "MLDSL0027");

    [Fact]
    public Task Candidates_in_a_dictionary_compared_on_test_are_reported() => Expect(Program("""
        public static class YieldStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<FieldSeason>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                var candidates = new Dictionary<string, FitOptions>
                {
                    ["slow"] = new FitOptions { LearningRate = 1e-4, Epochs = 80 },
                    ["fast"] = new FitOptions { LearningRate = 3e-3, Epochs = 20 },
                };
                var errors = new Dictionary<string, double>();
                foreach (var (name, options) in candidates)
                {
                    using var net = new CropNet(seed: 1);
                    net.Fit(split.Train, split.Validation, options);
                    errors[name] = net.Evaluate({|#0:split.Test|}).MeanAbsoluteError;
                }
                string chosen = errors.MinBy(kv => kv.Value).Key;
                Console.WriteLine($"keeping {chosen}");
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Candidates_in_a_dictionary_compared_on_validation_then_tested_once_stay_silent() => Expect(Program("""
        public static class YieldStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<FieldSeason>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                var candidates = new Dictionary<string, FitOptions>
                {
                    ["slow"] = new FitOptions { LearningRate = 1e-4, Epochs = 80 },
                    ["fast"] = new FitOptions { LearningRate = 3e-3, Epochs = 20 },
                };
                var errors = new Dictionary<string, double>();
                foreach (var (name, options) in candidates)
                {
                    using var net = new CropNet(seed: 1);
                    net.Fit(split.Train, split.Validation, options);
                    errors[name] = net.Evaluate(split.Validation).MeanAbsoluteError;
                }
                string chosen = errors.MinBy(kv => kv.Value).Key;
                using var final = new CropNet(seed: 1);
                final.Fit(split.Train, split.Validation, candidates[chosen]);
                Console.WriteLine($"{chosen}: {final.Evaluate(split.Test).MeanAbsoluteError:F2} t/ha on held-out farms");
            }
        }
        """));

    [Fact]
    public Task Learning_rate_picked_by_a_local_function_given_to_min_by_is_reported() => Expect(Program("""
        public static class DemandStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<BikeHour>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                IReadOnlyList<BikeHour> holdout = split.Test;
                double HoldoutError(double rate)
                {
                    using var net = new BikeNet(seed: 1);
                    net.Fit(split.Train, split.Validation, new FitOptions { LearningRate = rate });
                    return net.Evaluate({|#0:holdout|}).MeanAbsoluteError;
                }
                double[] rates = { 1e-4, 3e-4, 1e-3, 3e-3 };
                double best = rates.MinBy(HoldoutError);
                Console.WriteLine($"learning rate {best}");
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Grid_search_fold_scorer_scoring_its_fold_training_rows_is_reported() => Expect(Program("""
        public static class ChurnStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Caller>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                double[] rates = { 1e-4, 1e-3, 1e-2 };
                SearchResult<double> search = GridSearch.CrossValidate(train, rates, rate => (foldTrain, foldValidation) =>
                {
                    using var net = new ChurnNet(seed: 1);
                    net.Fit(foldTrain, null, new FitOptions { LearningRate = rate });
                    return net.Evaluate({|#0:foldTrain|}).Accuracy;
                }, new FoldOptions { Kind = FoldKind.Stratified });
                using var chosen = new ChurnNet(seed: 1);
                chosen.Fit(train, validation, new FitOptions { LearningRate = search.BestParameters });
                Console.WriteLine(chosen.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Grid_search_fold_scorer_scoring_its_fold_validation_rows_stays_silent() => Expect(Program("""
        public static class ChurnStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Caller>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                double[] rates = { 1e-4, 1e-3, 1e-2 };
                SearchResult<double> search = GridSearch.CrossValidate(train, rates, rate => (foldTrain, foldValidation) =>
                {
                    using var net = new ChurnNet(seed: 1);
                    net.Fit(foldTrain, null, new FitOptions { LearningRate = rate });
                    return net.Evaluate(foldValidation).Accuracy;
                }, new FoldOptions { Kind = FoldKind.Stratified });
                using var chosen = new ChurnNet(seed: 1);
                chosen.Fit(train, validation, new FitOptions { LearningRate = search.BestParameters });
                Console.WriteLine(chosen.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Metrics_report_of_the_training_sessions_alone_is_reported() => Expect(Program("""
        public static class HypotensionStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<DialysisSession>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new DialysisNet(seed: 1);
                model.Fit(split.Train);
                IEvaluationReport report = ModelAnalysis.Analyze(model, {|#0:split.Train|});
                Console.WriteLine(report);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Metrics_reports_of_training_and_held_out_sessions_side_by_side_stay_silent() => Expect(Program("""
        public static class HypotensionStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<DialysisSession>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new DialysisNet(seed: 1);
                model.Fit(split.Train);
                Console.WriteLine("seen patients: " + ModelAnalysis.Analyze(model, split.Train));
                Console.WriteLine("new patients:  " + ModelAnalysis.Analyze(model, split.Test));
            }
        }
        """));

    [Fact]
    public Task Delay_forecast_of_the_training_legs_stacked_as_a_feature_is_reported() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<FlightLeg>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var first = new DelayNet(seed: 1);
                first.Fit(train);
                List<FlightLeg> stacked = train.Select(l => l with { ForecastDelay = {|#0:first.Predict(l)|} }).ToList();
                using var second = new DelayNet(seed: 2);
                second.Fit(stacked, validation);
                Console.WriteLine(second.Evaluate(test.Select(l => l with { ForecastDelay = first.Predict(l) }).ToList()).MeanAbsoluteError);
            }
        }
        """), "MLDSL0028");

    [Fact]
    public Task Delay_forecast_of_legs_the_first_model_never_saw_stays_silent() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<FlightLeg>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var first = new DelayNet(seed: 1);
                first.Fit(train);
                List<FlightLeg> validationStacked = validation.Select(l => l with { ForecastDelay = first.Predict(l) }).ToList();
                using var second = new DelayNet(seed: 2);
                second.Fit(validationStacked);
                Console.WriteLine(second.Evaluate(test.Select(l => l with { ForecastDelay = first.Predict(l) }).ToList()).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Yield_forecast_from_a_record_method_over_the_training_seasons_is_reported() => Expect(Program("""
        public sealed record Stacker(CropNet Net)
        {
            public FieldSeason WithForecast(FieldSeason f) => f with { ForecastYield = {|#0:Net.Predict(f)|} };
        }

        public static class YieldStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<FieldSeason>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var first = new CropNet(seed: 1);
                first.Fit(split.Train);
                var stacker = new Stacker(first);
                List<FieldSeason> stacked = split.Train.Select(stacker.WithForecast).ToList();
                using var second = new CropNet(seed: 2);
                second.Fit(stacked);
                Console.WriteLine(second.Evaluate(split.Test.Select(stacker.WithForecast).ToList()).MeanAbsoluteError);
            }
        }
        """), "MLDSL0028");

    [Fact]
    public Task Training_and_validation_hours_fitted_while_validation_is_watched_are_reported() => Expect(Program("""
        public static class DemandStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<BikeHour>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                List<BikeHour> fitRows = split.Train.Concat(split.Validation).ToList();
                using var model = new BikeNet(seed: 1);
                model.Fit(fitRows, {|#0:split.Validation|}, new FitOptions { Epochs = 80, EarlyStoppingPatience = 6 });
                Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0020");

    [Fact]
    public Task Time_series_folds_picked_in_query_syntax_and_averaged_stay_silent() => Expect(Program("""
        public static class DemandStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<BikeHour> train = CsvFile.Read<BikeHour>(path).Split(new SplitOptions { Kind = SplitKind.ByTime }).Train;
                var errors = new List<double>();
                foreach (Fold fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 4 }))
                {
                    List<BikeHour> foldTrain = (from i in fold.Train select train[i]).ToList();
                    List<BikeHour> foldValidation = (from i in fold.Validation select train[i]).ToList();
                    using var net = new BikeNet(seed: fold.Index);
                    net.Fit(foldTrain, foldValidation);
                    errors.Add(net.Evaluate(foldValidation).MeanAbsoluteError);
                }
                Console.WriteLine($"mean absolute error {errors.Average():F1} rentals over {errors.Count} folds");
            }
        }
        """));

    [Fact]
    public Task Search_given_the_training_callers_as_its_validation_rows_is_reported() => Expect(Program("""
        public static class ChurnStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Caller>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                double[] rates = { 1e-4, 1e-3, 1e-2 };
                SearchResult<double> search = GridSearch.OnValidation(train, {|#0:train|}, rates,
                    rate => CrossValidation.TrainModel<Caller, ChurnNet>(() => new ChurnNet(seed: 1), new FitOptions { LearningRate = rate }));
                using var chosen = new ChurnNet(seed: 1);
                chosen.Fit(train, validation, new FitOptions { LearningRate = search.BestParameters });
                Console.WriteLine(chosen.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0020");

    [Fact]
    public Task Search_given_the_validation_callers_stays_silent() => Expect(Program("""
        public static class ChurnStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Caller>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                double[] rates = { 1e-4, 1e-3, 1e-2 };
                SearchResult<double> search = GridSearch.OnValidation(train, validation, rates,
                    rate => CrossValidation.TrainModel<Caller, ChurnNet>(() => new ChurnNet(seed: 1), new FitOptions { LearningRate = rate }));
                using var chosen = new ChurnNet(seed: 1);
                chosen.Fit(train, validation, new FitOptions { LearningRate = search.BestParameters });
                Console.WriteLine(chosen.Evaluate(test).Accuracy);
            }
        }
        """));
}
