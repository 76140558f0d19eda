using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Persistence;
using MlDsl.Tests.Data;
using MlDsl.Tests.Deployment;
using MlDsl.Training;

namespace MlDsl.Tests.Persistence;

/// <summary>
/// Bounded fuzzing of every reader of untrusted bytes (model files, artifacts, checkpoints): random
/// damage and crafted JSON, sometimes with the checksums recomputed so the damage reaches the deeper
/// readers. Each case either loads or throws MlDsl's own exception, never anything else, never hangs,
/// and allocates a bounded amount whatever sizes the input declares.
/// </summary>
public sealed class ParserFuzzTests() : TemporaryFolder("mldsl-fuzz")
{
    private const long AllocationLimit = 64L << 20;
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(10), PropertyLimit = TimeSpan.FromSeconds(60);

    /// <summary>One case: which file, up to three mutations (kind, position, value), JSON or bytes, whether the checksums are recomputed.</summary>
    public sealed record Case(int File, (int Kind, int At, int Value)[] Steps, bool Json, bool Reseal);

    private static Arbitrary<Case> Cases(int files) =>
        (from file in Gen.Choose(0, files - 1)
         from count in Gen.Choose(1, 3)
         from steps in Gen.ArrayOf(from kind in Gen.Choose(0, 1000) from at in Gen.Choose(0, int.MaxValue) from value in Gen.Choose(0, 255) select (kind, at, value), count)
         from json in Gen.Elements(true, false)
         from reseal in Gen.Elements(true, true, false)
         select new Case(file, steps, json, reseal)).ToArbitrary();

    private static (byte[] Bytes, string Description) Mutate(byte[] bytes, Case @case)
    {
        var described = new List<string>();
        foreach ((int kind, int at, int value) in @case.Steps)
        {
            (bytes, string description) = @case.Json ? Mutations.Json(bytes, kind, at) : Mutations.Bytes(bytes, kind, at, value);
            described.Add(description);
        }
        return (bytes, string.Join("; ", described));
    }

