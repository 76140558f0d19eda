using MlDsl.Data.Encoding;
using MlDsl.Data.Imputation;
using MlDsl.Data.Selection;
using MlDsl.Data.Text;
using MlDsl.Data.Transforms;

namespace MlDsl.Tests.Data.Steps;

/// <summary>
/// Saving a fitted step or transform onto a path a folder holds (or below a file) is the
/// <see cref="InvalidDataException"/> the step files' loads give for the same folder, naming the path and what was
/// expected; it was a bare <see cref="IOException"/>, which the command line reports as an unexpected failure (exit 70).
/// </summary>
public sealed class StepSaveOntoFolderTests() : TemporaryFolder("mldsl-step-save-folder")
{
    private static readonly Point[] Points =
    [
        new() { X = 1, Y = 2, Extra = [3, 4], Cluster = 0 },
        new() { X = 2, Y = 5, Extra = [1, 0], Cluster = 1 },
        new() { X = 4, Y = 1, Extra = [2, 2], Cluster = 2 },
        new() { X = 3, Y = 3, Extra = [0, 1], Cluster = 0 },
    ];

    private static readonly Purchase[] Purchases =
    [
        new() { Shop = "north", Price = 1, Bought = 1 },
        new() { Shop = "south", Price = 2, Bought = 0 },
        new() { Shop = "north", Price = 3, Bought = 1 },
        new() { Shop = "south", Price = 4, Bought = 0 },
    ];

    private static readonly CategoricalColumn<Purchase> Shop = new("Shop", row => row.Shop, (row, value) => row with { ShopEncoded = value });

    public static TheoryData<string> Steps => ["transform", "imputer", "selection", "target encoding", "tokenizer"];

    private static void Save(string step, string path)
    {
        switch (step)
        {
            case "transform": Standardizer.Fit(Points).Save(path); break;
            case "imputer": Imputer.Fit(Points, ImputeStrategy.Mean).Save(path); break;
            case "selection": SelectKBest.Fit(Points, ScoreFunction.AnovaF, 2).Save(path); break;
            case "target encoding": TargetEncoder.Fit(Purchases, Shop).Save(path); break;
            case "tokenizer": Tokenizer.Fit(Points, point => point.Cluster == 0 ? "red apple" : "green pear").Save(path); break;
            default: throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }
    }

    private static string StepName(string step) => step switch
    {
        "transform" => "transform",
        "imputer" => "Imputer",
        "selection" => "SelectKBest",
        "target encoding" => "TargetEncoder",
        _ => "Tokenizer",
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Saving_onto_a_folder_is_an_invalid_data_exception_naming_the_path_and_leaves_nothing_behind(string step)
    {
        string path = Directory.CreateDirectory(Path.Combine(Root, "step.json")).FullName;
        string[] before = Directory.GetFileSystemEntries(Root);

        Exception? error = Record.Exception(() => Save(step, path));

        Assert.Equal($"{path}: is a folder; expected a file name to save the {StepName(step)} to", Assert.IsType<InvalidDataException>(error).Message);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
        Assert.Equal(before, Directory.GetFileSystemEntries(Root));
        Assert.Empty(Directory.GetFileSystemEntries(path));
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Saving_below_a_file_is_an_invalid_data_exception_naming_the_file_in_the_folders_place(string step)
    {
        string file = Path.Combine(Root, "models");
        File.WriteAllText(file, "not a folder");
        string path = Path.Combine(file, "step.json");

        Exception? error = Record.Exception(() => Save(step, path));

        Assert.Equal($"{path}: {file} is a file, not a folder; expected a file name to save the {StepName(step)} to", Assert.IsType<InvalidDataException>(error).Message);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Saving_over_an_existing_file_or_into_a_folder_not_yet_made_still_saves(string step)
    {
        string existing = Path.Combine(Root, "step.json"), fresh = Path.Combine(Root, "new", "deeper", "step.json");
        File.WriteAllText(existing, "old");

        Save(step, existing);
        Save(step, fresh);

        Assert.NotEqual("old", File.ReadAllText(existing));
        Assert.Equal(File.ReadAllBytes(existing), File.ReadAllBytes(fresh));
    }

    [Fact]
    public void A_saved_transform_written_through_the_step_file_still_loads_as_it_was_fitted()
    {
        string path = Path.Combine(Root, "scaler.json");
        Standardizer fitted = Standardizer.Fit(Points);

        fitted.Save(path);

        Assert.Equal(fitted.Scale, AffineTransform.Load(path).Scale);
        Assert.StartsWith("{\n  \"Kind\": ", File.ReadAllText(path).ReplaceLineEndings("\n"));
    }
}
