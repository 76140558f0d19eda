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

    public EquatableArray<int> Ints(string name) => Find(name)?.Value is EquatableArray<int> value ? value : EquatableArray<int>.Empty;

    private LayerArgument? Find(string name)
    {
        foreach (LayerArgument item in Items)
            if (string.Equals(item.Name, name, StringComparison.Ordinal)) return item;
        return null;
    }
}
