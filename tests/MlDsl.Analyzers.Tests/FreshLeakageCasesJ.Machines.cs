namespace MlDsl.Analyzers.Tests;

/// <summary>Set J, long correct bearing-failure programs on [GroupKey] rows (and single mistakes put into them).</summary>
public sealed partial class FreshLeakageCasesJ
{
    // ───────────── C13. Per-machine vibration mean from the training machines, grouped split, grouped CV, one test score ─────────────

    private const string MachineFeatures = """
        public static class MachineFeatures
        {
            private static Dictionary<int, float> MachineMeans(IEnumerable<Bearing> rows) =>
                rows.GroupBy(b => b.Machine).ToDictionary(g => g.Key, g => g.Average(b => b.Vibration));

            private static List<Bearing> WithMachineMean(IEnumerable<Bearing> rows, Dictionary<int, float> means, float fallback) =>
                rows.Select(b => b with { MachineVibration = means.TryGetValue(b.Machine, out float m) ? m : fallback }).ToList();

            public static void Main()
            {
                var bearings = CsvFile.Read<Bearing>("bearings.csv");
                var split = bearings.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.1, Test = 0.2 });
                var means = MachineMeans(split.Train);
                float fallback = split.Train.Average(b => b.Vibration);

                var grouped = new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 };
                var cv = CrossValidation.Run(split.Train, CrossValidation.TrainModel<Bearing, BearingNet>(() => new BearingNet(), new FitOptions { Epochs = 15 }), grouped,
                    foldTrain => { var m = MachineMeans(foldTrain); float f = foldTrain.Average(b => b.Vibration); return rows => WithMachineMean(rows, m, f).ToArray(); });
                Console.WriteLine($"grouped CV {cv}");

                using var model = new BearingNet();
                model.Fit(WithMachineMean(split.Train, means, fallback), WithMachineMean(split.Validation, means, fallback), new FitOptions { Epochs = 15 });
                Console.WriteLine($"test accuracy on unseen machines {model.Evaluate(WithMachineMean(split.Test, means, fallback)).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Machine_means_from_training_machines_with_grouped_split_and_folds_is_silent() => Expect(Program(MachineFeatures));

    [Fact]
    public Task Machine_means_split_at_random_is_reported() =>
        Expect(Program(Mutate(MachineFeatures, "bearings.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.1, Test = 0.2 })",
            "bearings.Split({|#0:new SplitOptions { Kind = SplitKind.Random, Validation = 0.1, Test = 0.2 }|})")), "MLDSL0019");

    [Fact]
    public Task Machine_means_fallback_from_every_bearing_is_reported() =>
        Expect(Program(Mutate(MachineFeatures, "float fallback = split.Train.Average(b => b.Vibration);", "float fallback = {|#0:bearings.Average(b => b.Vibration)|};")), "MLDSL0016");

    // ───────────── C14. Per-machine feature statistic over every bearing (no label read), then a grouped split ─────────────

    private const string MachineNormalised = """
        public static class MachineNormalised
        {
            public static void Main()
            {
                var bearings = CsvFile.Read<Bearing>("bearings.csv");
                var perMachine = bearings.GroupBy(b => b.Machine)
                    .ToDictionary(g => g.Key, g => (Mean: g.Average(b => b.Vibration), Max: g.Max(b => b.Temperature)));
                var rows = bearings.Select(b => b with
                {
                    MachineVibration = b.Vibration - perMachine[b.Machine].Mean,
                    Temperature = b.Temperature / perMachine[b.Machine].Max,
                }).ToList();
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new BearingNet();
                model.Fit(train, validation, new FitOptions { Epochs = 20, EarlyStoppingPatience = 4 });
                Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Per_machine_feature_statistics_over_every_bearing_then_a_grouped_split_is_silent() => Expect(Program(MachineNormalised));

    [Fact]
    public Task Per_machine_failure_rate_over_every_bearing_is_reported() =>
        Expect(Program(Mutate(MachineNormalised, "MachineVibration = b.Vibration - perMachine[b.Machine].Mean,",
            "{|#1:MachineVibration = failRate[b.Machine]|},")
            .Replace("var rows = bearings.Select(", "var failRate = {|#0:bearings.GroupBy(b => b.Machine).ToDictionary(g => g.Key, g => (float)g.Average(b => b.Failed))|};\n        var rows = bearings.Select(")),
            "MLDSL0016", "MLDSL0017");

    // ───────────── C15. Declarative bearing pipeline: grouped split, impute + select stage, SMOTE in training ─────────────

    private const string MachinePipeline = """
        [Pipeline(typeof(BearingNet), ClassNames = new[] { "healthy", "failing" })]
        [Split(Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 5)]
        [Transform(TransformKind.Standardize, Impute = ImputeStrategy.Median, SelectK = 3, SelectScore = ScoreFunction.AnovaF)]
        [Train(Epochs = 25, EarlyStoppingPatience = 5, Oversample = OversampleKind.Smote)]
        public sealed partial class MachinePipeline
        {
            [Ingest]
            private static IReadOnlyList<Bearing> Load()
            {
                var bearings = CsvFile.Read<Bearing>("bearings.csv");
                Console.WriteLine($"{bearings.Select(b => b.Machine).Distinct().Count()} machines, {bearings.Count} readings");
                return bearings.Where(b => b.Rpm > 100 && !float.IsNaN(b.Vibration)).ToList();
            }
        }
        """;

    [Fact]
    public Task Machine_pipeline_grouped_with_transform_and_smote_stages_is_silent() => Expect(Program(MachinePipeline));

    [Fact]
    public Task Machine_pipeline_ingest_smoting_every_reading_is_reported() =>
        Expect(Program(Mutate(MachinePipeline, "return bearings.Where(b => b.Rpm > 100 && !float.IsNaN(b.Vibration)).ToList();",
            "return {|#0:Oversampler.Smote(bearings.Where(b => b.Rpm > 100 && !float.IsNaN(b.Vibration)).ToList())|};")), "MLDSL0026");

    [Fact]
    public Task Machine_pipeline_stratified_is_reported() =>
        Expect(Program(Mutate(MachinePipeline, "[Split(Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 5)]",
            "[{|#0:Split(Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.2, Seed = 5)|}]")), "MLDSL0019");

    // ───────────── C16. Hand-written grouped split: shuffle the machines, take their readings ─────────────

    private const string MachineHandSplit = """
        public static class MachineHandSplit
        {
            public static void Main()
            {
                var bearings = CsvFile.Read<Bearing>("bearings.csv");
                var random = new Random(17);
                int[] machines = bearings.Select(b => b.Machine).Distinct().OrderBy(_ => random.Next()).ToArray();
                var testMachines = machines.Take(machines.Length / 5).ToHashSet();
                var train = bearings.Where(b => !testMachines.Contains(b.Machine)).ToList();
                var test = bearings.Where(b => testMachines.Contains(b.Machine)).ToList();

                var scaler = Standardizer.Fit(train);
                using var model = new BearingNet();
                model.Fit(scaler.Apply(train), null, new FitOptions { Epochs = 20 });
                var evaluation = model.Evaluate(scaler.Apply(test));
                Console.WriteLine($"held-out machines {testMachines.Count}: accuracy {evaluation.Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Machines_shuffled_then_their_readings_taken_is_silent() => Expect(Program(MachineHandSplit));

    [Fact]
    public Task Machine_readings_scaled_with_every_reading_is_reported() =>
        Expect(Program(Mutate(MachineHandSplit, "var scaler = Standardizer.Fit(train);", "var scaler = Standardizer.Fit({|#0:bearings|});")), "MLDSL0016");
}
