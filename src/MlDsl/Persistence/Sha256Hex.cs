using System.Security.Cryptography;

namespace MlDsl.Persistence;

/// <summary>SHA-256 digests as 64 upper-case hex digits, the way manifests and pointers store them.</summary>
internal static class Sha256Hex
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    public static bool IsValid(string? text) => MlDsl.Serving.ManifestRules.IsSha256(text);

    public static bool Matches(string expected, string found) => string.Equals(expected, found, StringComparison.OrdinalIgnoreCase);
}
