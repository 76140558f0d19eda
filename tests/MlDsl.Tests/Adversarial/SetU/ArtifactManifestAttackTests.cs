using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Persistence;
using MlDsl.Serving;
using MlDsl.Tests.Data;
using MlDsl.Tests.Deployment;

namespace MlDsl.Tests.Adversarial.SetU;

/// <summary>
/// An artifact's manifest as a forger writes it (the pointer re-signed each time): entries naming files outside the
/// folder by <c>../</c> or an absolute path, a file swapped for a link out of the folder holding the same bytes,
/// checksums of the wrong length, alphabet or case, one file listed twice, a pointer re-saved with Windows line ends.
/// Both readers are attacked: <see cref="DeployedModel{TRow, TModel}"/> (TorchSharp) and MlDsl.Serving's
/// <see cref="OnnxPredictor"/>; each refuses with its own exception naming the file, or opens the artifact whole.
/// </summary>
public sealed class ArtifactManifestAttackTests() : TemporaryFolder("mldsl-setu-manifest")
{
    private static readonly string[] Classes = ["malignant", "benign"];

    private static readonly Lazy<DataSplit<Tumour>> Split = new(() =>
        BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 }));

    private string Export(string name = "artifact")
    {
        DataSplit<Tumour> split = Split.Value;
        using var model = new TumourMlp(seed: 3);
        var report = ClassificationReport.Compute(split.Test, model.Predict(split.Test), Classes);
        string path = Path.Combine(Root, name);
        ModelArtifact.Export(path, model, TumourMlp.ModelName, new ArtifactContents<Tumour>(split.Train, report, Classes, Standardizer.Fit(split)));
        return path;
    }

    private static string Version(string path) => ArtifactFiles.CurrentVersion(path);

    private static Exception? Open(string path, string reader) => Record.Exception(() =>
    {
        if (reader == "serving")
        {
            using OnnxPredictor predictor = OnnxPredictor.Open(path);
            predictor.PredictClass([new float[predictor.RowLength]]);
            return;
        }
        using var deployed = DeployedModel<Tumour, TumourMlp>.Open(path, TumourMlp.Load);
        Tumour[] rows = BreastCancerRows.Load().Take(20).ToArray();
        deployed.Predict(rows);
        deployed.Monitor(rows);
    });

    private static void RefusedNaming(Exception? error, string reader, string named)
    {
        bool own = reader == "serving" ? error is ServingException : error is ArtifactException or ModelFileException;
        Assert.True(own, $"expected {(reader == "serving" ? "ServingException" : "ArtifactException")} naming {named}, got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.Contains(named, error!.Message);
    }

    private static void OpensOrRefusedNaming(Exception? error, string reader, string named)
    {
        if (error is not null) RefusedNaming(error, reader, named);
    }

    private static void AddEntry(string path, string name, byte[] bytes) =>
        ArtifactFiles.EditManifest(path, manifest => manifest["Files"]![name] = Convert.ToHexString(SHA256.HashData(bytes)));

    [Theory]
    [InlineData("torch")]
    [InlineData("serving")]
    public void An_entry_climbing_out_of_the_folder_is_refused_naming_it(string reader)
    {
        string path = Export();
        byte[] secret = Encoding.UTF8.GetBytes("{\"secret\":1}");
        File.WriteAllBytes(Path.Combine(Root, "outside.json"), secret);
        AddEntry(path, "../../outside.json", secret);

        RefusedNaming(Open(path, reader), reader, "outside.json");
    }

    [Theory]
    [InlineData("torch")]
    [InlineData("serving")]
    public void An_entry_with_an_absolute_path_is_refused_naming_it(string reader)
    {
        string path = Export();
        string outside = Path.Combine(Root, "absolute.json");
        File.WriteAllText(outside, "{}");
        AddEntry(path, outside, File.ReadAllBytes(outside));

        RefusedNaming(Open(path, reader), reader, "absolute.json");
    }

    [Theory]
    [InlineData("torch")]
    [InlineData("serving")]
    public void A_file_swapped_for_a_link_out_of_the_folder_with_the_same_bytes_is_refused_naming_it(string reader)
    {
        string path = Export();
        string inside = Path.Combine(Version(path), reader == "serving" ? "model.onnx" : FirstListed(path));
        string copy = Path.Combine(Root, "copy-" + Path.GetFileName(inside));
        File.Copy(inside, copy);
        File.Delete(inside);
        File.CreateSymbolicLink(inside, copy);

        RefusedNaming(Open(path, reader), reader, Path.GetFileName(inside));
    }

    [Theory]
    [InlineData("torch")]
    [InlineData("serving")]
    public void A_checksum_one_digit_short_is_refused_naming_the_file(string reader)
    {
        string path = Export();
        string file = FirstListed(path);
        ArtifactFiles.EditManifest(path, manifest => manifest["Files"]![file] = manifest["Files"]![file]!.GetValue<string>()[1..]);

        RefusedNaming(Open(path, reader), reader, file);
    }

    [Theory]
    [InlineData("torch")]
    [InlineData("serving")]
    public void A_checksum_of_letters_that_are_not_hex_is_refused_naming_the_file(string reader)
    {
        string path = Export();
        string file = FirstListed(path);
        ArtifactFiles.EditManifest(path, manifest => manifest["Files"]![file] = new string('Z', 64));

        RefusedNaming(Open(path, reader), reader, file);
    }

    [Theory]
    [InlineData("torch")]
    [InlineData("serving")]
    public void A_checksum_in_lower_case_opens_or_is_refused_naming_the_file(string reader)
    {
        string path = Export();
        string file = FirstListed(path);
        ArtifactFiles.EditManifest(path, manifest => manifest["Files"]![file] = manifest["Files"]![file]!.GetValue<string>().ToLowerInvariant());

        OpensOrRefusedNaming(Open(path, reader), reader, file);
    }

    [Theory]
    [InlineData("torch")]
    [InlineData("serving")]
    public void A_checksum_of_json_null_is_refused_naming_the_file(string reader)
    {
        string path = Export();
        string file = FirstListed(path);
        ArtifactFiles.EditManifest(path, manifest => manifest["Files"]![file] = null);

        RefusedNaming(Open(path, reader), reader, file);
    }

    [Theory]
    [InlineData("torch")]
    [InlineData("serving")]
    public void A_file_listed_twice_is_refused_not_resolved_by_whichever_came_last(string reader)
    {
        string path = Export();
        string file = FirstListed(path);
        string manifestPath = Path.Combine(Version(path), "manifest.json");
        string text = File.ReadAllText(manifestPath);
        string entry = $"\"{file}\": \"{ArtifactFiles.Sha256(Path.Combine(Version(path), file))}\"";
        Assert.Contains(entry, text);
        File.WriteAllText(manifestPath, text.Replace(entry, $"\"{file}\": \"{new string('0', 64)}\",{entry}"), new UTF8Encoding(false));
        ArtifactFiles.Repoint(path);

        RefusedNaming(Open(path, reader), reader, "manifest.json");
    }

    [Theory]
    [InlineData("torch")]
    [InlineData("serving")]
    public void A_pointer_resaved_with_windows_line_ends_opens_or_is_refused_naming_it(string reader)
    {
        string path = Export();
        string pointer = Path.Combine(path, "CURRENT");
        File.WriteAllText(pointer, File.ReadAllText(pointer).Replace("\n", "\r\n"));

        OpensOrRefusedNaming(Open(path, reader), reader, "CURRENT");
    }

    [Theory]
    [InlineData("torch")]
    [InlineData("serving")]
    public void A_pointer_naming_a_version_folder_that_is_a_link_out_of_the_artifact_is_refused_naming_it(string reader)
    {
        string path = Export();
        string version = Version(path);
        string moved = Path.Combine(Root, "moved-version");
        Directory.Move(version, moved);
        Directory.CreateSymbolicLink(version, moved);

        RefusedNaming(Open(path, reader), reader, Path.GetFileName(version));
    }

    [Theory]
    [InlineData("torch")]
    [InlineData("serving")]
    public void Every_file_half_written_under_a_forged_checksum_is_refused_naming_it(string reader)
    {
        string first = Export("probe");
        string[] files = JsonNode.Parse(File.ReadAllText(Path.Combine(Version(first), "manifest.json")))!["Files"]!.AsObject()
            .Select(pair => pair.Key).ToArray();
        var failures = new List<string>();
        foreach (string file in files)
        {
            string path = Export("half-" + file.Replace('.', '-'));
            byte[] whole = File.ReadAllBytes(Path.Combine(Version(path), file));
            ArtifactFiles.Forge(path, file, whole[..(whole.Length / 2)]);
            Exception? error = Open(path, reader);
            bool own = reader == "serving" ? error is ServingException : error is ArtifactException or ModelFileException;
            if (error is null && (reader == "serving" || file == "model.onnx")) continue; // a file this reader never reads
            if (!own || !error!.Message.Contains(file, StringComparison.Ordinal))
                failures.Add($"{file}: {error?.GetType().Name ?? "opened"}: {error?.Message}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string FirstListed(string path)
    {
        JsonObject files = JsonNode.Parse(File.ReadAllText(Path.Combine(Version(path), "manifest.json")))!["Files"]!.AsObject();
        return files.Select(pair => pair.Key).First(name => name.EndsWith(".json", StringComparison.Ordinal));
    }
}
