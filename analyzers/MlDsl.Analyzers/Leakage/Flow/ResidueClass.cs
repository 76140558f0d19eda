using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// The positions a filter on the position modulo a number keeps (<c>Where((r, i) =&gt; i % 5 != 0)</c>): every position whose
/// remainder is one of some residues. The modulus is a constant (the residues are then kept as a set, reduced to the shortest
/// period, so that <c>i % 10 % 2 == 0</c>-like spellings of one set are one text) or a value that holds one value for the
/// method (<c>i % k == 0</c>, kept as "is one of" or "is none of" some constant residues). Two classes are compared only
/// where that is decided: constant moduli over their common period, or the same named modulus; anything else is undecided,
/// which the caller treats as different subsets (silent), as every pair of filters was treated before.
/// </summary>
internal sealed class ResidueClass
{
    /// <summary>Moduli above this are not expanded (their common period would be too long to walk).</summary>
    private const int MaxModulus = 1000;

    private ResidueClass(int modulus, bool[] keeps)
    {
        Modulus = modulus;
        Keeps = keeps;
    }

    private ResidueClass(string modulusAtom, bool oneOf, int[] residues)
    {
        ModulusAtom = modulusAtom;
        OneOf = oneOf;
        Residues = residues;
    }

    /// <summary>The constant modulus; 0 when the modulus is a named value.</summary>
    private int Modulus { get; }

    /// <summary>For a constant modulus: which remainders are kept.</summary>
    private bool[] Keeps { get; } = Array.Empty<bool>();

    /// <summary>For a named modulus: the atom naming it (see <see cref="RowSlice.Bound"/>).</summary>
    private string? ModulusAtom { get; }

    /// <summary>For a named modulus: whether <see cref="Residues"/> are the ones kept (else the ones left out).</summary>
    private bool OneOf { get; }

    private int[] Residues { get; } = Array.Empty<int>();

    /// <summary>
    /// <c>position % modulus</c> compared with a constant: the class it keeps; null when it keeps every position (the caller
    /// then needs no class), none, or cannot be written (a modulus out of range).
    /// </summary>
    public static ResidueClass? Compared(int modulus, int shift, string comparison, int value)
    {
        if (modulus <= 1 || modulus > MaxModulus) return null;
        var keeps = new bool[modulus];
        for (int residue = 0; residue < modulus; residue++)
        {
            // (position + shift) % modulus for a position with this remainder (positions are never negative).
            int remainder = ((residue + shift) % modulus + modulus) % modulus;
            keeps[residue] = comparison switch
            {
                "==" => remainder == value,
                "!=" => remainder != value,
                "<" => remainder < value,
                "<=" => remainder <= value,
                ">" => remainder > value,
                ">=" => remainder >= value,
                _ => false,
            };
        }
        return Constant(modulus, keeps);
    }

    /// <summary><c>position % k == value</c> (or <c>!=</c>) for a named modulus <c>k</c>; null for any other comparison.</summary>
    public static ResidueClass? ComparedWithNamed(string modulusAtom, string comparison, int value) =>
        comparison is "==" or "!=" && value >= 0 && RowSlice.Bound.Writable(modulusAtom) && modulusAtom.IndexOf(':') >= 0
            ? new ResidueClass(modulusAtom, comparison == "==", new[] { value }) : null;

    private static ResidueClass? Constant(int modulus, bool[] keeps)
    {
        if (keeps.All(keep => keep) || !keeps.Any(keep => keep)) return null;
        // The shortest period that repeats the pattern: i % 10 in {0, 2, 4, 6, 8} is i % 2 == 0.
        for (int period = 1; period < modulus; period++)
        {
            if (modulus % period != 0) continue;
            bool repeats = true;
            for (int residue = period; residue < modulus && repeats; residue++) repeats = keeps[residue] == keeps[residue % period];
            if (repeats) return new ResidueClass(period, keeps.Take(period).ToArray());
        }
        return new ResidueClass(modulus, keeps);
    }

    /// <summary>Both conditions at once (<c>&amp;&amp;</c>); null when it cannot be written.</summary>
    public static ResidueClass? Both(ResidueClass? left, ResidueClass? right) => Combine(left, right, both: true);

    /// <summary>Either condition (<c>||</c>); null when it cannot be written.</summary>
    public static ResidueClass? Either(ResidueClass? left, ResidueClass? right) => Combine(left, right, both: false);

