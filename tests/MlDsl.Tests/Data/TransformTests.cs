using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Examples.BreastCancer;

namespace MlDsl.Tests.Data;

public sealed class TransformTests() : TemporaryFolder("mldsl-transform")
{
    [Fact]
    public void Standardizer_fitted_on_train_gives_train_zero_mean_and_unit_variance()
    {
        DataSplit<Tumour> split = BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 2 });

        Standardizer scaler = Standardizer.Fit(split);
        Tumour[] train = scaler.Apply(split.Train);

        for (int feature = 0; feature < 30; feature++)
        {
            double[] values = train.Select(row => (double)row.Measurements[feature]).ToArray();
            Assert.InRange(values.Average(), -1e-4, 1e-4);
            Assert.InRange(Math.Sqrt(values.Select(v => v * v).Average()), 0.999, 1.001);
        }
    }

    [Fact]
    public void Fitting_on_the_split_uses_only_its_training_rows()
    {
        DataSplit<Tumour> split = BreastCancerRows.Load().Split(new SplitOptions { Seed = 4 });

        Standardizer fromSplit = Standardizer.Fit(split), fromTrain = Standardizer.Fit(split.Train), fromAll = Standardizer.Fit(BreastCancerRows.Load());

        Assert.Equal(fromTrain.Shift, fromSplit.Shift);
        Assert.NotEqual(fromAll.Shift, fromSplit.Shift);
    }

    [Fact]
    public void Min_max_maps_the_training_range_to_zero_one()
    {
        IReadOnlyList<Visit> visits = Visits.Make();

        Visit[] scaled = MinMaxScaler.Fit(visits).Apply(visits);

        Assert.Equal(0f, scaled.Min(row => row.Heart), 5);
        Assert.Equal(1f, scaled.Max(row => row.Heart), 5);
        Assert.Equal(visits.Select(row => row.Patient), scaled.Select(row => row.Patient)); // metadata untouched
    }

    [Fact]
    public void A_saved_transform_loads_and_applies_identically()
    {
        IReadOnlyList<Visit> visits = Visits.Make();
        Standardizer scaler = Standardizer.Fit(visits);
        string path = Path.Combine(Root, "scaler.json");

        scaler.Save(path);
        AffineTransform loaded = AffineTransform.Load(path);

        Assert.IsType<Standardizer>(loaded);
        Assert.Equal(scaler.Apply(visits), loaded.Apply(visits));
    }

    [Fact]
    public void A_transform_fitted_on_another_dataset_is_refused()
    {
        Standardizer scaler = Standardizer.Fit(Visits.Make());

        var error = Assert.Throws<InvalidOperationException>(() => scaler.Apply(BreastCancerRows.Load()));

        Assert.StartsWith("This standardize was fitted on features [Heart, Age] but Tumour has [Measurements[0]", error.Message);
    }
}
