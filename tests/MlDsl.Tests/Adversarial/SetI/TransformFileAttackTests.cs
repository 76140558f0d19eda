using MlDsl.Data.Imputation;
using MlDsl.Data.Steps;
using MlDsl.Data.Transforms;

namespace MlDsl.Tests.Adversarial.SetI;

/// <summary>
/// Hostile saved transforms and steps (<c>scaler.json</c>, <c>imputer.json</c>): empty, not JSON, values a float cannot
/// hold, a folder in the file's place; and saves that fail. A load names the file and what was expected (the
/// <see cref="InvalidDataException"/> the step files document); a failed save leaves no temporary file behind.
/// </summary>
public sealed class TransformFileAttackTests() : TemporaryFolder("mldsl-seti-transform")
{
    private static readonly Point[] Points =
    [
        new() { X = 1, Y = 2, Extra = [3, 4], Cluster = 0 },
        new() { X = 2, Y = 5, Extra = [1, 0], Cluster = 1 },
        new() { X = 4, Y = 1, Extra = [2, 2], Cluster = 2 },
    ];

    private string Write(string text)
    {
        string path = Path.Combine(Root, "scaler.json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_saved_transform_of_json_null_is_refused_naming_the_file()
    {
        string path = Write("null");

        Assert.StartsWith(path + ": ", Assert.IsType<InvalidDataException>(Record.Exception(() => AffineTransform.Load(path))).Message);
    }

    [Fact]
    public void A_saved_transform_with_a_scale_beyond_float_range_is_refused_naming_the_file()
    {
        string path = Write("{\"Kind\":\"standardize\",\"Features\":[\"X\"],\"Shift\":[0],\"Scale\":[1e39]}");

        Exception? error = Record.Exception(() => AffineTransform.Load(path));

        Assert.StartsWith(path + ": ", Assert.IsType<InvalidDataException>(error).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"Kind\":\"standardize\",\"Features\":[\"X\"],\"Shift\":[\"zero\"],\"Scale\":[1]}")]
    public void A_damaged_saved_transform_is_refused_naming_the_file(string text)
    {
        string path = Write(text);

        Exception? error = Record.Exception(() => AffineTransform.Load(path));

        Assert.StartsWith(path + ": ", Assert.IsType<InvalidDataException>(error).Message);
    }

    [Fact]
    public void A_saved_transform_with_missing_members_is_refused_naming_the_file()
    {
        string path = Write("{\"Kind\":\"standardize\"}");

        Exception? error = Record.Exception(() => AffineTransform.Load(path));

        Assert.StartsWith(path + ": ", Assert.IsType<InvalidDataException>(error).Message);
    }

    [Fact]
    public void A_folder_where_the_saved_transform_is_expected_is_refused_naming_it_not_as_access_denied()
    {
        string path = Path.Combine(Root, "scaler.json");
        Directory.CreateDirectory(path);

        Exception? error = Record.Exception(() => AffineTransform.Load(path));

        Assert.StartsWith(path + ": ", Assert.IsType<InvalidDataException>(error).Message);
    }

    [Fact]
    public void A_transform_save_onto_a_folder_fails_naming_the_path_and_leaves_no_temporary_file()
    {
        string path = Path.Combine(Root, "scaler.json");
        Directory.CreateDirectory(path);
        string[] before = Directory.GetFileSystemEntries(Root);

        Exception? error = Record.Exception(() => Standardizer.Fit(Points).Save(path));

        Assert.NotNull(error);
        Assert.Contains(path, error.Message);
        Assert.Equal(before, Directory.GetFileSystemEntries(Root));
    }

    [Fact]
    public void A_step_save_onto_a_folder_fails_naming_the_path_and_leaves_no_temporary_file()
    {
        string path = Path.Combine(Root, "imputer.json");
        Directory.CreateDirectory(path);
        string[] before = Directory.GetFileSystemEntries(Root);

        Exception? error = Record.Exception(() => Imputer.Fit(Points, ImputeStrategy.Mean).Save(path));

        Assert.NotNull(error);
        Assert.Contains(path, error.Message);
        Assert.Equal(before, Directory.GetFileSystemEntries(Root));
    }

    [Fact]
    public void A_transform_saved_into_a_folder_that_does_not_exist_is_made_or_refused_naming_the_path()
    {
        string path = Path.Combine(Root, "new", "scaler.json");

        Exception? error = Record.Exception(() => Standardizer.Fit(Points).Save(path));

        if (error is null) Assert.Equal(Standardizer.Fit(Points).Scale, AffineTransform.Load(path).Scale);
        else Assert.True(error is InvalidDataException or DataStepException && error.Message.Contains(path), $"got {error.GetType().Name}: {error.Message}");
    }

    [Fact]
    public void A_saved_transform_with_the_largest_finite_float_scale_still_loads()
    {
        string path = Write("{\"Kind\":\"standardize\",\"Features\":[\"X\"],\"Shift\":[-3.4028235e38],\"Scale\":[3.4028235e38]}");

        Assert.Equal(float.MaxValue, AffineTransform.Load(path).Scale[0]);
    }

    [Fact]
    public void A_saved_transform_round_trips_exactly()
    {
        string path = Path.Combine(Root, "scaler.json");
        Standardizer fitted = Standardizer.Fit(Points);

        fitted.Save(path);
        AffineTransform loaded = AffineTransform.Load(path);

        Assert.Equal(fitted.Shift, loaded.Shift);
        Assert.Equal(fitted.Scale, loaded.Scale);
        Assert.Equal(fitted.Features, loaded.Features);
    }
}
