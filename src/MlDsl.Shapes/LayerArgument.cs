using System;

namespace MlDsl.Shapes;

/// <summary>
/// One argument written on a layer attribute, named as the attribute's property (a constructor
/// parameter <c>outChannels</c> becomes <c>OutChannels</c>). Values are value-equal: int, double,
/// bool, string or an <see cref="EquatableArray{T}"/> of int.
/// </summary>
public sealed record LayerArgument(string Name, object? Value)
{
    public static LayerArgument Of(string name, object? value) =>
        new(name, value is int[] array ? array.ToEquatableArray() : value);
}

/// <summary>The arguments written on one layer attribute, with typed reads and the layer's defaults.</summary>
public sealed record LayerArguments(EquatableArray<LayerArgument> Items)
{
    public static LayerArguments None { get; } = new(EquatableArray<LayerArgument>.Empty);

    public static LayerArguments Of(params LayerArgument[] items) => new(items.ToEquatableArray());

    public bool Has(string name) => Find(name) is not null;

    public int Int(string name, int fallback) => Find(name)?.Value is int value ? value : fallback;

    /// <summary>The attribute surface writes 0 for "infer it"; that and a missing value read as null.</summary>
    public int? Declared(string name) => Find(name)?.Value is int value && value != 0 ? value : null;

    public double Double(string name, double fallback) => Find(name)?.Value switch
    {
        double value => value,
        float value => value,
        int value => value,
        _ => fallback,
    };

    public bool Bool(string name, bool fallback = false) => Find(name)?.Value is bool value ? value : fallback;

    public string? Text(string name) => Find(name)?.Value as string;

    /// <summary>The value as read (a number, <see cref="EquatableArray{T}"/> of numbers, a word), for arguments that take several forms.</summary>
    public object? Value(string name) => Find(name)?.Value;

    public EquatableArray<int> Ints(string name) => Find(name)?.Value is EquatableArray<int> value ? value : EquatableArray<int>.Empty;

    /// <summary>
    /// A 2-D size written as one number for both axes or two (<c>new[] { height, width }</c>); the fallback when
    /// absent. Anything else (three numbers, a fraction, a word) gives null and says why in <paramref name="problem"/>.
    /// </summary>
    public Pair2d? Pair(string name, int fallback, ref string? problem)
    {
        LayerArgument? item = Find(name);
        switch (item?.Value)
        {
            case null when item is null:
                return Pair2d.Square(fallback);
            case int size:
                return Pair2d.Square(size);
            case EquatableArray<int> sizes when sizes.Count == 2:
                return new Pair2d(sizes[0], sizes[1]);
            default:
                problem ??= $"{name} takes one number for both axes or two, new[] {{ height, width }}; got {Describe(item!.Value)}";
                return null;
        }
    }

    /// <summary>A value as the attribute wrote it, for messages: <c>new[] { 3, 1, 1 }</c>, <c>"full"</c>, <c>2.5</c>.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "something other than numbers",
        string text => $"\"{text}\"",
        EquatableArray<int> sizes => $"new[] {{ {string.Join(", ", sizes)} }}",
        System.IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The last argument of that name: a named argument set after the constructor's wins, as in C#.</summary>
    private LayerArgument? Find(string name)
    {
        LayerArgument? found = null;
        foreach (LayerArgument item in Items)
            if (string.Equals(item.Name, name, StringComparison.Ordinal)) found = item;
        return found;
    }
}
