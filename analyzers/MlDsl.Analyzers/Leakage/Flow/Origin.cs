using System;
using System.Linq;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>Which part of a split rows belong to, as far as leakage is concerned.</summary>
internal enum Role
{
    All,
    Train,
    Validation,
    Test,
}

/// <summary>
/// Rows of one source, narrowed by a path of segments. <c>T</c>, <c>V</c> and <c>X</c> are the
/// training, validation and test parts of a split (<c>H</c> rows named a holdout); every other segment names a subset taken some
/// other way (a filter, a member of an unknown container, a lambda parameter), so two different
/// subsets of one source count as disjoint while a subset and its whole overlap. A slice of positions (<c>@from|to</c>,
/// <see cref="RowSlice"/>) is named by its bounds, so two slices at one place are compared by their positions.
/// </summary>
internal readonly struct Origin : IEquatable<Origin>
{
    public Origin(string source, string path)
    {
        Source = source;
        Path = path;
    }

    /// <summary>The source's key: a parameter or local's name, <c>read:path</c> for a file read, ...</summary>
    public string Source { get; }

    /// <summary>Segments separated by '/', empty for all rows of the source.</summary>
    public string Path { get; }

    public Origin Narrow(string segment) => new(Source, Path.Length == 0 ? segment : Path + "/" + segment);

    /// <summary>
    /// Marks a part segment that only names the rows (<c>var test = rows.Skip(cut)</c> takes "test" from its variable) where it
    /// follows a slice: written <c>=/X</c>, so that it stays apart from the part of a split of that slice (<c>@0|800/X</c>) and
    /// the slice is still compared by its positions.
    /// </summary>
    public const string NamedMarker = "=";

    /// <summary>These rows taking the part <paramref name="role"/> from the name they are kept under.</summary>
    public Origin NamedAs(string role)
    {
        int last = Path.LastIndexOf('/');
        return RowSlice.IsSegment(Path.Substring(last + 1)) ? Narrow(NamedMarker + "/" + role) : Narrow(role);
    }

    /// <summary>
    /// The part of the outermost split: splitting the training part again keeps "training" (the inner
    /// "test" is a fold), splitting the test part keeps "test".
    /// </summary>
    public Role Role
    {
        get
        {
            foreach (string segment in Path.Split('/'))
            {
                switch (segment)
                {
                    case "T": return Role.Train;
                    case "V": return Role.Validation;
                    case "X": return Role.Test;
                    case "H": return Role.Test; // named a holdout: test rows, unless they are only watched by a fit
                }
            }
            return Role.All;
        }
    }

    /// <summary>
    /// Whether the two may share rows: same source, and one path is a prefix of the other; or, where the paths part at two
    /// slices of the same rows (<see cref="RowSlice"/>), as the slices' positions say.
    /// </summary>
    public bool Overlaps(Origin other)
    {
        if (Source != other.Source) return false;
        // Every row kept under a part's name (train = rows) holds whatever is later taken from the rows.
        if (WholeUnderAName(Path) || WholeUnderAName(other.Path)) return true;
        string shorter = Path.Length <= other.Path.Length ? Path : other.Path, longer = ReferenceEquals(shorter, Path) ? other.Path : Path;
        if (shorter.Length == 0 || longer == shorter || longer.StartsWith(shorter + "/", StringComparison.Ordinal)) return true;
        return Path.IndexOf(RowSlice.Marker) >= 0 && other.Path.IndexOf(RowSlice.Marker) >= 0 && SlicesOverlap(Unnamed(Path), Unnamed(other.Path));
    }

    /// <summary>Whether a path names every row of its source under a part's name (<c>=/T</c>: <c>train = rows</c>).</summary>
    private static bool WholeUnderAName(string path) =>
        path.Length > 0 && path[0] == NamedMarker[0] && (path.Length == 1 || path[1] == '/' && path.IndexOf('/', 2) < 0);

    /// <summary>The segments of a path less a part it only takes from a name after its last slice (<c>@0|cut/=/T</c> is the slice).</summary>
    private static string[] Unnamed(string path)
    {
        string[] segments = path.Split('/');
        int length = segments.Length;
        return length >= 3 && segments[length - 2] == NamedMarker ? segments.Take(length - 2).ToArray() : segments;
    }

    /// <summary>
    /// Two paths that part at a segment: when both segments there are slices of the same rows, they share rows if the slices
    /// provably do and nothing narrows either further, or if one slice holds the other and is not narrowed further. Slices
    /// that are disjoint, or whose overlap cannot be decided, count as different subsets (disjoint), as any two subsets do.
    /// The same slice kept under two names (<c>train = rows.Take(n)</c>, <c>test = rows.Take(n)</c>) is the same rows.
    /// </summary>
    private static bool SlicesOverlap(string[] left, string[] right)
    {
        int at = 0;
        while (at < left.Length && at < right.Length && left[at] == right[at]) at++;
        if (at == left.Length || at == right.Length) return true; // one is the other, or a part of it
        if (RowSlice.Parse(left[at]) is not { } a || RowSlice.Parse(right[at]) is not { } b) return false;
        // One counted newest first, the other oldest first: compared in one order (or undecided where that cannot be written).
        if (a.Order != b.Order && RowSlice.Mirror(b.Order) == a.Order)
        {
            if (b.Mirrored() is not { } turned) return false;
            b = turned;
        }
        if (a.DisjointFrom(b)) return false;
        bool leftEnds = at == left.Length - 1, rightEnds = at == right.Length - 1;
        return leftEnds && rightEnds && a.Intersects(b) || leftEnds && a.Contains(b) || rightEnds && b.Contains(a);
    }

    /// <summary>How a message names the rows: the variable, the file read, or the place rows were built.</summary>
    public string Display => Source.StartsWith("read:", StringComparison.Ordinal) ? $"the rows read from {Source.Substring(5)}"
        : MadeRows.IsMade(Source) ? MadeRows.Display(Source) : FoldRows.IsFold(Source) ? FoldRows.Display : $"'{Source}'";

    public bool Equals(Origin other) => Source == other.Source && Path == other.Path;
    public override bool Equals(object? obj) => obj is Origin other && Equals(other);
    public override int GetHashCode() => unchecked(Source.GetHashCode() * 31 + Path.GetHashCode());
    public override string ToString() => Path.Length == 0 ? Source : Source + "[" + Path + "]";
}
