using System.Text;
using System.Text.Json.Nodes;
using MlDsl.Data.Imputation;
using MlDsl.Data.Selection;
using MlDsl.Data.Text;

namespace MlDsl.Tests.Adversarial.SetT;

/// <summary>
/// Saved imputers, selections and tokenizer vocabularies in states no fit writes and SetI did not try: another step's
/// file, a key given twice, an enum value outside the set, nulls, duplicated or negative indices, words no text can
/// produce, a file a crash cut short, trailing bytes. Loading refuses each as the step files document
/// (<see cref="InvalidDataException"/> starting with the path), or reads exactly what was saved.
/// </summary>
public sealed class SavedStepAttackTests() : TemporaryFolder("mldsl-sett-steps")
{
    private static readonly Point[] Points =
    [
        new() { X = 1, Y = 2, Extra = [3, 4], Cluster = 0 },
        new() { X = 2, Y = 5, Extra = [1, 0], Cluster = 1 },
        new() { X = 4, Y = 1, Extra = [2, 2], Cluster = 2 },
        new() { X = 3, Y = 3, Extra = [0, 1], Cluster = 0 },
    ];

    private string SavedImputer(string name = "imputer.json")
    {
        string path = Path.Combine(Root, name);
        Imputer.Fit(Points, new ImputerOptions { Strategy = ImputeStrategy.Mean, AddMissingIndicator = true }).Save(path);
        return path;
    }

    private string SavedSelection()
    {
        string path = Path.Combine(Root, "selection.json");
        SelectKBest.Fit(Points, ScoreFunction.AnovaF, 2).Save(path);
        return path;
    }

    private string SavedTokenizer()
    {
        string path = Path.Combine(Root, "tokenizer.json");
        Tokenizer.Fit(Points, point => point.Cluster == 0 ? "red apple" : "green pear apple").Save(path);
        return path;
    }

