namespace MlDsl.Declarations.Models;

/// <summary>Where a partial type lives and how to redeclare it.</summary>
/// <param name="Keyword">"class", "record", "struct" or "record struct".</param>
public sealed record TypeIdentity(string Namespace, string Name, string Keyword)
{
    public string FullyQualifiedName => Namespace.Length == 0 ? "global::" + Name : $"global::{Namespace}.{Name}";

    public string HintName(string suffix) => (Namespace.Length == 0 ? Name : Namespace + "." + Name) + "." + suffix + ".g.cs";
}
