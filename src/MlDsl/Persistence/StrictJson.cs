using System.Text.Json;
using System.Text.Json.Serialization;
using MlDsl.Deployment;

namespace MlDsl.Persistence;

/// <summary>
/// Parses the JSON files of artifacts and checkpoints strictly: every constructor parameter present,
/// no null where the type says non-null, no unknown or duplicate member, bounded depth. Any
/// malformation becomes an <see cref="ArtifactException"/> naming the file, the line, the byte and
/// the JSON path, never a raw <see cref="JsonException"/>.
/// </summary>
internal static class StrictJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        MaxDepth = 16,
    };

    /// <summary>Reads <typeparamref name="T"/> from the UTF-8 <paramref name="json"/> of <paramref name="file"/> in <paramref name="directory"/>.</summary>
    public static T Parse<T>(ReadOnlySpan<byte> json, string directory, string file) where T : class
    {
        json = WithoutByteOrderMark(json);
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new ArtifactException(directory, file, $"holds null; expected a {typeof(T).Name} object");
        }
        catch (JsonException error)
        {
            throw new ArtifactException(directory, file, Describe(error));
        }
    }

    /// <summary>The integer member <paramref name="name"/> of the top-level object, or null when absent or not an integer.</summary>
    public static int? TopLevelInteger(ReadOnlySpan<byte> json, string name, string directory, string file)
    {
        var reader = new Utf8JsonReader(WithoutByteOrderMark(json), new JsonReaderOptions { MaxDepth = Options.MaxDepth });
        try
        {
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ArtifactException(directory, file, $"holds a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}; expected an object");
            return document.RootElement.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number)
                ? number : null;
        }
        catch (JsonException error)
        {
            throw new ArtifactException(directory, file, Describe(error));
        }
    }

    // Editors may add a UTF-8 byte order mark; JSON readers refuse one, people would not.
    private static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> json) => json.StartsWith("\uFEFF"u8) ? json[3..] : json;

    private static string Describe(JsonException error)
    {
        // The serializer appends "Path: … | LineNumber: … | BytePositionInLine: …" to its message; the same facts are given once, in order.
        string reason = error.Message;
        int details = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (details > 0) reason = reason[..details];
        string where = error.LineNumber is { } line ? $"line {line + 1}, byte {error.BytePositionInLine + 1}" : "malformed JSON";
        string path = string.IsNullOrEmpty(error.Path) ? "" : $" (at {error.Path})";
        return $"{where}{path}: {reason.TrimEnd('.')}";
    }
}
