namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set S, the test part steering a choice (MLDSL0018): an optimiser named in a switch expression and kept by its test error
/// in a while loop, early stopping watching test inside an async helper, a theft threshold ranked in query syntax with
/// <c>let</c> by the thieves caught on test, epochs picked by a scorer kept in a <c>Func</c> field and given the test rows,
/// class weights from the test stock-out rate (Kapoor and Narayanan's "no test set" and "test set used for selection");
/// beside the same choices made on validation, with the test rows scored once.
/// </summary>
public sealed partial class FreshLeakageCasesS
{
    [Fact]
    public Task Optimiser_named_in_a_switch_expression_kept_by_test_error_in_a_while_loop_is_reported() => Expect(Program("""
        public static class PvStudy
        {
            private static FitOptions OptionsFor(string name) => name switch
            {
                "adam" => new FitOptions { Optimizer = OptimizerKind.Adam, LearningRate = 1e-3 },
                "sgd" => new FitOptions { Optimizer = OptimizerKind.Sgd, LearningRate = 1e-2 },
                _ => new FitOptions(),
            };

            public static void Run(string path)
            {
                var split = CsvFile.Read<PvHour>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                string[] names = { "adam", "sgd", "default" };
                string chosen = names[0];
                double bestError = double.MaxValue;
                int i = 0;
                while (i < names.Length)
                {
                    using var net = new PvNet(seed: 1);
                    net.Fit(split.Train, split.Validation, OptionsFor(names[i]));
                    double error = net.Evaluate({|#0:split.Test|}).MeanAbsoluteError;
                    if (error < bestError)
                    {
                        bestError = error;
                        chosen = names[i];
                    }
                    i++;
                }
                Console.WriteLine($"{chosen}: {bestError:F2} kW");
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Optimiser_kept_by_validation_error_in_a_while_loop_then_tested_once_stays_silent() => Expect(Program("""
        public static class PvStudy
        {
            private static FitOptions OptionsFor(string name) => name switch
            {
                "adam" => new FitOptions { Optimizer = OptimizerKind.Adam, LearningRate = 1e-3 },
                "sgd" => new FitOptions { Optimizer = OptimizerKind.Sgd, LearningRate = 1e-2 },
                _ => new FitOptions(),
            };

            public static void Run(string path)
            {
                var split = CsvFile.Read<PvHour>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                string[] names = { "adam", "sgd", "default" };
                string chosen = names[0];
                double bestError = double.MaxValue;
                int i = 0;
                while (i < names.Length)
                {
                    using var net = new PvNet(seed: 1);
                    net.Fit(split.Train, split.Validation, OptionsFor(names[i]));
                    double error = net.Evaluate(split.Validation).MeanAbsoluteError;
                    if (error < bestError)
                    {
                        bestError = error;
                        chosen = names[i];
                    }
                    i++;
                }
                using var final = new PvNet(seed: 1);
                final.Fit(split.Train, split.Validation, OptionsFor(chosen));
                Console.WriteLine($"{chosen}: {final.Evaluate(split.Test).MeanAbsoluteError:F2} kW on the last weeks");
            }
        }
        """));

    [Fact]
    public Task Early_stopping_on_the_test_hours_inside_an_async_helper_is_reported() => Expect(Program("""
        public static class PvStudy
        {
            private static async Task<PvNet> TrainAsync(IReadOnlyList<PvHour> train, IReadOnlyList<PvHour> watched)
            {
                await Task.Yield();
                var net = new PvNet(seed: 1);
                net.Fit(train, watched, new FitOptions { Epochs = 80, EarlyStoppingPatience = 6 });
                return net;
            }

            public static async Task Run(string path)
            {
                var split = CsvFile.Read<PvHour>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                using PvNet net = await TrainAsync(split.Train, {|#0:split.Test|});
                Console.WriteLine(net.Evaluate({|#1:split.Test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0018", "MLDSL0027");

    [Fact]
    public Task Early_stopping_on_the_validation_hours_inside_an_async_helper_stays_silent() => Expect(Program("""
        public static class PvStudy
        {
            private static async Task<PvNet> TrainAsync(IReadOnlyList<PvHour> train, IReadOnlyList<PvHour> watched)
            {
                await Task.Yield();
                var net = new PvNet(seed: 1);
                net.Fit(train, watched, new FitOptions { Epochs = 80, EarlyStoppingPatience = 6 });
                return net;
            }

            public static async Task Run(string path)
            {
                var split = CsvFile.Read<PvHour>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                using PvNet net = await TrainAsync(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Theft_threshold_ranked_in_query_syntax_by_thieves_caught_on_test_is_reported() => Expect(Program("""
        public static class TheftStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Meter>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TheftNet(seed: 1);
                net.Fit(train, validation);
                float[][] p = net.PredictProbabilities({|#0:test|});
                float[] cutoffs = { 0.3f, 0.4f, 0.5f, 0.6f, 0.7f };
                float cutoff = (from c in cutoffs
                                let caught = test.Where((m, i) => p[i][1] >= c && m.Theft == 1).Count()
                                let falseAlarms = test.Where((m, i) => p[i][1] >= c && m.Theft == 0).Count()
                                orderby caught - falseAlarms descending
                                select c).First();
                Console.WriteLine($"inspect meters above {cutoff}");
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Theft_threshold_ranked_in_query_syntax_on_validation_stays_silent() => Expect(Program("""
        public static class TheftStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Meter>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TheftNet(seed: 1);
                net.Fit(train, validation);
                float[][] p = net.PredictProbabilities(validation);
                float[] cutoffs = { 0.3f, 0.4f, 0.5f, 0.6f, 0.7f };
                float cutoff = (from c in cutoffs
                                let caught = validation.Where((m, i) => p[i][1] >= c && m.Theft == 1).Count()
                                let falseAlarms = validation.Where((m, i) => p[i][1] >= c && m.Theft == 0).Count()
                                orderby caught - falseAlarms descending
                                select c).First();
                float[][] q = net.PredictProbabilities(test);
                int caughtOnTest = test.Where((m, i) => q[i][1] >= cutoff && m.Theft == 1).Count();
                Console.WriteLine($"inspect meters above {cutoff}: {caughtOnTest} thieves caught on test");
            }
        }
        """));

    [Fact]
    public Task Epochs_picked_by_a_scorer_kept_in_a_func_field_given_the_test_weeks_are_reported() => Expect(Program("""
        public static class StockStudy
        {
            private static readonly Func<StockNet, IReadOnlyList<PharmacyWeek>, double> Score = (net, weeks) => net.Evaluate(weeks).Accuracy;

            public static void Run(string path)
            {
                var split = CsvFile.Read<PharmacyWeek>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                int bestEpochs = 0;
                double best = 0;
                foreach (int epochs in new[] { 10, 20, 40 })
                {
                    using var net = new StockNet(seed: 1);
                    net.Fit(split.Train, split.Validation, new FitOptions { Epochs = epochs });
                    double accuracy = Score(net, {|#0:split.Test|});
                    if (accuracy > best)
                    {
                        best = accuracy;
                        bestEpochs = epochs;
                    }
                }
                Console.WriteLine($"{bestEpochs} epochs");
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Epochs_picked_by_a_scorer_kept_in_a_func_field_on_validation_stay_silent() => Expect(Program("""
        public static class StockStudy
        {
            private static readonly Func<StockNet, IReadOnlyList<PharmacyWeek>, double> Score = (net, weeks) => net.Evaluate(weeks).Accuracy;

            public static void Run(string path)
            {
                var split = CsvFile.Read<PharmacyWeek>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                int bestEpochs = 0;
                double best = 0;
                foreach (int epochs in new[] { 10, 20, 40 })
                {
                    using var net = new StockNet(seed: 1);
                    net.Fit(split.Train, split.Validation, new FitOptions { Epochs = epochs });
                    double accuracy = Score(net, split.Validation);
                    if (accuracy > best)
                    {
                        best = accuracy;
                        bestEpochs = epochs;
                    }
                }
                using var final = new StockNet(seed: 1);
                final.Fit(split.Train, split.Validation, new FitOptions { Epochs = bestEpochs });
                Console.WriteLine($"{bestEpochs} epochs: {Score(final, split.Test):P1} on the last weeks");
            }
        }
        """));

    [Fact]
    public Task Class_weights_from_the_test_stock_out_rate_are_reported() => Expect(Program("""
        public static class StockStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<PharmacyWeek>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                float rate = (float){|#0:test.Average(w => w.StockOut)|};
                using var net = new StockNet(seed: 1);
                net.Fit(train, validation, new FitOptions { ClassWeights = new[] { 1f, (1 - rate) / rate } });
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Class_weights_from_the_training_stock_out_rate_stay_silent() => Expect(Program("""
        public static class StockStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<PharmacyWeek>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                float rate = (float)train.Average(w => w.StockOut);
                using var net = new StockNet(seed: 1);
                net.Fit(train, validation, new FitOptions { ClassWeights = new[] { 1f, (1 - rate) / rate } });
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));
}
