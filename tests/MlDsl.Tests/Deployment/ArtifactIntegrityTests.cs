using System.Text.Json.Nodes;
using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Persistence;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Deployment;

/// <summary>
/// An artifact is untrusted input: whatever was changed in it (by damage or on purpose, with or
/// without recomputing its checksums), opening and loading it either serve exactly what was exported
/// or refuse with an <see cref="ArtifactException"/> / <see cref="ModelFileException"/> naming the file and what differs.
/// </summary>
public sealed class ArtifactIntegrityTests() : TemporaryFolder("mldsl-integrity")
{
    private static readonly string[] Classes = ["malignant", "benign"];

    private string Export(string name = "artifact", bool withTransform = true, string origin = "test")
    {
        DataSplit<Tumour> split = BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
        using var model = new TumourMlp(seed: 3);
        var report = ClassificationReport.Compute(split.Test, model.Predict(split.Test), Classes);
        string path = Path.Combine(Root, name);
        ModelArtifact.Export(path, model, TumourMlp.ModelName, new ArtifactContents<Tumour>(split.Train, report, Classes,
            withTransform ? Standardizer.Fit(split) : null, new Dictionary<string, string> { ["origin"] = origin }));
        return path;
    }

    private static ArtifactException Refused(string path) => Assert.Throws<ArtifactException>(() => ModelArtifact.Open(path));

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("../../etc/hostname")]
    [InlineData("/etc/hostname")]
    [InlineData("sub/model.mldsl")]
    [InlineData("..")]
    [InlineData("C:\\\\outside.txt")]
    [InlineData("model.mldsl\u0000")]
    public void A_manifest_entry_that_is_not_a_plain_file_name_is_refused(string entry)
    {
        string path = Export();
        File.WriteAllText(Path.Combine(Root, "outside.txt"), "secret");
        ArtifactFiles.EditManifest(path, manifest => manifest["Files"]![entry] = ArtifactFiles.Sha256(Path.Combine(Root, "outside.txt")));

        ArtifactException error = Refused(path);

        Assert.StartsWith(Path.Combine(ArtifactFiles.CurrentVersion(path), "manifest.json") + $": lists '{entry}', a", error.Message);
    }

    [Fact]
    public void A_manifest_entry_naming_a_file_outside_the_format_is_refused()
    {
        string path = Export();
        File.WriteAllText(Path.Combine(ArtifactFiles.CurrentVersion(path), "notes.txt"), "hello");
        ArtifactFiles.EditManifest(path, manifest => manifest["Files"]!["notes.txt"] = ArtifactFiles.Sha256(Path.Combine(ArtifactFiles.CurrentVersion(path), "notes.txt")));

        Assert.Contains("lists 'notes.txt', which is not a file of an MlDsl artifact (expected model.mldsl, reference.json, transform.json (optional), imputer.json (optional), selection.json (optional), target_encoding.json (optional), tokenizer.json (optional), audio_reference.json (optional), model.onnx (optional))", Refused(path).Message);
    }

    [Fact]
    public void Replaced_weights_whose_entry_was_deleted_from_the_manifest_are_refused()
    {
        string path = Export();
        string weights = Path.Combine(ArtifactFiles.CurrentVersion(path), "model.mldsl");
        using (var other = new TumourMlp(seed: 99)) other.Save(weights);

        // Deleted by hand: the manifest no longer matches the digest its pointer holds.
        ArtifactFiles.EditManifest(path, manifest => manifest["Files"]!.AsObject().Remove("model.mldsl"), repoint: false);
        Assert.Contains("manifest.json: SHA-256 is", Refused(path).Message);

        // Deleted and the pointer forged too: the format still requires the weights and their checksum.
        ArtifactFiles.Repoint(path);
        Assert.EndsWith("manifest.json: does not list model.mldsl, which every MlDsl artifact holds (expected model.mldsl, reference.json, transform.json (optional), imputer.json (optional), selection.json (optional), target_encoding.json (optional), tokenizer.json (optional), audio_reference.json (optional), model.onnx (optional))", Refused(path).Message);
    }

    [Fact]
    public void An_optional_file_left_in_the_folder_but_dropped_from_the_manifest_is_refused()
    {
        string path = Export();
        ArtifactFiles.EditManifest(path, manifest => manifest["Files"]!.AsObject().Remove("transform.json"));

        ArtifactException error = Refused(path);

        Assert.Equal($"{Path.Combine(ArtifactFiles.CurrentVersion(path), "transform.json")}: is not listed in manifest.json: an MlDsl artifact holds exactly the files its manifest lists", error.Message);
        Assert.Equal("transform.json", error.File);
    }

    [Fact]
    public void A_changed_manifest_is_refused_with_both_digests()
    {
        string path = Export();
        string manifest = Path.Combine(ArtifactFiles.CurrentVersion(path), "manifest.json");
        string expected = File.ReadAllLines(Path.Combine(path, "CURRENT"))[2];
        ArtifactFiles.EditManifest(path, json => json["Metrics"]!["accuracy"] = 0.999, repoint: false);

        Assert.Equal($"{manifest}: SHA-256 is {ArtifactFiles.Sha256(manifest)}, CURRENT says {expected}: the manifest was modified or damaged", Refused(path).Message);
    }

    [Fact]
    public void A_completely_forged_export_is_refused_when_the_digest_is_pinned()
    {
        string path = Export();
        string pinned = ModelArtifact.Open(path).Digest;
        using (var other = new TumourMlp(seed: 99))
            ArtifactFiles.Forge(path, "model.mldsl", File.ReadAllBytes(SaveTo(other, Path.Combine(Root, "other.mldsl"))));

        Assert.NotEqual(pinned, ModelArtifact.Open(path).Digest); // the forgery is consistent: without a pin it opens
        ArtifactException error = Assert.Throws<ArtifactException>(() => ModelArtifact.Open(path, pinned));
        Assert.Contains($"CURRENT: names a version whose manifest SHA-256 is {File.ReadAllLines(Path.Combine(path, "CURRENT"))[2]}; expected {pinned}", error.Message);
    }

    [Fact]
    public void A_symbolic_link_in_place_of_a_file_is_refused_even_when_its_target_matches()
    {
        string path = Export();
        string reference = Path.Combine(ArtifactFiles.CurrentVersion(path), "reference.json");
        string outside = Path.Combine(Root, "reference-copy.json");
        File.Move(reference, outside);
        File.CreateSymbolicLink(reference, outside);

        Assert.Equal($"{reference}: is a symbolic link (to {outside}); expected a regular file inside the folder", Refused(path).Message);
    }

    [Fact]
    public void A_folder_in_place_of_a_listed_file_is_refused()
    {
        string path = Export();
        string transform = Path.Combine(ArtifactFiles.CurrentVersion(path), "transform.json");
        File.Delete(transform);
        Directory.CreateDirectory(transform);

        Assert.Equal($"{transform}: is a folder; expected a regular file", Refused(path).Message);
    }

    [Fact]
    public void A_missing_required_file_is_refused()
    {
        string path = Export();
        File.Delete(Path.Combine(ArtifactFiles.CurrentVersion(path), "reference.json"));

        Assert.EndsWith("reference.json: is missing", Refused(path).Message);
    }

    [Theory]
    [InlineData("mldsl-pointer 1\n../outside\n0000000000000000000000000000000000000000000000000000000000000000\n", "line 2: expected a version folder name")]
    [InlineData("mldsl-pointer 1\nv20260101T000000000-0123abcd\nnot-a-digest\n", "line 3: expected a SHA-256 of 64 hex digits")]
    [InlineData("", "expected three lines")]
    [InlineData("mldsl-pointer 1\nv20260101T000000000-0123abcd\n0000000000000000000000000000000000000000000000000000000000000000\n", "names the version v20260101T000000000-0123abcd, which is missing")]
    public void A_malformed_or_dangling_pointer_is_refused(string pointer, string problem)
    {
        string path = Export();
        File.WriteAllText(Path.Combine(path, "CURRENT"), pointer);

        ArtifactException error = Refused(path);

        Assert.StartsWith(Path.Combine(path, "CURRENT") + ": ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void An_oversized_pointer_is_refused_before_it_is_read()
    {
        string path = Export();
        File.WriteAllText(Path.Combine(path, "CURRENT"), new string('v', 4096));

        Assert.Equal($"{Path.Combine(path, "CURRENT")}: holds 4096 bytes; at most 1024 are allowed for this file", Refused(path).Message);
    }

    [Fact]
    public void A_manifest_that_names_another_model_is_refused_on_load()
    {
        string path = Export();
        ArtifactFiles.EditManifest(path, manifest => manifest["ModelName"] = "DigitCnn");
        OpenedArtifact opened = ModelArtifact.Open(path);

        var error = Assert.Throws<ModelFileException>(() => opened.LoadModel(TumourMlp.Load));

        Assert.EndsWith("model.mldsl: its artifact's manifest says it holds a 'DigitCnn' model, not a 'TumourMlp'", error.Message);
    }

    [Fact]
    public void A_manifest_that_names_another_row_type_is_refused_when_deployed()
    {
        string path = Export();
        ArtifactFiles.EditManifest(path, manifest => manifest["RowType"] = "Patient");

        var error = Assert.Throws<ArtifactException>(() => DeployedModel<Tumour, TumourMlp>.Open(path, TumourMlp.Load));

        Assert.EndsWith("manifest.json: RowType is 'Patient'; the rows given are Tumour", error.Message);
    }

    [Theory]
    [InlineData("malignant")]
    [InlineData("malignant|benign|unknown")]
    [InlineData("")]
    public void Class_names_that_do_not_match_the_class_count_are_refused(string joined)
    {
        string[] names = joined.Split('|', StringSplitOptions.RemoveEmptyEntries);
        string path = Export();
        ArtifactFiles.EditManifest(path, manifest => manifest["ClassNames"] = new JsonArray(names.Select(name => (JsonNode)JsonValue.Create(name)!).ToArray()));

        var error = Assert.Throws<ArtifactException>(() => DeployedModel<Tumour, TumourMlp>.Open(path, TumourMlp.Load));

        Assert.EndsWith($"manifest.json: ClassNames lists {names.Length} names; Tumour's class label Diagnosis has 2", error.Message);
    }

    [Theory]
    [InlineData("Label", null, "missing required properties")]
    [InlineData("Features", "5", "(at $.Features)")]
    [InlineData("FormatVersion", "1", "format version 1; this MlDsl reads versions 2 and 3")]
    [InlineData("Unexpected", "true", "Unexpected")]
    public void A_manifest_with_a_missing_member_or_a_wrong_type_is_refused_with_the_place(string member, string? json, string problem)
    {
        string path = Export();
        ArtifactFiles.EditManifest(path, manifest =>
        {
            if (json is null) manifest.Remove(member);
            else manifest[member] = JsonNode.Parse(json);
        });

        ArtifactException error = Refused(path);

        Assert.StartsWith(Path.Combine(ArtifactFiles.CurrentVersion(path), "manifest.json") + ": ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_transform_fitted_on_other_features_is_refused()
    {
        string path = Export();
        string transform = Path.Combine(ArtifactFiles.CurrentVersion(path), "transform.json");
        JsonObject json = JsonNode.Parse(File.ReadAllText(transform))!.AsObject();
        json["Features"]![0] = "renamed";
        ArtifactFiles.Forge(path, "transform.json", System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.Contains("transform.json: was fitted on 30 features [renamed,", Refused(path).Message);
    }

    // Look-alikes that must keep working.

    [Fact]
    public void An_export_over_an_older_one_replaces_it_and_clears_what_interrupted_exports_left()
    {
        string path = Export(origin: "first");
        string leftover = Path.Combine(path, "v20200101T000000000-0123abcd");
        Directory.CreateDirectory(leftover);
        File.WriteAllText(Path.Combine(leftover, "model.mldsl"), "half");
        File.WriteAllText(Path.Combine(path, "CURRENT.tmp-0123abcd"), "half");
        File.WriteAllText(Path.Combine(path, "README.txt"), "the user's own file");

        Export(origin: "second");

        Assert.Equal("second", ModelArtifact.Open(path).Manifest.Settings["origin"]);
        Assert.Equal([".lock", "CURRENT", "README.txt", Path.GetFileName(ArtifactFiles.CurrentVersion(path))], Directory.GetFileSystemEntries(path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void An_export_that_fails_midway_leaves_the_previous_export_current_and_nothing_behind()
    {
        string path = Export(origin: "first");
        DataSplit<Tumour> split = BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
        // A value JSON cannot hold makes the reference sample, written after the weights, fail.
        Tumour[] rows = [split.Train[0] with { Measurements = [float.NaN, .. split.Train[0].Measurements[1..]] }, .. split.Train.Skip(1)];
        using var model = new TumourMlp(seed: 4);
        var report = ClassificationReport.Compute(split.Test, model.Predict(split.Test), Classes);

        Assert.ThrowsAny<ArgumentException>(() => ModelArtifact.Export(path, model, TumourMlp.ModelName, new ArtifactContents<Tumour>(rows, report, Classes)));

        Assert.Equal("first", ModelArtifact.Open(path).Manifest.Settings["origin"]);
        Assert.Equal([".lock", "CURRENT", Path.GetFileName(ArtifactFiles.CurrentVersion(path))], Directory.GetFileSystemEntries(path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void An_export_without_a_transform_opens_and_serves_raw_rows()
    {
        string path = Export(withTransform: false);

        OpenedArtifact opened = ModelArtifact.Open(path);

        Assert.Null(opened.Transform);
        Assert.False(opened.Manifest.Files.ContainsKey("transform.json"));
        using var deployed = DeployedModel<Tumour, TumourMlp>.Open(path, TumourMlp.Load);
        Assert.Equal(2, deployed.Manifest.ClassNames.Length);
    }

    [Fact]
    public void Pinning_the_digest_of_the_current_export_opens_it_in_any_letter_case()
    {
        string path = Export();
        string digest = ModelArtifact.Open(path).Digest;

        Assert.Equal(digest, ModelArtifact.Open(path, digest.ToLowerInvariant()).Digest);
    }

    [Fact]
    public void A_format_1_artifact_is_refused_with_a_request_to_export_again()
    {
        string path = Directory.CreateDirectory(Path.Combine(Root, "legacy")).FullName;
        File.WriteAllText(Path.Combine(path, "manifest.json"), "{\"FormatVersion\": 1}");

        Assert.Contains("a format-1 artifact (no CURRENT pointer, no digest over its manifest): export it again", Refused(path).Message);
    }

    [Fact]
    public void An_export_over_a_format_1_artifact_replaces_its_files_and_the_folders_its_interrupted_exports_left()
    {
        string path = Directory.CreateDirectory(Path.Combine(Root, "artifact")).FullName;
        foreach (string name in new[] { "manifest.json", "model.mldsl", "transform.json", "reference.json" }) File.WriteAllText(Path.Combine(path, name), "format 1");
        Directory.CreateDirectory(path + ".staging-0123abcd");
        Directory.CreateDirectory(path + ".retired-89abcdef");
        Directory.CreateDirectory(path + ".backup"); // the user's own

        Export();

        Assert.Equal([".lock", "CURRENT", Path.GetFileName(ArtifactFiles.CurrentVersion(path))], Directory.GetFileSystemEntries(path).Select(Path.GetFileName).Order());
        Assert.Equal(["artifact", "artifact.backup"], Directory.GetDirectories(Root).Select(Path.GetFileName).Order());
        Assert.Equal("test", ModelArtifact.Open(path + "/").Manifest.Settings["origin"]);
    }

    private static string SaveTo(TumourMlp model, string path)
    {
        model.Save(path);
        return path;
    }
}
