using System.Text.Json.Nodes;
using MlDsl.Data.Imputation;
using MlDsl.Data.Selection;
using MlDsl.Data.Text;

namespace MlDsl.Tests.Adversarial.SetI;

/// <summary>
/// Saved steps (imputer, feature selection, tokenizer) edited into states no fit produces: non-finite fill values,
/// indices past the features, a negative or gigantic sequence length, a vocabulary with a word twice. Loading refuses
/// each with the <see cref="InvalidDataException"/> the step files document, naming the file, before it is applied.
/// </summary>
public sealed class StepFileAttackTests() : TemporaryFolder("mldsl-seti-steps")
{
    private static readonly Point[] Points =
    [
        new() { X = 1, Y = 2, Extra = [3, 4], Cluster = 0 },
        new() { X = 2, Y = 5, Extra = [1, 0], Cluster = 1 },
        new() { X = 4, Y = 1, Extra = [2, 2], Cluster = 2 },
        new() { X = 3, Y = 3, Extra = [0, 1], Cluster = 0 },
    ];

    private string Edited(string name, Action<string> save, Action<JsonObject> edit)
    {
        string path = Path.Combine(Root, name);
        save(path);
        JsonObject json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private static void Refused<T>(string path, Func<string, T> load)
    {
        Exception? error = Record.Exception(() => load(path));
        Assert.True(error is InvalidDataException, $"expected InvalidDataException naming {path}, got {error?.GetType().Name ?? "no exception"}: {error?.Message}");
        Assert.StartsWith(path + ": ", error!.Message);
    }

    private string Imputer(Action<JsonObject> edit) =>
        Edited("imputer.json", path => MlDsl.Data.Imputation.Imputer.Fit(Points, new ImputerOptions { Strategy = ImputeStrategy.Mean, AddMissingIndicator = true }).Save(path), edit);

    [Theory]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    public void A_saved_imputer_whose_fill_value_is_not_finite_is_refused(string value)
    {
        string path = Imputer(json => json["Statistics"]![0] = value);

        Refused(path, MlDsl.Data.Imputation.Imputer.Load);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(-1)]
    public void A_saved_imputer_whose_indicator_names_no_feature_is_refused(int index)
    {
        string path = Imputer(json => json["IndicatorFeatures"] = new JsonArray(index));

        Refused(path, MlDsl.Data.Imputation.Imputer.Load);
    }

    [Fact]
    public void A_saved_imputer_with_fewer_fill_values_than_features_is_refused()
    {
        string path = Imputer(json => json["Statistics"]!.AsArray().RemoveAt(0));

        Refused(path, MlDsl.Data.Imputation.Imputer.Load);
    }

    private string Selection(Action<JsonObject> edit) =>
        Edited("selection.json", path => SelectKBest.Fit(Points, ScoreFunction.AnovaF, 2).Save(path), edit);

    [Theory]
    [InlineData(99)]
    [InlineData(-1)]
    public void A_saved_selection_of_a_feature_that_does_not_exist_is_refused(int index)
    {
        string path = Selection(json => json["Selected"]![0] = index);

        Refused(path, SelectKBest.Load);
    }

    [Fact]
    public void A_saved_selection_that_keeps_more_features_than_there_are_is_refused()
    {
        string path = Selection(json => json["K"] = 99);

        Refused(path, SelectKBest.Load);
    }

    private string Tokens(Action<JsonObject> edit) =>
        Edited("tokenizer.json", path => Tokenizer.Fit(Points, point => point.Cluster == 0 ? "red apple" : "green pear apple").Save(path), edit);

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void A_saved_tokenizer_with_an_impossible_sequence_length_is_refused(int length)
    {
        string path = Tokens(json => json["Length"] = length);

        Refused(path, Tokenizer.Load);
    }

    [Fact]
    public void A_saved_tokenizer_with_a_gigantic_sequence_length_is_refused_before_any_text_allocates_it()
    {
        string path = Tokens(json => json["Length"] = int.MaxValue);

        Refused(path, Tokenizer.Load);
    }

    [Fact]
    public void A_saved_tokenizer_of_the_longest_documented_length_still_loads()
    {
        string path = Tokens(json => json["Length"] = TokenizerOptions.MaxLength);

        Assert.Equal(TokenizerOptions.MaxLength, Tokenizer.Load(path).Length);
    }

    [Fact]
    public void Fitting_a_tokenizer_longer_than_the_documented_maximum_is_refused_naming_length()
    {
        var error = Assert.Throws<MlDsl.Data.Steps.DataStepException>(() =>
            Tokenizer.Fit(["a b"], text => text, new TokenizerOptions { Length = TokenizerOptions.MaxLength + 1 }));

        Assert.Contains("Length", error.Message);
    }

    [Fact]
    public void A_saved_tokenizer_whose_vocabulary_holds_a_word_twice_is_refused()
    {
        string path = Tokens(json =>
        {
            JsonArray words = json["Words"]!.AsArray();
            words.Add(words[^1]!.GetValue<string>());
        });

        Refused(path, Tokenizer.Load);
    }
}