    private static ResidueClass? Combine(ResidueClass? left, ResidueClass? right, bool both)
    {
        if (left is null || right is null) return both ? left ?? right : null;
        if (left.ModulusAtom is not null || right.ModulusAtom is not null)
        {
            if (left.ModulusAtom != right.ModulusAtom || left.OneOf != right.OneOf) return null;
            // Same named modulus: one of A and one of B is one of A ∩ B; none of A or none of B is none of A ∩ B; and so on.
            bool intersect = both == left.OneOf;
            int[] residues = (intersect ? left.Residues.Intersect(right.Residues) : left.Residues.Union(right.Residues)).OrderBy(r => r).ToArray();
            return residues.Length == 0 ? null : new ResidueClass(left.ModulusAtom!, left.OneOf, residues);
        }
        if (Period(left.Modulus, right.Modulus) is not { } period) return null;
        var keeps = new bool[period];
        for (int i = 0; i < period; i++) keeps[i] = both ? left.Keeps[i % left.Modulus] && right.Keeps[i % right.Modulus] : left.Keeps[i % left.Modulus] || right.Keeps[i % right.Modulus];
        return Constant(period, keeps);
    }

    /// <summary>The positions this class leaves out (<c>!</c>).</summary>
    public ResidueClass? Complement() => ModulusAtom is not null
        ? new ResidueClass(ModulusAtom, !OneOf, Residues)
        : Constant(Modulus, Keeps.Select(keep => !keep).ToArray());

    /// <summary>Whether some position is in both (true), none is (false), or that is not decided (null).</summary>
    public static bool? Share(ResidueClass? left, ResidueClass? right)
    {
        if (left is null || right is null) return true;
        if (left.ModulusAtom is not null || right.ModulusAtom is not null)
        {
            if (left.ModulusAtom != right.ModulusAtom) return null;
            if (left.OneOf && right.OneOf) return left.Residues.Intersect(right.Residues).Any();
            if (left.OneOf != right.OneOf)
            {
                ResidueClass kept = left.OneOf ? left : right, leftOut = left.OneOf ? right : left;
                return kept.Residues.Except(leftOut.Residues).Any();
            }
            return true; // none of a few residues each: a large modulus leaves others to both
        }
        if (Period(left.Modulus, right.Modulus) is not { } period) return null;
        for (int i = 0; i < period; i++)
            if (left.Keeps[i % left.Modulus] && right.Keeps[i % right.Modulus]) return true;
        return false;
    }

    /// <summary>Whether every position <paramref name="inner"/> keeps is provably kept by <paramref name="outer"/>.</summary>
    public static bool Holds(ResidueClass? outer, ResidueClass? inner)
    {
        if (outer is null) return true;
        if (inner is null) return false;
        if (outer.ModulusAtom is not null || inner.ModulusAtom is not null)
        {
            if (outer.ModulusAtom != inner.ModulusAtom) return false;
            return (outer.OneOf, inner.OneOf) switch
            {
                (true, true) => inner.Residues.All(outer.Residues.Contains),
                (false, true) => !inner.Residues.Intersect(outer.Residues).Any(),
                (false, false) => outer.Residues.All(inner.Residues.Contains),
                _ => false,
            };
        }
        if (Period(outer.Modulus, inner.Modulus) is not { } period) return false;
        for (int i = 0; i < period; i++)
            if (inner.Keeps[i % inner.Modulus] && !outer.Keeps[i % outer.Modulus]) return false;
        return true;
    }

    private static int? Period(int a, int b)
    {
        long period = (long)a / Gcd(a, b) * b;
        return period <= MaxModulus * 10L ? (int)period : null;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>Canonical text, free of the segment separators: <c>5:1.2.3.4</c>, or <c>+:0:L:k#40</c> / <c>-:0:L:k#40</c> for a named modulus.</summary>
    public string Text => ModulusAtom is null
        ? Modulus.ToString(CultureInfo.InvariantCulture) + ":" + string.Join(".", Enumerable.Range(0, Modulus).Where(r => Keeps[r]).Select(r => r.ToString(CultureInfo.InvariantCulture)))
        : (OneOf ? "+" : "-") + ":" + string.Join(".", Residues.Select(r => r.ToString(CultureInfo.InvariantCulture))) + ":" + ModulusAtom;

    public static ResidueClass? Parse(string text)
    {
        int colon = text.IndexOf(':');
        if (colon < 0) return null;
        string head = text.Substring(0, colon), rest = text.Substring(colon + 1);
        if (head is "+" or "-")
        {
            int second = rest.IndexOf(':');
            if (second < 0 || Numbers(rest.Substring(0, second)) is not { } residues) return null;
            return new ResidueClass(rest.Substring(second + 1), head == "+", residues);
        }
        if (!int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out int modulus) || modulus <= 1 || Numbers(rest) is not { } kept) return null;
        var keeps = new bool[modulus];
        foreach (int residue in kept)
        {
            if (residue >= modulus) return null;
            keeps[residue] = true;
        }
        return new ResidueClass(modulus, keeps);
    }

    private static int[]? Numbers(string text)
    {
        var numbers = new List<int>();
        foreach (string part in text.Split('.'))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int number)) return null;
            numbers.Add(number);
        }
        return numbers.ToArray();
    }

    public override string ToString() => Text;
}
