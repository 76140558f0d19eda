using System.Security.Cryptography;
using System.Text.Json;

namespace MlDsl.Serving;

/// <summary>
/// The verified parts of an MlDsl artifact that serving needs, read without TorchSharp: the pointer
/// file <c>CURRENT</c> names the version folder and the SHA-256 of its manifest; the manifest lists a
/// SHA-256 per file; <c>model.onnx</c> and <c>transform.json</c> must match theirs. The pointer, the version folder and the
/// manifest's file list follow <see cref="ManifestRules"/>, the rules MlDsl's own reader applies, so a manifest that one
/// refuses the other refuses too.
/// </summary>
internal sealed record ServedArtifact(string Version, string[] Features, string[] ClassNames, byte[] Onnx, float[]? Shift, float[]? Scale)
{
    private const string Header = "mldsl-pointer 1";
    private const long MaxOnnxBytes = 2L << 30, MaxJsonBytes = 256L << 20;

    // A member given twice would be resolved by whichever came last: refused, as MlDsl's strict reader refuses it.
    private static readonly JsonSerializerOptions ManifestOptions = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    public static ServedArtifact Open(string directory)
    {
        string root = System.IO.Path.GetFullPath(directory);
        // "CURRENT missing" would send the user looking inside a folder that is not there; say what stands at the path instead.
        if (!Directory.Exists(root))
            throw new ServingException(root, File.Exists(root) ? "is a file, not a folder; expected an MlDsl artifact folder" : "no such folder; expected an MlDsl artifact folder");
        string pointerPath = System.IO.Path.Combine(root, "CURRENT");
        if (!File.Exists(pointerPath)) throw new ServingException(pointerPath, "missing: not an MlDsl artifact (format 2), or its first export did not finish");
        string[] lines = File.ReadAllText(pointerPath).Split('\n');
        if (lines.Length != 4 || lines[0] != Header || !ManifestRules.IsVersionName(lines[1]) || !ManifestRules.IsSha256(lines[2]) || lines[3].Length != 0)
            throw new ServingException(pointerPath, $"expected three lines ('{Header}', a version folder, a SHA-256 of the manifest)");
        string version = System.IO.Path.Combine(root, lines[1]);
        if (ManifestRules.WhyNotOwnFolder(version, "artifact") is { } notOwn) throw new ServingException(version, notOwn);

        byte[] manifestBytes = Read(version, "manifest.json", MaxJsonBytes, lines[2], "CURRENT");
        Manifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<Manifest>(manifestBytes, ManifestOptions) ?? throw new JsonException("null");
        }
        catch (JsonException error)
        {
            throw new ServingException(System.IO.Path.Combine(version, "manifest.json"), $"is not a valid manifest: {error.Message}");
        }
        if (manifest.Features is null || manifest.Files is null)
            throw new ServingException(System.IO.Path.Combine(version, "manifest.json"), "has no Features or Files");
        if (ManifestRules.WhyNotArtifactFileList(manifest.Files) is { } listProblem)
            throw new ServingException(System.IO.Path.Combine(version, "manifest.json"), listProblem);
        if (System.IO.Directory.EnumerateFileSystemEntries(version).Select(System.IO.Path.GetFileName)
                .FirstOrDefault(name => name != ManifestRules.Manifest && !manifest.Files.ContainsKey(name!)) is { } unlisted)
            throw new ServingException(System.IO.Path.Combine(version, unlisted), "is not listed in manifest.json: an MlDsl artifact holds exactly the files its manifest lists");
        if (!manifest.Files.TryGetValue("model.onnx", out string? onnxSum) || onnxSum is null)
            throw new ServingException(System.IO.Path.Combine(version, "model.onnx"),
                "missing: this artifact was exported without an ONNX model (a layer without an ONNX export, or an MlDsl older than ONNX export)");
        byte[] onnx = Read(version, "model.onnx", MaxOnnxBytes, onnxSum, "manifest.json");

        float[]? shift = null, scale = null;
        if (manifest.Files.ContainsKey("imputer.json"))
            throw new ServingException(System.IO.Path.Combine(version, "imputer.json"), "missing-value filling is not served through ONNX yet; serve this artifact with MlDsl's DeployedModel");
        if (manifest.Files.ContainsKey("target_encoding.json"))
            throw new ServingException(System.IO.Path.Combine(version, "target_encoding.json"), "target encoding of categorical members is not served through ONNX yet; serve this artifact with MlDsl's DeployedModel");
        if (manifest.Files.ContainsKey("selection.json"))
            throw new ServingException(System.IO.Path.Combine(version, "selection.json"), "feature selection is not served through ONNX yet; serve this artifact with MlDsl's DeployedModel");
        if (manifest.Files.TryGetValue("transform.json", out string? transformSum) && transformSum is not null)
        {
            string transformPath = System.IO.Path.Combine(version, "transform.json");
            byte[] json = Read(version, "transform.json", MaxJsonBytes, transformSum, "manifest.json");
            Transform? transform;
            try
            {
                transform = JsonSerializer.Deserialize<Transform>(json);
            }
            catch (JsonException error)
            {
                // A string such as "NaN" where a number belongs: System.Text.Json names the JSON path, not the file.
                throw new ServingException(transformPath, $"is not a valid transform ({error.Message}); expected Shift and Scale arrays of finite numbers");
            }
            if (transform?.Shift is null || transform.Scale is null || transform.Shift.Length != manifest.Features.Length || transform.Scale.Length != manifest.Features.Length)
                throw new ServingException(transformPath, $"expected Shift and Scale with one value per feature ({manifest.Features.Length})");
            // 1e39 reads as float +Infinity without a word, and every served row would be scaled to an infinity or NaN.
            if (FirstNotFinite(transform.Shift, transform.Scale) is { } bad)
                throw new ServingException(transformPath, $"{bad.Name}[{bad.Index}] is not a finite float; expected a finite number for every feature");
            (shift, scale) = (transform.Shift, transform.Scale);
        }
        return new ServedArtifact(version, manifest.Features, manifest.ClassNames ?? Array.Empty<string>(), onnx, shift, scale);
    }

    private static byte[] Read(string version, string name, long limit, string expectedSha256, string listedIn)
    {
        string path = System.IO.Path.Combine(version, name);
        var info = new FileInfo(path);
        if (!info.Exists) throw new ServingException(path, $"missing, though {listedIn} lists it");
        if (info.LinkTarget is not null) throw new ServingException(path, "is a link; an artifact holds regular files only");
        if (info.Length > limit) throw new ServingException(path, $"is {info.Length} bytes, over the {limit}-byte limit");
        byte[] bytes = File.ReadAllBytes(path);
        string found = Convert.ToHexString(SHA256.HashData(bytes));
        if (!string.Equals(found, expectedSha256, StringComparison.OrdinalIgnoreCase))
            throw new ServingException(path, $"SHA-256 is {found}, {listedIn} says {expectedSha256.ToUpperInvariant()}: the file was modified or damaged");
        return bytes;
    }

    private static (string Name, int Index)? FirstNotFinite(float[] shift, float[] scale)
    {
        int at = Array.FindIndex(shift, value => !float.IsFinite(value));
        if (at >= 0) return ("Shift", at);
        at = Array.FindIndex(scale, value => !float.IsFinite(value));
        return at >= 0 ? ("Scale", at) : null;
    }

    private sealed record Manifest(string[]? Features, string[]? ClassNames, Dictionary<string, string?>? Files);

    private sealed record Transform(string? Kind, float[]? Shift, float[]? Scale);
}
