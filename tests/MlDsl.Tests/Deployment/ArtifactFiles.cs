using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MlDsl.Tests.Deployment;

/// <summary>Reads and forges the files of an exported artifact or checkpoint folder, as a damaged disk or an attacker would.</summary>
internal static class ArtifactFiles
{
    /// <summary>The version folder the pointer names.</summary>
    public static string CurrentVersion(string root) => Path.Combine(root, File.ReadAllLines(Path.Combine(root, "CURRENT"))[1]);

    public static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Rewrites the pointer so that it vouches for the manifest as it is now: a forger who knows the format.</summary>
    public static void Repoint(string root, string manifestName = "manifest.json")
    {
        string version = CurrentVersion(root);
        File.WriteAllText(Path.Combine(root, "CURRENT"), $"mldsl-pointer 1\n{Path.GetFileName(version)}\n{Sha256(Path.Combine(version, manifestName))}\n");
    }

    /// <summary>Edits the manifest's JSON, and (when <paramref name="repoint"/>) the pointer to match.</summary>
    public static void EditManifest(string root, Action<JsonObject> edit, bool repoint = true, string manifestName = "manifest.json")
    {
        string path = Path.Combine(CurrentVersion(root), manifestName);
        JsonObject manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString(), new UTF8Encoding(false));
        if (repoint) Repoint(root, manifestName);
    }

    /// <summary>Replaces a file and records its new SHA-256 in the manifest and the manifest's in the pointer: a complete forgery.</summary>
    public static void Forge(string root, string file, byte[] bytes, string manifestName = "manifest.json")
    {
        File.WriteAllBytes(Path.Combine(CurrentVersion(root), file), bytes);
        EditManifest(root, manifest => manifest["Files"]![file] = Convert.ToHexString(SHA256.HashData(bytes)), manifestName: manifestName);
    }
}
