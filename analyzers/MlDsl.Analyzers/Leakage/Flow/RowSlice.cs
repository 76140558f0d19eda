using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// A run of positions <c>[From, To)</c> taken out of a collection of rows (<c>x[..cut]</c>, <c>Skip(n)</c>, <c>GetRange(a, len)</c>,
/// <c>TakeLast(n)</c>): the path segment of <see cref="Origin"/> that says which rows the slice holds, so that two slices of one
/// value are compared by their positions instead of by where they were written. Each bound is a sum of whole-number
/// multiples of named values (a local, a parameter, the collection's end <c>$end</c>) plus a constant; two bounds whose
/// difference is a constant can be ordered, which is all the comparison needs: <c>x[..cut]</c> and <c>x[cut..]</c> are
/// disjoint, <c>x[..cut]</c> and <c>x[(cut - 10)..]</c> share ten rows, <c>Take(n)</c> twice is the same rows.
/// Pairs that cannot be ordered (<c>Take(n)</c> against <c>TakeLast(m)</c>) are left undecided; the caller treats them as
/// different subsets, as every pair of subsets was treated before.
/// </summary>
internal sealed class RowSlice
{
    /// <summary>Every slice segment starts with this; no other segment does.</summary>
    public const char Marker = '@';

    /// <summary>The atom standing for the number of rows of the collection being sliced.</summary>
    public const string End = "$end";

    private RowSlice(Bound from, Bound to)
    {
        From = from;
        To = to;
    }

    public Bound From { get; }

    public Bound To { get; }

    public static RowSlice Of(Bound from, Bound to) => new(from, to);

    /// <summary>The path segment: <c>@from|to</c>, each bound written canonically (so equal slices are equal segments).</summary>
    public string Segment => Marker + From.Text + "|" + To.Text;

    public static bool IsSegment(string segment) => segment.Length > 0 && segment[0] == Marker;

    /// <summary>The slice a segment names, or null when it is no slice segment.</summary>
    public static RowSlice? Parse(string segment)
    {
        if (!IsSegment(segment)) return null;
        int bar = segment.IndexOf('|');
        if (bar < 0) return null;
        return Bound.Parse(segment.Substring(1, bar - 1)) is { } from && Bound.Parse(segment.Substring(bar + 1)) is { } to ? new RowSlice(from, to) : null;
    }

    /// <summary>Whether no row can be in both: one ends where (or before) the other starts.</summary>
    public bool DisjointFrom(RowSlice other) => other.From.AtLeast(To) || From.AtLeast(other.To);

    /// <summary>
    /// Whether some row is provably in both, taking each slice as non-empty and within the collection (<c>0 ≤ From &lt; To ≤ $end</c>):
    /// each starts before the other ends.
    /// </summary>
    public bool Intersects(RowSlice other) => StartsBeforeEnd(this, other) && StartsBeforeEnd(other, this);

    /// <summary>Whether every row of <paramref name="other"/> is provably in this slice.</summary>
    public bool Contains(RowSlice other) => other.From.AtLeast(From) && To.AtLeast(other.To);

    // a.From < b.To: directly from the bounds, or because a starts no later than b does (b.From < b.To), or a ends no later than b.
    private static bool StartsBeforeEnd(RowSlice a, RowSlice b) =>
        b.To.Minus(a.From) is > 0 || b.From.AtLeast(a.From) || b.To.AtLeast(a.To);

    public override string ToString() => Segment;

    /// <summary>A whole number of rows: <c>Constant + Σ coefficient × atom</c>, atoms kept sorted so that equal sums are equal text.</summary>
    internal sealed class Bound
    {
        private Bound(int constant, SortedDictionary<string, int> terms)
        {
            Constant = constant;
            Terms = terms;
        }

        public int Constant { get; }

        public SortedDictionary<string, int> Terms { get; }

        public static Bound Zero { get; } = Number(0);

        public static Bound Number(int value) => new(value, new SortedDictionary<string, int>(StringComparer.Ordinal));

        public static Bound Atom(string atom) => new(0, new SortedDictionary<string, int>(StringComparer.Ordinal) { [atom] = 1 });

        public static Bound EndOfRows { get; } = Atom(End);

        /// <summary>Whether an atom's text can be written into a segment (the separators are not in it).</summary>
        public static bool Writable(string atom) => atom.Length > 0 && atom.IndexOfAny(new[] { '/', '|', ';', Marker }) < 0;

        public Bound Plus(Bound other, int sign = 1)
        {
            var terms = new SortedDictionary<string, int>(Terms, StringComparer.Ordinal);
            foreach (KeyValuePair<string, int> term in other.Terms)
            {
                terms.TryGetValue(term.Key, out int coefficient);
                coefficient += sign * term.Value;
                if (coefficient == 0) terms.Remove(term.Key);
                else terms[term.Key] = coefficient;
            }
            return new Bound(Constant + sign * other.Constant, terms);
        }

        public Bound Times(int factor) => factor == 0 ? Zero
            : new Bound(Constant * factor, new SortedDictionary<string, int>(Terms.ToDictionary(term => term.Key, term => term.Value * factor), StringComparer.Ordinal));

        /// <summary>This minus <paramref name="other"/> when it is a constant; null when it depends on a value.</summary>
        public int? Minus(Bound other)
        {
            Bound difference = Plus(other, -1);
            return difference.Terms.Count == 0 ? difference.Constant : null;
        }

        /// <summary>
        /// Whether this bound is provably no smaller than <paramref name="other"/>: by a constant difference, or because
        /// <paramref name="other"/> is the first row (0) or this is the end of the rows.
        /// </summary>
        public bool AtLeast(Bound other) => Minus(other) is >= 0 || other.IsZero || IsEnd;

        private bool IsZero => Constant == 0 && Terms.Count == 0;

        private bool IsEnd => Constant == 0 && Terms.Count == 1 && Terms.TryGetValue(End, out int coefficient) && coefficient == 1;

        /// <summary>Canonical text: the constant, then <c>;coefficient:atom</c> per atom in ordinal order.</summary>
        public string Text
        {
            get
            {
                var text = new StringBuilder().Append(Constant.ToString(System.Globalization.CultureInfo.InvariantCulture));
                foreach (KeyValuePair<string, int> term in Terms)
                    text.Append(';').Append(term.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(term.Key);
                return text.ToString();
            }
        }

        public static Bound? Parse(string text)
        {
            string[] parts = text.Split(';');
            if (!int.TryParse(parts[0], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int constant)) return null;
            var terms = new SortedDictionary<string, int>(StringComparer.Ordinal);
            for (int i = 1; i < parts.Length; i++)
            {
                int colon = parts[i].IndexOf(':');
                if (colon < 0 || !int.TryParse(parts[i].Substring(0, colon), System.Globalization.NumberStyles.AllowLeadingSign,
                        System.Globalization.CultureInfo.InvariantCulture, out int coefficient)) return null;
                terms[parts[i].Substring(colon + 1)] = coefficient;
            }
            return new Bound(constant, terms);
        }
    }
}
