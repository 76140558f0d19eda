using System.Text;
using System.Text.Json.Nodes;

namespace MlDsl.Tests.Persistence;

/// <summary>
/// Damage and crafting for fuzzing file readers: byte mutations (truncation, flips, deletions, and
/// insertions of the values that break careless readers: huge LEB128 and 32-bit lengths, zeros) and
/// JSON mutations (members removed, values replaced by the wrong type, huge numbers, traversal names,
/// deep nesting, long strings, extra members). Each is described for the failure message.
/// </summary>
internal static class Mutations
{
    private static readonly byte[][] NastyBytes =
    [
        [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F], // LEB128 of long.MaxValue
        [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], // LEB128 beyond 64 bits
        [0xFF, 0xFF, 0xFF, 0xFF, 0x07], // 7-bit length 2^31 - 1
        [0xFF, 0xFF, 0xFF, 0x7F], // int32 max, little-endian
        [0x00, 0x00, 0x00, 0x80], // int32 min
        [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80], // a varint that never ends
        [0x00], [0x00, 0x00, 0x00, 0x00],
    ];

    /// <summary>Applies byte mutation <paramref name="kind"/> at <paramref name="at"/> (any int; taken modulo the length).</summary>
    public static (byte[] Bytes, string Description) Bytes(byte[] input, int kind, int at, int value)
    {
        int position = input.Length == 0 ? 0 : (int)((uint)at % (uint)input.Length);
        switch ((uint)kind % 5)
        {
            case 0:
                return (input[..position], $"truncated to {position} bytes");
            case 1:
            {
                byte[] flipped = (byte[])input.Clone();
                if (flipped.Length > 0) flipped[position] ^= (byte)(value | 1);
                return (flipped, $"byte {position} xor {(byte)(value | 1)}");
            }
            case 2:
            {
                byte[] nasty = NastyBytes[(uint)value % NastyBytes.Length];
                byte[] overwritten = (byte[])input.Clone();
                for (int i = 0; i < nasty.Length && position + i < overwritten.Length; i++) overwritten[position + i] = nasty[i];
                return (overwritten, $"bytes at {position} overwritten with {Convert.ToHexString(nasty)}");
            }
            case 3:
            {
                byte[] nasty = NastyBytes[(uint)value % NastyBytes.Length];
                return ([.. input[..position], .. nasty, .. input[position..]], $"{Convert.ToHexString(nasty)} inserted at {position}");
            }
            default:
            {
                int count = Math.Min(1 + (int)((uint)value % 16), input.Length - position);
                return ([.. input[..position], .. input[(position + count)..]], $"{count} bytes deleted at {position}");
            }
        }
    }

    /// <summary>Applies JSON mutation <paramref name="kind"/> to the <paramref name="pick"/>-th member or element (depth first).</summary>
    public static (byte[] Bytes, string Description) Json(byte[] input, int kind, int pick)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(input);
        }
        catch (System.Text.Json.JsonException)
        {
            return (input, "not JSON: unchanged");
        }
        var slots = new List<(JsonNode Parent, string? Key, int Index, string Path)>();
        Collect(root, "$", slots);
        if (root is null || slots.Count == 0) return (input, "no members: unchanged");
        (JsonNode parent, string? key, int index, string path) = slots[(int)((uint)pick % (uint)slots.Count)];
        uint action = (uint)kind % 14;
        string description;
        if (action == 0)
        {
            if (parent is JsonObject removeFrom) removeFrom.Remove(key!);
            else ((JsonArray)parent).RemoveAt(index);
            description = $"{path} removed";
        }
        else if (action == 1 && parent is JsonObject addTo)
        {
            string name = new[] { "../outside.txt", "/etc/passwd", "model.mldsl", "Extra", "" }[(uint)pick % 5];
            addTo[name] = new string('A', 64);
            description = $"member '{name}' added beside {path}";
        }
        else
        {
            JsonNode? value = Nasty(action);
            if (parent is JsonObject setIn) setIn[key!] = value;
            else ((JsonArray)parent)[index] = value;
            description = $"{path} = {Shorten(value?.ToJsonString() ?? "null")}";
        }
        return (Encoding.UTF8.GetBytes(root.ToJsonString()), description);
    }

    private static JsonNode? Nasty(uint action) => action switch
    {
        2 => JsonValue.Create(-1),
        3 => JsonValue.Create(int.MaxValue),
        4 => JsonValue.Create(1e308),
        5 => JsonValue.Create(""),
        6 => JsonValue.Create("../../outside.txt"),
        7 => new JsonArray(),
        8 => new JsonObject(),
        9 => JsonValue.Create(new string('x', 100_000)),
        10 => Enumerable.Range(0, 40).Aggregate((JsonNode)new JsonArray(), (inner, _) => new JsonArray(inner)),
        11 => JsonValue.Create(true),
        12 => new JsonArray(Enumerable.Range(0, 5000).Select(i => (JsonNode)JsonValue.Create(i)).ToArray()),
        _ => null,
    };

    private static void Collect(JsonNode? node, string path, List<(JsonNode, string?, int, string)> slots)
    {
        if (node is JsonObject members)
        {
            foreach ((string name, JsonNode? value) in members.ToList())
            {
                slots.Add((members, name, -1, $"{path}.{name}"));
                Collect(value, $"{path}.{name}", slots);
            }
        }
        else if (node is JsonArray elements)
        {
            // Long arrays (reference samples) are represented by their first elements.
            for (int i = 0; i < Math.Min(elements.Count, 8); i++)
            {
                slots.Add((elements, null, i, $"{path}[{i}]"));
                Collect(elements[i], $"{path}[{i}]", slots);
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + $"... ({text.Length} characters)";
}
