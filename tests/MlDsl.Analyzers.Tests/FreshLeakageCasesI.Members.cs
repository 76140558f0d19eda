namespace MlDsl.Analyzers.Tests;

public sealed partial class FreshLeakageCasesI
{
    // ───────────── 7. Households: grouped split, household spend from training households, oversampling on training only ─────────────

    private const string Households = """
        public sealed record MembershipConfig(string Path, int Seed, int Epochs, double Rate);

        public sealed class MembershipExperiment
        {
            private readonly MembershipConfig config;
            private readonly List<string> log = new();

            public MembershipExperiment(MembershipConfig config) => this.config = config;

            private static Member[] WithHouseholdSpend(IReadOnlyList<Member> rows, IReadOnlyDictionary<int, float> spend, float fallback) =>
                rows.Select(m => m with { HouseholdSpend = spend.TryGetValue(m.Household, out float s) ? s : fallback }).ToArray();

            private void Note(string line)
            {
                log.Add(line);
                Console.WriteLine(line);
            }

            public double Run()
            {
                IReadOnlyList<Member> rows = CsvFile.Read<Member>(config.Path);
                Note($"{rows.Count} members in {rows.Select(m => m.Household).Distinct().Count()} households; lapse rate {rows.Average(m => m.Lapsed):P1}");
                DataSplit<Member> split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.15, Seed = config.Seed });

                Dictionary<int, float> spend = split.Train.GroupBy(m => m.Household).ToDictionary(g => g.Key, g => g.Average(m => m.Spend));
                float fallback = split.Train.Average(m => m.Spend);
                Member[] train = WithHouseholdSpend(split.Train, spend, fallback);
                Member[] validation = WithHouseholdSpend(split.Validation, spend, fallback);
                Member[] test = WithHouseholdSpend(split.Test, spend, fallback);

                Member[] balanced = Oversampler.Random(train, seed: config.Seed);
                Note($"oversampled {train.Length} -> {balanced.Length} training rows");
                Standardizer scaler = Standardizer.Fit(train);
                using var model = new MemberNet(seed: config.Seed);
                FitReport report = model.Fit(scaler.Apply(balanced), scaler.Apply(validation), new FitOptions
                {
                    Epochs = config.Epochs, LearningRate = config.Rate, EarlyStoppingPatience = 3, Verbose = 0,
                });
                Note($"best epoch {report.BestEpoch}, train accuracy {report.Last.TrainAccuracy:P1} (diagnostic)");
                Evaluation score = model.Evaluate(scaler.Apply(test));
                Note($"test accuracy {score.Accuracy:P2}");
                File.WriteAllLines("membership.log", log);
                return score.Accuracy;
            }
        }

        public static class Program
        {
            public static void Main()
            {
                var accuracies = new[] { 1, 2, 3 }.Select(seed => new MembershipExperiment(new MembershipConfig("members.csv", seed, 25, 1e-3)).Run()).ToArray();
                Console.WriteLine($"over three splits: {accuracies.Average():P2} (min {accuracies.Min():P2})");
            }
        }
        """;

    [Fact]
    public Task Households_with_grouped_split_training_spend_and_oversampling_after_the_split_are_silent() => Expect(Program(Households));

    // Kind: rows multiplied before the split (MLDSL0026): oversampling every member, then splitting.
    [Fact]
    public Task Households_oversampled_before_the_split_are_reported() =>
        Expect(Program(Mutate(Households, "DataSplit<Member> split = rows.Split(", "DataSplit<Member> split = {|#0:Oversampler.Random(rows, seed: config.Seed)|}.Split(")), "MLDSL0026");

    // Kind: group leakage (MLDSL0019): the members of one household on both sides of a stratified split.
    [Fact]
    public Task Households_split_stratified_instead_of_grouped_are_reported() =>
        Expect(Program(Mutate(Households, "DataSplit<Member> split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.15, Seed = config.Seed });",
            "DataSplit<Member> split = rows.Split({|#0:new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.15, Seed = config.Seed }|});")), "MLDSL0019");

    // ───────────── 8. Households: grouped folds over training households, averaged; the whole-data summary only printed ─────────────

    private const string GroupedFolds = """
        public static class HouseholdFolds
        {
            private static double Fold(IReadOnlyList<Member> train, IReadOnlyList<Member> validation)
            {
                var means = train.GroupBy(m => m.Household).ToDictionary(g => g.Key, g => g.Average(m => m.Spend));
                float overall = train.Average(m => m.Spend);
                Member[] Encode(IReadOnlyList<Member> part) =>
                    part.Select(m => m with { HouseholdSpend = means.TryGetValue(m.Household, out float v) ? v : overall }).ToArray();
                Member[] t = Encode(train), v = Encode(validation);
                MinMaxScaler scaler = MinMaxScaler.Fit(t);
                using var net = new MemberNet(seed: 8);
                net.Fit(scaler.Apply(t), null, new FitOptions { Epochs = 15, Verbose = 0 });
                return net.Evaluate(scaler.Apply(v)).Accuracy;
            }

            public static void Main()
            {
                IReadOnlyList<Member> all = CsvFile.Read<Member>("members.csv");
                var perHousehold = all.GroupBy(m => m.Household).Select(g => g.Count()).ToArray();
                Console.WriteLine($"households: {perHousehold.Length}, median size {perHousehold.OrderBy(n => n).ElementAt(perHousehold.Length / 2)}");
                var describe = Standardizer.Fit(all);
                for (int f = 0; f < describe.Features.Count; f++)
                {
                    Console.WriteLine($"{describe.Features[f],-16} mean {describe.Shift[f]:F2} sd {describe.Scale[f]:F2}");
                }

                var split = all.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.0, Test = 0.2, Seed = 8 });
                CrossValidationResult cv = CrossValidation.Run(split.Train, Fold, new FoldOptions { Kind = FoldKind.Grouped, Folds = 4 });
                Console.WriteLine($"grouped 4-fold accuracy {cv.Mean:P2} ± {cv.StandardDeviation:P2}");
                foreach (FoldScore fold in cv.Folds) Console.WriteLine($"  fold {fold.Fold}: {fold.Score:P2} ({fold.ValidationRows} rows)");

                double test = Fold(split.Train, split.Test);
                Console.WriteLine($"held-out households: {test:P2}");
            }
        }
        """;

    [Fact]
    public Task Grouped_folds_with_fold_statistics_and_a_describe_scaler_on_all_rows_are_silent() => Expect(Program(GroupedFolds));

    // Kind: statistics from rows that reach test (MLDSL0016): the describe scaler, fitted on all rows, is used for the model.
    // The helper fits rows it reads itself whatever it is given, so the fit is the mistaken line, not a call of the helper.
    [Fact]
    public Task Describe_scaler_on_all_rows_reused_for_the_fold_model_is_reported() =>
        Expect(Program(Mutate(GroupedFolds, "MinMaxScaler scaler = MinMaxScaler.Fit(t);", "MinMaxScaler scaler = MinMaxScaler.Fit({|#0:CsvFile.Read<Member>(\"members.csv\")|});")), "MLDSL0016");

    // Kind: the test part steering a choice (MLDSL0018): the held-out households are scored inside a loop that picks the epochs.
    [Fact]
    public Task Held_out_households_scored_to_pick_the_seed_are_reported() =>
        Expect(Program(Mutate(GroupedFolds, "double test = Fold(split.Train, split.Test);",
            "double test = new[] { 1, 2, 3 }.Select(_ => {|#0:Fold(split.Train, split.Test)|}).Max();")), "MLDSL0018");
}
