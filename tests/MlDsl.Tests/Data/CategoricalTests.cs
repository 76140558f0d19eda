using MlDsl.Data;
using MlDsl.Data.Csv;
using MlDsl.Data.Transforms;
using MlDsl.Training;

namespace MlDsl.Tests.Data;

/// <summary>A row with a one-hot categorical feature and a string label with class names.</summary>
[Dataset]
public sealed partial record Fruit
{
    [Feature, Categories("red", "green", "yellow")] public required string Color { get; init; }
    [Feature] public float Weight { get; init; }
    [Label(Names = new[] { "apple", "banana" })] public required string Kind { get; init; }
}

[Model(typeof(Fruit))]
public sealed partial class FruitNet
{
    [Linear(8), Relu] Layer hidden;
    [Linear(2)] Layer output;
}

public sealed class CategoricalTests() : TemporaryFolder("mldsl-fruit")
{
    private static List<Fruit> Fruits(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => i % 2 == 0
            ? new Fruit { Color = random.Next(2) == 0 ? "red" : "green", Weight = 150 + random.Next(50), Kind = "apple" }
            : new Fruit { Color = "yellow", Weight = 110 + random.Next(40), Kind = "banana" }).ToList();
    }

    [Fact]
    public void Categories_are_written_one_hot_and_names_become_class_indices()
    {
        var rows = new[] { new Fruit { Color = "green", Weight = 160, Kind = "banana" } };

        (var features, var labels) = BatchCollator.Collate(rows, 0, 1);
        using var _ = features;
        using var __ = labels;

        Assert.Equal(new[] { 0f, 1f, 0f, 160f }, features.data<float>().ToArray());
        Assert.Equal(new long[] { 1 }, labels.data<long>().ToArray());
        Assert.Equal(new[] { "Color=red", "Color=green", "Color=yellow", "Weight" }, Fruit.FeatureNames);
    }

    [Fact]
    public void An_unknown_category_or_class_name_names_the_row_and_the_choices()
    {
        var badColor = new[] { new Fruit { Color = "red", Weight = 1, Kind = "apple" }, new Fruit { Color = "purple", Weight = 1, Kind = "apple" } };
        var badKind = new[] { new Fruit { Color = "red", Weight = 1, Kind = "cherry" } };

        Assert.Equal("Fruit row 1: Color should be one of red, green, yellow but is purple",
            Assert.Throws<RowDataException>(() => BatchCollator.Collate(badColor, 0, 2)).Message);
        Assert.Equal("Fruit row 0: Kind should be one of apple, banana but is cherry",
            Assert.Throws<RowDataException>(() => BatchCollator.Collate(badKind, 0, 1)).Message);
    }

    [Fact]
    public void Csv_text_reads_into_categories_and_named_classes_and_trains()
    {
        string path = Path.Combine(Root, "fruit.csv");
        File.WriteAllLines(path, new[] { "Kind,Weight,Color" }.Concat(Fruits(200, 3).Select(fruit => $"{fruit.Kind},{fruit.Weight},{fruit.Color}")));

        IReadOnlyList<Fruit> rows = CsvFile.Read<Fruit>(path);
        Fruit[] scaled = Standardizer.Fit(rows).Apply(rows);
        using var model = new FruitNet(seed: 2);
        model.Fit(scaled, options: new FitOptions { Epochs = 30, BatchSize = 20, LearningRate = 1e-2, Seed = 2 });

        Assert.Equal(rows.Select(row => row.Color), scaled.Select(row => row.Color)); // transforms leave categories be
#pragma warning disable MLDSL0027 // a learning check: the model must fit the very rows it trained on
        Assert.True(model.Evaluate(scaled).Accuracy > 0.95);
#pragma warning restore MLDSL0027
    }
}
