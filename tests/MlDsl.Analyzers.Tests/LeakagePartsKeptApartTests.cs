using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixQ's kinds, each with leaky variants written differently, their fixes and look-alikes that must stay silent:
/// a helper applied to each part in turn gives each call the part of its own argument (Q1); a dictionary of parts mapped
/// entry by entry keeps its entries apart (Q2); a split copied <c>with</c> new members, and a fit that also returns the
/// rows it was fitted on (Q4). Both leakage analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed class LeakagePartsKeptApartTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record House
        {
            [Feature] public float LotArea { get; init; }
            [Feature] public float GrLivArea { get; init; }
            [Feature] public float NeighborhoodPrice { get; init; }
            [Ignore] public string Neighborhood { get; init; } = "";
            [Label] public float SalePrice { get; init; }
        }

        [Model(typeof(House))]
        public sealed partial class HouseNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        public sealed class Rescaler
        {
            private readonly float largest;
            public Rescaler(float largest) => this.largest = largest;
            public List<House> Apply(IReadOnlyList<House> part) => part.Select(h => h with { LotArea = h.LotArea / largest }).ToList();
        }

        public static class Features
        {
            public static List<House> Rescaled(IReadOnlyList<House> part, float largest) => part.Select(h => h with { LotArea = h.LotArea / largest }).ToList();
        }
        """;

    private static string Script(string body) => Usings + "public static class Script\n{\n" + body + "\n}\n" + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    // ───────────── Q1: a helper applied to each part in turn: each result is the part of its own argument ─────────────

    /// <summary>A program whose three parts each go through <c>PREPARE(part)</c>, then to training, early stopping and the test score.</summary>
    private static string PerPart(string declare, string train, string validation, string test) => Script($$"""
            public static void Main()
            {
                var raw = CsvFile.Read<House>("houses.csv").Split(new SplitOptions { Validation = 0.15, Test = 0.15, Seed = 1 });
                float largest = raw.Train.Max(h => h.LotArea);
                {{declare}}
                using var net = new HouseNet();
                net.Fit({{train}}, {{validation}}, new FitOptions { Epochs = 50, EarlyStoppingPatience = 5 });
                Console.WriteLine($"test MAE {net.Evaluate({{test}}).MeanAbsoluteError:F0}");
            }
        """);

    private const string LocalFunction = "List<House> Rescale(IReadOnlyList<House> part) => part.Select(h => h with { LotArea = h.LotArea / largest }).ToList();";
    private const string StoredLambda = "Func<IReadOnlyList<House>, List<House>> Rescale = part => part.Select(h => h with { LotArea = h.LotArea / largest }).ToList();";

    [Fact]
    public Task Local_function_applied_to_each_part_is_silent() =>
        Expect(PerPart(LocalFunction, "Rescale(raw.Train)", "Rescale(raw.Validation)", "Rescale(raw.Test)"));

    [Fact]
    public Task Lambda_kept_in_a_local_applied_to_each_part_is_silent() =>
        Expect(PerPart(StoredLambda, "Rescale(raw.Train)", "Rescale(raw.Validation)", "Rescale(raw.Test)"));

    [Fact]
    public Task Static_helper_applied_to_each_part_is_silent() =>
        Expect(PerPart("", "Features.Rescaled(raw.Train, largest)", "Features.Rescaled(raw.Validation, largest)", "Features.Rescaled(raw.Test, largest)"));

    [Fact]
    public Task Instance_helper_applied_to_each_part_is_silent() =>
        Expect(PerPart("var rescaler = new Rescaler(largest);", "rescaler.Apply(raw.Train)", "rescaler.Apply(raw.Validation)", "rescaler.Apply(raw.Test)"));

    [Fact]
    public Task Parts_rescaled_into_a_named_tuple_is_silent() => Expect(PerPart(
        LocalFunction + "\n        var split = (Train: Rescale(raw.Train), Validation: Rescale(raw.Validation), Test: Rescale(raw.Test));",
        "split.Train", "split.Validation", "split.Test"));

    [Fact]
    public Task Parts_rescaled_into_a_new_split_is_silent() => Expect(PerPart(
        StoredLambda + "\n        var split = new DataSplit<House>(Rescale(raw.Train), Rescale(raw.Validation), Rescale(raw.Test), raw.Options);",
        "split.Train", "split.Validation", "split.Test"));

    [Fact]
    public Task New_split_whose_validation_is_the_rescaled_test_part_is_reported() => Expect(PerPart(
        LocalFunction + "\n        var split = new DataSplit<House>(Rescale(raw.Train), Rescale(raw.Test), Rescale(raw.Test), raw.Options);",
        "split.Train", "{|#0:split.Validation|}", "{|#1:split.Test|}"), "MLDSL0018", "MLDSL0027");

    [Fact]
    public Task Local_function_given_the_test_part_for_early_stopping_is_reported() =>
        Expect(PerPart(LocalFunction, "Rescale(raw.Train)", "{|#0:Rescale(raw.Test)|}", "{|#1:Rescale(raw.Test)|}"), "MLDSL0018", "MLDSL0027");

    [Fact]
    public Task Stored_lambda_given_the_test_part_for_early_stopping_is_reported() =>
        Expect(PerPart(StoredLambda, "Rescale(raw.Train)", "{|#0:Rescale(raw.Test)|}", "{|#1:Rescale(raw.Test)|}"), "MLDSL0018", "MLDSL0027");

    [Fact]
    public Task Named_tuple_whose_validation_holds_the_test_part_is_reported() => Expect(PerPart(
        LocalFunction + "\n        var split = (Train: Rescale(raw.Train), Validation: Rescale(raw.Test), Test: Rescale(raw.Test));",
        "split.Train", "{|#0:split.Validation|}", "{|#1:split.Test|}"), "MLDSL0018", "MLDSL0027");

    // ───────────── Q2: a dictionary of parts mapped entry by entry keeps its entries apart ─────────────

    private static string DictionaryOfParts(string fitOn, string values = "p => (IReadOnlyList<House>)scaler.Apply(p.Value)") => Script($$"""
            public static void Main()
            {
                var split = CsvFile.Read<House>("houses.csv").Split(new SplitOptions { Seed = 4 });
                var parts = new Dictionary<string, IReadOnlyList<House>> { ["train"] = split.Train, ["valid"] = split.Validation, ["test"] = split.Test };
                var scaler = Standardizer.Fit({{fitOn}});
                var scaled = parts.ToDictionary(p => p.Key, {{values}});
                using var net = new HouseNet();
                net.Fit(scaled["train"], scaled["valid"], new FitOptions { Epochs = 10 });
                Console.WriteLine($"test MAE {net.Evaluate(scaled["test"]).MeanAbsoluteError:F0}");
            }
        """);

    [Fact]
    public Task Scaler_fitted_on_the_train_entry_applied_to_every_entry_is_silent() => Expect(DictionaryOfParts("parts[\"train\"]"));

    [Fact]
    public Task Scaler_fitted_on_the_train_entry_applied_in_a_block_lambda_is_silent() =>
        Expect(DictionaryOfParts("parts[\"train\"]", "p => { IReadOnlyList<House> done = scaler.Apply(p.Value); return done; }"));

    [Fact]
    public Task Scaler_fitted_on_the_train_and_validation_entries_is_reported() =>
        Expect(DictionaryOfParts("{|#0:parts[\"train\"].Concat(parts[\"valid\"]).ToList()|}"), "MLDSL0016");

    [Fact]
    public Task Scaler_fitted_on_every_entry_is_reported() =>
        Expect(DictionaryOfParts("{|#0:parts.Values.SelectMany(p => p).ToList()|}"), "MLDSL0016");

    // ───────────── Q4: a split copied `with` new members; a fit that returns the rows it was fitted on ─────────────

    private static string SplitCopy(string copy, string fitOn) => Script($$"""
            public static void Main()
            {
                var split = CsvFile.Read<House>("houses.csv").Split(new SplitOptions { Seed = 5 });
                var copy = {{copy}};
                var scaler = Standardizer.Fit({{fitOn}});
                using var net = new HouseNet();
                net.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 10 });
                Console.WriteLine($"test MAE {net.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError:F0}");
            }
        """);

    [Fact]
    public Task Split_copy_whose_train_holds_the_validation_rows_is_reported() =>
        Expect(SplitCopy("split with { Train = split.Train.Union(split.Validation).ToList() }", "{|#0:copy|}"), "MLDSL0016");

    [Fact]
    public Task Split_copy_whose_train_is_the_test_part_is_reported() =>
        Expect(SplitCopy("split with { Train = split.Test, Test = split.Train }", "{|#0:copy|}"), "MLDSL0016");

    [Fact]
    public Task Split_copy_whose_test_holds_more_rows_is_silent() =>
        Expect(SplitCopy("split with { Test = split.Test.Concat(split.Validation).ToList() }", "copy"));

    [Fact]
    public Task Split_copy_with_its_train_rows_rescaled_is_silent() =>
        Expect(SplitCopy("split with { Train = split.Train.Select(h => h with { LotArea = h.LotArea / 2 }).ToList() }", "copy"));

    private static string EncodedThenSplit(string encode, string split, string validation, string test) => Script($$"""
            public static void Main()
            {
                var houses = CsvFile.Read<House>("houses.csv");
                var neighborhood = new CategoricalColumn<House>("Neighborhood", h => h.Neighborhood, (h, v) => h with { NeighborhoodPrice = v });
                {{encode}}
                var split = {{split}};
                using var net = new HouseNet();
                net.Fit(split.Train, {{validation}}, new FitOptions { Epochs = 30 });
                Console.WriteLine($"test MAE {net.Evaluate({{test}}).MeanAbsoluteError:F0}");
            }
        """);

    [Fact]
    public Task Target_encoding_of_every_house_split_in_one_chain_is_reported() => Expect(EncodedThenSplit(
        "",
        "TargetEncoder.FitApply({|#0:houses|}, neighborhood).Train.Split(new SplitOptions { Seed = 3 })", "split.Validation", "split.Test"), "MLDSL0016");

    [Fact]
    public Task Target_encoding_of_every_house_deconstructed_then_split_is_reported() => Expect(EncodedThenSplit(
        "var (encoder, rows) = TargetEncoder.FitApply({|#0:houses|}, neighborhood);",
        "rows.Split(new SplitOptions { Seed = 3 })", "split.Validation", "split.Test"), "MLDSL0016");

    [Fact]
    public Task Target_encoding_of_the_training_houses_applied_to_the_others_is_silent() => Expect(EncodedThenSplit(
        "var raw = houses.Split(new SplitOptions { Seed = 3 });\n        var encoded = TargetEncoder.FitApply(raw.Train, neighborhood);",
        "(Train: encoded.Train, Validation: encoded.Encoder.Apply(raw.Validation), Test: encoded.Encoder.Apply(raw.Test))", "split.Validation", "split.Test"));

    [Fact]
    public Task Target_encoder_of_the_training_houses_kept_apart_from_its_rows_is_silent() => Expect(EncodedThenSplit(
        "var raw = houses.Split(new SplitOptions { Seed = 3 });\n        var fitted = TargetEncoder.FitApply(raw.Train, neighborhood);\n        var encoder = fitted.Encoder;",
        "raw with { Train = fitted.Train, Validation = encoder.Apply(raw.Validation), Test = encoder.Apply(raw.Test) }", "split.Validation", "split.Test"));
}