    /// <summary>Runs <paramref name="check"/> on generated cases under the time and allocation bounds; only <paramref name="allowed"/> exceptions may escape it.</summary>
    private static void Fuzz(int files, int cases, Func<Case, string> check, params Type[] allowed)
    {
        var property = Prop.ForAll(Cases(files), @case =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            string description = "";
            try
            {
                description = check(@case);
            }
            catch (Exception error) when (allowed.Contains(error.GetType()))
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
            }
            catch (Exception error)
            {
                throw new Xunit.Sdk.XunitException($"{error.GetType().Name} escaped for {@case} ({description}): {error}");
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < AllocationLimit, $"{allocated} bytes allocated for {@case}");
            Assert.True(clock.Elapsed < CaseLimit, $"{clock.Elapsed} for {@case}");
        });
        Task run = Task.Factory.StartNew(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), property), TaskCreationOptions.LongRunning);
        Assert.True(((IAsyncResult)run).AsyncWaitHandle.WaitOne(PropertyLimit), $"fuzzing did not finish within {PropertyLimit}");
        run.GetAwaiter().GetResult(); // a falsified case, with FsCheck's seed to replay it
    }

    [Fact]
    public void Damaged_or_crafted_model_files_load_or_are_refused_by_name()
    {
        string original = Path.Combine(Root, "original.mldsl");
        using (var model = new PointMlp(seed: 1)) model.Save(original);
        byte[] file = File.ReadAllBytes(original);
        byte[] payload = ModelFileBytes.Payload(ModelFileBytes.PointMlp);
        string path = Path.Combine(Root, "fuzzed.mldsl");

        Fuzz(files: 1, cases: 400, @case =>
        {
            // Resealed: the payload is damaged and the header's checksum and length recomputed, so the entry reader sees it.
            (byte[] bytes, string description) = Mutate(@case.Reseal ? payload : file, @case with { Json = false });
            if (@case.Reseal) bytes = ModelFileBytes.File("PointMlp", ModelFileBytes.PointMlpSignature, bytes);
            File.WriteAllBytes(path, bytes);
            using PointMlp loaded = PointMlp.Load(path);
            return description;
        }, typeof(ModelFileException));
    }

    [Fact]
    public void Damaged_or_crafted_artifacts_open_or_are_refused_by_name()
    {
        string template = ExportTumour(Path.Combine(Root, "template"));
        string[] files = ["manifest.json", "model.mldsl", "transform.json", "reference.json", "CURRENT"];
        string path = Path.Combine(Root, "fuzzed");

        Fuzz(files.Length, cases: 150, @case =>
        {
            CopyFolder(template, path);
            string file = files[@case.File];
            string target = file == "CURRENT" ? Path.Combine(path, file) : Path.Combine(ArtifactFiles.CurrentVersion(path), file);
            (byte[] bytes, string description) = Mutate(File.ReadAllBytes(target), @case with { Json = @case.Json && file.EndsWith(".json") });
            File.WriteAllBytes(target, bytes);
            if (@case.Reseal && file != "CURRENT") Reseal(path, "manifest.json", file, bytes);
            using var deployed = DeployedModel<Tumour, TumourMlp>.Open(path, TumourMlp.Load);
            return $"{file}: {description}";
        }, typeof(ArtifactException), typeof(ModelFileException));
    }

    [Fact]
    public void Damaged_or_crafted_checkpoints_resume_or_are_refused_by_name()
    {
        string template = Path.Combine(Root, "checkpoint-template");
        List<Point> rows = SyntheticData.Points(64, seed: 1);
        FitOptions options = new() { Epochs = 1, BatchSize = 32, Seed = 5, CheckpointDirectory = template };
        using (var model = new PointMlp(seed: 2)) model.Fit(rows, options: options);
        // optimizer.bin is TorchSharp's own format: it is damaged but never resealed (its SHA-256 is what guards it).
        string[] files = ["checkpoint.json", "progress.json", "weights.mldsl", "CURRENT", "optimizer.bin"];
        string path = Path.Combine(Root, "checkpoint");

        Fuzz(files.Length, cases: 150, @case =>
        {
            CopyFolder(template, path);
            string file = files[@case.File];
            string target = file == "CURRENT" ? Path.Combine(path, file) : Path.Combine(ArtifactFiles.CurrentVersion(path), file);
            (byte[] bytes, string description) = Mutate(File.ReadAllBytes(target), @case with { Json = @case.Json && file.EndsWith(".json") });
            File.WriteAllBytes(target, bytes);
            if (@case.Reseal && file is not ("CURRENT" or "optimizer.bin")) Reseal(path, "checkpoint.json", file, bytes);
            using var model = new PointMlp(seed: 3);
            model.Fit(rows, options: options with { CheckpointDirectory = path, Resume = true, Epochs = 2 });
            return $"{file}: {description}";
        }, typeof(ArtifactException), typeof(ModelFileException));
    }

    // Records the damaged file's SHA-256 in the manifest (when the manifest is still JSON) and the manifest's in the pointer.
    private static void Reseal(string root, string manifestName, string file, byte[] bytes)
    {
        if (file != manifestName)
        {
            string manifestPath = Path.Combine(ArtifactFiles.CurrentVersion(root), manifestName);
            try
            {
                if (JsonNode.Parse(File.ReadAllBytes(manifestPath)) is JsonObject { } manifest && manifest["Files"] is JsonObject listed)
                {
                    listed[file] = Convert.ToHexString(SHA256.HashData(bytes));
                    File.WriteAllText(manifestPath, manifest.ToJsonString());
                }
            }
            catch (System.Text.Json.JsonException)
            {
                return;
            }
        }
        ArtifactFiles.Repoint(root, manifestName);
    }

    private static void CopyFolder(string source, string destination)
    {
        if (Directory.Exists(destination)) Directory.Delete(destination, recursive: true);
        foreach (string directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(directory.Replace(source, destination));
        Directory.CreateDirectory(destination);
        foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(source, destination));
    }

    private static string ExportTumour(string path)
    {
        DataSplit<Tumour> split = BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
        using var model = new TumourMlp(seed: 3);
        var report = ClassificationReport.Compute(split.Test, model.Predict(split.Test), ["malignant", "benign"]);
        ModelArtifact.Export(path, model, TumourMlp.ModelName, new ArtifactContents<Tumour>(split.Train, report, ["malignant", "benign"], Standardizer.Fit(split)));
        return path;
    }
}
