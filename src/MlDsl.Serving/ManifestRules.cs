using System.Text.RegularExpressions;

namespace MlDsl.Serving;

/// <summary>
/// The rules an artifact's pointer, version folder and manifest file list must follow, shared by both readers: MlDsl's
/// <c>DeployedModel</c> (TorchSharp) and MlDsl.Serving's <c>OnnxPredictor</c>. MlDsl compiles this file too (MlDsl.Serving
/// cannot be referenced from it), so a manifest one reader refuses the other refuses as well; each wraps a problem in its
/// own exception, naming the file.
/// </summary>
internal static partial class ManifestRules
{
    private const int MaxNameLength = 255;

    /// <summary>The file names of an artifact version (format 3): the manifest, the files every export holds, the optional ones.</summary>
    public const string Manifest = "manifest.json", Weights = "model.mldsl", Transform = "transform.json", Imputer = "imputer.json", Selection = "selection.json",
        TargetEncoding = "target_encoding.json", Reference = "reference.json", Tokenizer = "tokenizer.json", AudioReference = "audio_reference.json", Onnx = "model.onnx";

    public static readonly IReadOnlyList<string> ArtifactRequired = [Weights, Reference];

    public static readonly IReadOnlyList<string> ArtifactOptional = [Transform, Imputer, Selection, TargetEncoding, Tokenizer, AudioReference, Onnx];

    [GeneratedRegex(@"^v[0-9]{8}T[0-9]{9}-[0-9a-f]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionName();

    /// <summary>Whether <paramref name="name"/> is a version folder's name as exports write it (so never a path).</summary>
    public static bool IsVersionName(string name) => VersionName().IsMatch(name);

    /// <summary>Whether <paramref name="text"/> is a SHA-256 of 64 hex digits (either case).</summary>
    public static bool IsSha256(string? text) => text is { Length: 64 } && text.All(Uri.IsHexDigit);

    /// <summary>Why <paramref name="name"/> is not a plain file name; null when it is one.</summary>
    public static string? WhyNotPlain(string name)
    {
        if (name.Length == 0) return "an empty name";
        if (name.Length > MaxNameLength) return $"a name of {name.Length} characters (at most {MaxNameLength})";
        if (name is "." or "..") return "a reference to a folder, not a file name";
        if (name.Any(char.IsControl)) return "a name with control characters";
        if (name.IndexOfAny(['/', '\\']) >= 0 || Path.IsPathRooted(name) || name.Contains(':'))
            return "a path, not a plain file name (entries must name files inside the folder)";
        return null;
    }

    /// <summary>
    /// Why a manifest's file list is refused; null when every entry is a plain name the format knows, with a SHA-256.
    /// The problem starts with what the manifest lists, to follow the manifest's name in a message.
    /// </summary>
    /// <param name="listed">File name to checksum, as the manifest lists them (a checksum may be JSON null).</param>
    /// <param name="manifest">The manifest's own file name, which it never lists.</param>
    /// <param name="known">Every file name the format allows, the manifest's own excepted.</param>
    /// <param name="kind">"artifact" or "checkpoint", for the message.</param>
    /// <param name="expected">The format's files as the message lists them.</param>
    public static string? WhyNotFileList(IEnumerable<KeyValuePair<string, string?>> listed, string manifest, IReadOnlyCollection<string> known, string kind, string expected)
    {
        foreach ((string name, string? checksum) in listed)
        {
            if (WhyNotPlain(name) is { } why) return $"lists '{name}', {why}";
            if (!known.Contains(name) || name == manifest) return $"lists '{name}', which is not a file of an MlDsl {kind} (expected {expected})";
            if (!IsSha256(checksum))
                return $"gives '{name}' the checksum {(checksum is null ? "null" : $"'{checksum}'")}; expected a SHA-256 of 64 hex digits";
        }
        return null;
    }

    /// <summary>The artifact's file list check (see <see cref="WhyNotFileList"/>).</summary>
    public static string? WhyNotArtifactFileList(IEnumerable<KeyValuePair<string, string?>> listed) =>
        WhyNotFileList(listed, Manifest, [.. ArtifactRequired, .. ArtifactOptional], "artifact", DescribeArtifact());

    public static string DescribeArtifact() => string.Join(", ", ArtifactRequired.Concat(ArtifactOptional.Select(name => name + " (optional)")));

    /// <summary>Why the version folder the pointer names is not the artifact's own folder (a symbolic link could lead anywhere); null when it is.</summary>
    public static string? WhyNotOwnFolder(string versionDirectory, string kind) =>
        new DirectoryInfo(versionDirectory).LinkTarget is { } target ? $"is a symbolic link (to {target}); expected the {kind}'s own folder" : null;
}
