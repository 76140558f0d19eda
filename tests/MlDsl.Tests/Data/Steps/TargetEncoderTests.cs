using System.Text.Json;
using MlDsl.Data.Encoding;
using MlDsl.Data.Splits;
using MlDsl.Data.Steps;
using static MlDsl.Tests.Data.Steps.SklearnReference;

namespace MlDsl.Tests.Data.Steps;

public sealed class TargetEncoderTests() : TemporaryFolder("mldsl-target-encoder")
{
    private static readonly CategoricalColumn<Purchase> Shop = new("Shop", row => row.Shop, (row, value) => row with { ShopEncoded = value });
    private static readonly CategoricalColumn<Spending> SpendingShop = new("Shop", row => row.Shop, (row, value) => row with { ShopEncoded = value });

    private static Purchase[] Purchases(JsonElement reference, string part = "categories") =>
        reference.GetProperty(part).Strings().Select((shop, i) => new Purchase
        {
            Shop = shop,
            Price = i,
            Bought = part == "categories" ? (int)reference.GetProperty("y").Doubles()[i] : 0,
        }).ToArray();

    private static TargetEncoderOptions Options(JsonElement reference) =>
        new() { Smooth = reference.GetProperty("smooth").ValueKind == JsonValueKind.String ? null : reference.GetProperty("smooth").GetDouble() };

    [Theory]
    [InlineData("binary_auto")]
    [InlineData("binary_smooth")]
    public void Binary_encodings_match_scikit_learns_TargetEncoder(string name)
    {
        JsonElement reference = Get("target_encoder", name);

        TargetEncoded<Purchase> fitted = TargetEncoder.FitApply(Purchases(reference), Shop, Options(reference));

        Check(reference, fitted.Encoder.Encodings, fitted.Encoder.TargetMean, fitted.Train.Select(row => row.ShopEncoded),
            fitted.Encoder.Apply(Purchases(reference, "new")).Select(row => row.ShopEncoded));
    }

    [Fact]
    public void Regression_encodings_match_scikit_learns_TargetEncoder()
    {
        JsonElement reference = Get("target_encoder", "continuous_auto");
        double[] y = reference.GetProperty("y").Doubles();
        Spending[] train = reference.GetProperty("categories").Strings().Select((shop, i) => new Spending { Shop = shop, Amount = (float)y[i] }).ToArray();
        Spending[] fresh = reference.GetProperty("new").Strings().Select(shop => new Spending { Shop = shop }).ToArray();

        TargetEncoded<Spending> fitted = TargetEncoder.FitApply(train, SpendingShop, Options(reference));

        Check(reference, fitted.Encoder.Encodings, fitted.Encoder.TargetMean, fitted.Train.Select(row => row.ShopEncoded),
            fitted.Encoder.Apply(fresh).Select(row => row.ShopEncoded));
    }

    private static void Check(JsonElement reference, IReadOnlyDictionary<string, double> encodings, double mean, IEnumerable<float> train, IEnumerable<float> fresh)
    {
        Close(reference.GetProperty("target_mean").GetDouble(), mean, what: "target mean");
        foreach (JsonProperty category in reference.GetProperty("encodings").EnumerateObject())
            Close(category.Value.GetDouble(), encodings[category.Name], what: category.Name);
        // The written encodings are floats: compare at float precision.
        Close(reference.GetProperty("train_out").Doubles(), train.Select(value => (double)value).ToArray(), relative: 1e-6, absolute: 1e-7, what: "out of fold");
        Close(reference.GetProperty("new_out").Doubles(), fresh.Select(value => (double)value).ToArray(), relative: 1e-6, absolute: 1e-7, what: "new rows");
    }

    [Fact]
    public void Training_rows_are_encoded_without_their_own_label()
    {
        // Every shop is unique: a table fitted on all rows would hand each row its own label.
        Purchase[] rows = Enumerable.Range(0, 20).Select(i => new Purchase { Shop = $"shop{i}", Bought = i % 2 }).ToArray();

        TargetEncoded<Purchase> fitted = TargetEncoder.FitApply(rows, Shop, new TargetEncoderOptions { Smooth = 0 });

        Assert.All(fitted.Train, row => Assert.Equal(0.5f, row.ShopEncoded)); // each fold's mean, never the row's label
        Assert.Equal(1.0, fitted.Encoder.Encode("shop1"));
    }

    [Fact]
    public void Validation_and_test_rows_never_change_the_encoding()
    {
        JsonElement reference = Get("target_encoder", "binary_auto");
        Purchase[] train = Purchases(reference);
        Purchase[] others = train.Select(row => row with { Bought = 1 - row.Bought }).ToArray();

        TargetEncoding<Purchase> fromSplit = TargetEncoder.Fit(new DataSplit<Purchase>(train, others, others, new SplitOptions()), Shop);
        TargetEncoding<Purchase> fromEverything = TargetEncoder.Fit(train.Concat(others).ToArray(), Shop);

        Assert.Equal(TargetEncoder.Fit(train, Shop).Encodings, fromSplit.Encodings);
        Assert.NotEqual(fromSplit.Encodings, fromEverything.Encodings);
    }

    [Fact]
    public void A_saved_encoding_loads_and_encodes_identically()
    {
        JsonElement reference = Get("target_encoder", "binary_smooth");
        TargetEncoding<Purchase> encoding = TargetEncoder.Fit(Purchases(reference), Shop, Options(reference));
        string path = Path.Combine(Root, "shop.json");

        encoding.Save(path);
        TargetEncoding<Purchase> loaded = TargetEncoder.Load(path, Shop);

        Assert.Equal(encoding.Apply(Purchases(reference, "new")), loaded.Apply(Purchases(reference, "new")));
        Assert.Equal(2.0, loaded.Smooth);
        Assert.Contains("saved for column Shop, loaded for Region",
            Assert.Throws<InvalidDataException>(() => TargetEncoder.Load(path, Shop with { Name = "Region" })).Message);
    }

    [Fact]
    public void Multiclass_labels_null_categories_and_bad_options_are_refused()
    {
        var multiclass = new CategoricalColumn<Sample>("Group", row => row.Group.ToString(), (row, _) => row);
        Sample[] samples = StepRows.Samples([[1, 2, 3, 4], [1, 2, 3, 4]]);
        Purchase[] withNull = [new Purchase { Shop = "a" }, new Purchase { Shop = null }];

        Assert.Contains("expected a binary class label or a single regression value",
            Assert.Throws<DataStepException>(() => TargetEncoder.Fit(samples, multiclass)).Message);
        Assert.Contains("Purchase row 1: Shop is null", Assert.Throws<DataStepException>(() => TargetEncoder.Fit(withNull, Shop)).Message);
        Assert.Equal("Smooth", Assert.Throws<DataStepException>(() => TargetEncoder.Fit(withNull[..1], Shop, new TargetEncoderOptions { Smooth = -1 })).Option);
        Assert.Contains("holds no Purchase rows", Assert.Throws<DataStepException>(() => TargetEncoder.FitApply(Array.Empty<Purchase>(), Shop)).Message);
    }
}
