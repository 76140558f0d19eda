namespace MlDsl;

/// <summary>
/// Where a member's value is in a CSV file: a header name, or a zero-based column index (an array
/// feature reads as many consecutive columns as its shape holds). Without it, the header named like the member.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class ColumnAttribute : Attribute
{
    public ColumnAttribute(string name) => Name = name;

    public ColumnAttribute(int index) => Index = index;

    public string? Name { get; }
    public int Index { get; } = -1;
}
