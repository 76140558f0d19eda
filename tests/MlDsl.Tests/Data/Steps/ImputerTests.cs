using System.Text.Json;
using MlDsl.Data.Imputation;
using MlDsl.Data.Splits;
using MlDsl.Data.Steps;
using static MlDsl.Tests.Data.Steps.SklearnReference;

namespace MlDsl.Tests.Data.Steps;

public sealed class ImputerTests() : TemporaryFolder("mldsl-imputer")
{
    private static readonly JsonElement Reference = Get("imputer");
    private static Sample[] Train => StepRows.Samples(Reference.GetProperty("train").Matrix());
    private static Sample[] New => StepRows.Samples(Reference.GetProperty("new").Matrix());

    [Theory]
    [InlineData("mean", ImputeStrategy.Mean)]
    [InlineData("median", ImputeStrategy.Median)]
    [InlineData("most_frequent", ImputeStrategy.MostFrequent)]
    [InlineData("constant", ImputeStrategy.Constant)]
    public void Each_strategy_fills_and_flags_as_scikit_learns_SimpleImputer(string name, ImputeStrategy strategy)
    {
        JsonElement expected = Reference.GetProperty("strategies").GetProperty(name);

        Imputer imputer = Imputer.Fit(Train, new ImputerOptions { Strategy = strategy, FillValue = -1, AddMissingIndicator = true });

        Close(expected.GetProperty("statistics").Doubles(), imputer.Statistics.Select(value => (double)value).ToArray(), what: "statistics");
        Assert.Equal(expected.GetProperty("indicator_features").Ints(), imputer.IndicatorFeatures);
        foreach ((Sample[] rows, string part) in new[] { (Train, "train_out"), (New, "new_out") })
        {
            float[][] indicators = imputer.MissingIndicators(rows);
            Sample[] filled = imputer.Apply(rows);
            double[][] want = expected.GetProperty(part).Matrix();
            for (int i = 0; i < rows.Length; i++)
            {
                double[] got = filled[i].X.Select(value => (double)value).Concat(indicators[i].Select(value => (double)value)).ToArray();
                Close(want[i], got, what: $"{part} row {i}");
            }
        }
    }

    [Fact]
    public void Validation_and_test_rows_never_change_what_is_learned()
    {
        Sample[] train = Train, other = New;
        var split = new DataSplit<Sample>(train, other, other, new SplitOptions());
        var changed = split with { Validation = other.Select(row => row with { X = [1000, 1000, 1000, 1000] }).ToArray(), Test = [] };

        Imputer fromSplit = Imputer.Fit(split, ImputeStrategy.Mean), fromChanged = Imputer.Fit(changed, ImputeStrategy.Mean);
        Imputer fromEverything = Imputer.Fit(train.Concat(changed.Validation).ToArray(), ImputeStrategy.Mean);

        Assert.Equal(fromSplit.Statistics, fromChanged.Statistics);
        Assert.NotEqual(fromSplit.Statistics, fromEverything.Statistics); // so the comparison above could fail
    }

    [Fact]
    public void Present_values_are_never_changed_and_metadata_is_kept()
    {
        Sample[] rows = New;

        Sample[] filled = Imputer.Fit(Train, ImputeStrategy.Median).Apply(rows);

        for (int i = 0; i < rows.Length; i++)
        {
            for (int f = 0; f < 4; f++)
                if (!float.IsNaN(rows[i].X[f])) Assert.Equal(rows[i].X[f], filled[i].X[f]);
            Assert.DoesNotContain(filled[i].X, float.IsNaN);
            Assert.Equal(rows[i].Time, filled[i].Time);
        }
    }

    [Fact]
    public void Indicators_can_be_written_into_a_row_member()
    {
        Imputer imputer = Imputer.Fit(Train, new ImputerOptions { AddMissingIndicator = true });
        var seen = new List<float[]>();

        imputer.Apply(New, (row, indicators) => { seen.Add(indicators); return row; });

        Assert.Equal(imputer.MissingIndicators(New), seen);
    }

    [Fact]
    public void A_saved_imputer_loads_and_fills_identically()
    {
        Imputer imputer = Imputer.Fit(Train, new ImputerOptions { Strategy = ImputeStrategy.MostFrequent, AddMissingIndicator = true });
        string path = Path.Combine(Root, "imputer.json");

        imputer.Save(path);
        Imputer loaded = Imputer.Load(path);

        Assert.Equal(imputer.Statistics, loaded.Statistics);
        Assert.Equal(imputer.IndicatorFeatures, loaded.IndicatorFeatures);
        Assert.Equal(imputer.Apply(New).Select(row => row.X), loaded.Apply(New).Select(row => row.X));
    }

    [Fact]
    public void A_damaged_saved_imputer_is_refused_by_path()
    {
        string path = Path.Combine(Root, "broken.json");
        File.WriteAllText(path, """{ "Features": ["a", "b"], "Strategy": 1, "Statistics": [1], "IndicatorFeatures": [] }""");
        string garbage = Path.Combine(Root, "garbage.json");
        File.WriteAllText(garbage, "{ not json");

        Assert.Contains("2 features but 1 statistics", Assert.Throws<InvalidDataException>(() => Imputer.Load(path)).Message);
        Assert.StartsWith($"{garbage}: not a saved Imputer", Assert.Throws<InvalidDataException>(() => Imputer.Load(garbage)).Message);
    }

    [Fact]
    public void Empty_rows_or_no_strategy_are_refused_naming_the_option()
    {
        var empty = Assert.Throws<DataStepException>(() => Imputer.Fit(Array.Empty<Sample>(), ImputeStrategy.Mean));
        var none = Assert.Throws<DataStepException>(() => Imputer.Fit(Train, ImputeStrategy.None));

        Assert.Equal("train", empty.Option);
        Assert.Contains("holds no Sample rows", empty.Message);
        Assert.Equal("Strategy", none.Option);
        Assert.Contains("expected Mean, Median, MostFrequent or Constant", none.Message);
    }

    [Fact]
    public void Rows_of_another_dataset_are_refused()
    {
        Imputer imputer = Imputer.Fit(Train, ImputeStrategy.Mean);

        var error = Assert.Throws<InvalidOperationException>(() => imputer.Apply(new[] { new Purchase { Shop = "a", Price = 1 } }));

        Assert.Contains("but Purchase has [ShopEncoded, Price]", error.Message);
    }
}
