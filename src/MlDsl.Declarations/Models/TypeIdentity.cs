using MlDsl.Shapes;

namespace MlDsl.Declarations.Models;

/// <summary>Where a partial type lives and how to redeclare it.</summary>
/// <param name="Keyword">"class", "record", "struct" or "record struct".</param>
public sealed record TypeIdentity(string Namespace, string Name, string Keyword)
{
    /// <summary>
    /// The types the type is nested in, outermost first, as the partial declarations that reopen them
    /// ("partial class Outer&lt;T&gt;"); empty for a type directly in a namespace.
    /// </summary>
    public EquatableArray<string> Containers { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The type as generated code names it, with its containing types ("global::Shop.Outer&lt;T&gt;.Row").</summary>
    public string FullyQualifiedName { get; init; } = "global::" + Name;

    /// <summary>The containing types' names for file names ("Outer_1"), so nested types of the same name get files of their own.</summary>
    public string ContainerPath { get; init; } = "";

    public string HintName(string suffix) =>
        (Namespace.Length == 0 ? "" : Namespace + ".") + (ContainerPath.Length == 0 ? "" : ContainerPath + ".") + Name + "." + suffix + ".g.cs";
}