    private static string Edit(string path, Action<JsonObject> edit)
    {
        JsonObject json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private static InvalidDataException Refused<T>(string path, Func<string, T> load)
    {
        Exception? error = Record.Exception(() => load(path));
        Assert.True(error is InvalidDataException, $"expected InvalidDataException naming {path}, got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.StartsWith(path + ": ", error!.Message);
        return (InvalidDataException)error;
    }

    [Fact]
    public void An_imputer_file_loaded_as_a_selection_is_refused_naming_the_step_expected()
    {
        string path = SavedImputer();

        InvalidDataException error = Refused(path, SelectKBest.Load);

        Assert.Contains("SelectKBest", error.Message);
    }

    [Fact]
    public void A_selection_file_loaded_as_a_tokenizer_is_refused_naming_the_step_expected()
    {
        string path = SavedSelection();

        InvalidDataException error = Refused(path, Tokenizer.Load);

        Assert.Contains("Tokenizer", error.Message);
    }

    [Fact]
    public void A_key_given_twice_is_refused_not_resolved_by_whichever_came_last()
    {
        string path = SavedImputer();
        string json = File.ReadAllText(path);
        File.WriteAllText(path, json.Replace("\"Statistics\":", "\"Statistics\":[1e30,1e30,1e30,1e30],\"Statistics\":", StringComparison.Ordinal));

        Refused(path, Imputer.Load);
    }

    [Fact]
    public void An_imputer_strategy_name_outside_the_set_is_refused()
    {
        string path = Edit(SavedImputer(), json => json["Strategy"] = "Bogus");

        Refused(path, Imputer.Load);
    }

    [Fact]
    public void An_imputer_strategy_number_outside_the_set_is_refused()
    {
        string path = Edit(SavedImputer(), json => json["Strategy"] = 99);

        Refused(path, Imputer.Load);
    }

    [Fact]
    public void An_imputer_without_feature_names_is_refused()
    {
        string path = Edit(SavedImputer(), json => json["Features"] = null);

        Refused(path, Imputer.Load);
    }

    [Fact]
    public void An_imputer_flagging_one_feature_twice_is_refused()
    {
        string path = Edit(SavedImputer(), json => json["IndicatorFeatures"] = new JsonArray(0, 0));

        Refused(path, Imputer.Load);
    }

    [Fact]
    public void An_imputer_file_cut_short_by_a_crash_is_refused()
    {
        string path = SavedImputer();
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Refused(path, Imputer.Load);
    }

    [Fact]
    public void Bytes_after_the_saved_json_are_refused()
    {
        string path = SavedImputer();
        File.AppendAllText(path, "{\"Features\":[]}");

        Refused(path, Imputer.Load);
    }

    [Fact]
    public void A_selection_of_a_negative_index_is_refused()
    {
        string path = Edit(SavedSelection(), json => json["Selected"] = new JsonArray(-1, 0));

        Refused(path, SelectKBest.Load);
    }

    [Fact]
    public void A_selection_of_one_feature_twice_is_refused()
    {
        string path = Edit(SavedSelection(), json => json["Selected"] = new JsonArray(1, 1));

        Refused(path, SelectKBest.Load);
    }

    [Fact]
    public void A_selection_of_no_feature_is_refused()
    {
        string path = Edit(SavedSelection(), json =>
        {
            json["K"] = 0;
            json["Selected"] = new JsonArray();
        });

        Refused(path, SelectKBest.Load);
    }

    [Fact]
    public void A_selection_whose_scores_are_missing_is_refused()
    {
        string path = Edit(SavedSelection(), json => json.Remove("Scores"));

        Refused(path, SelectKBest.Load);
    }

    [Fact]
    public void A_vocabulary_holding_null_is_refused()
    {
        string path = Edit(SavedTokenizer(), json => json["Words"]!.AsArray().Add(null));

        Refused(path, Tokenizer.Load);
    }

    [Fact]
    public void An_empty_vocabulary_word_is_refused()
    {
        const string word = "";
        string path = Edit(SavedTokenizer(), json => json["Words"]!.AsArray().Add(word));

        Refused(path, Tokenizer.Load);
    }

    [Fact]
    public void An_empty_vocabulary_is_refused_as_a_fit_would_refuse_it()
    {
        string path = Edit(SavedTokenizer(), json => json["Words"] = new JsonArray());

        Refused(path, Tokenizer.Load);
    }

    [Fact]
    public void A_negative_vocabulary_limit_is_refused()
    {
        string path = Edit(SavedTokenizer(), json => json["MaxTokens"] = -5);

        Refused(path, Tokenizer.Load);
    }

    [Fact]
    public void A_vocabulary_saved_in_utf16_reads_the_same_words_or_is_refused_naming_it()
    {
        string path = SavedTokenizer();
        Tokenizer saved = Tokenizer.Load(path);
        File.WriteAllText(path, File.ReadAllText(path), Encoding.Unicode);

        Exception? error = Record.Exception(() => Assert.Equal(saved.Words, Tokenizer.Load(path).Words));

        if (error is not null)
        {
            Assert.True(error is InvalidDataException, $"got {error.GetType().FullName}: {error.Message}");
            Assert.StartsWith(path + ": ", error.Message);
        }
    }

    [Fact]
    public void A_temporary_file_left_by_a_killed_save_neither_blocks_the_next_save_nor_is_read()
    {
        string path = SavedImputer();
        Imputer saved = Imputer.Load(path);
        foreach (string stale in new[] { path + ".tmp", Path.Combine(Root, ".imputer.json.tmp"), Path.Combine(Root, "imputer.json~") })
            File.WriteAllText(stale, "{\"Features\":");

        Imputer.Fit(Points, new ImputerOptions { Strategy = ImputeStrategy.Median }).Save(path);

        Imputer reloaded = Imputer.Load(path);
        Assert.Equal(ImputeStrategy.Median, reloaded.Strategy);
        Assert.NotEqual(saved.Strategy, reloaded.Strategy);
    }

    [Fact]
    public void Two_saves_racing_to_one_file_leave_one_of_them_whole()
    {
        string path = Path.Combine(Root, "raced.json");
        Imputer mean = Imputer.Fit(Points, new ImputerOptions { Strategy = ImputeStrategy.Mean });
        Imputer median = Imputer.Fit(Points, new ImputerOptions { Strategy = ImputeStrategy.Median });

        Parallel.For(0, 40, i => (i % 2 == 0 ? mean : median).Save(path));

        Imputer reloaded = Imputer.Load(path);
        Assert.Contains(reloaded.Strategy, new[] { ImputeStrategy.Mean, ImputeStrategy.Median });
        Assert.Equal([path], Directory.GetFiles(Root));
    }
}
