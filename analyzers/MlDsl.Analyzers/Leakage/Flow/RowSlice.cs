using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// A run of positions <c>[From, To)</c> taken out of a collection of rows (<c>x[..cut]</c>, <c>Skip(n)</c>, <c>GetRange(a, len)</c>,
/// <c>TakeLast(n)</c>): the path segment of <see cref="Origin"/> that says which rows the slice holds, so that two slices of one
/// value are compared by their positions instead of by where they were written. Each bound is a sum of whole-number
/// multiples of named values (a local, a parameter, the collection's end <c>$end</c>, a fixed fraction of a count) plus a
/// constant; two bounds are ordered when their difference is a constant, or grows with one count and has no constant
/// pulling the other way (<c>(int)(n * 0.8)</c> after <c>(int)(n * 0.7)</c>, <c>n - 50</c> after <c>n / 2</c> is not decided).
/// <c>x[..cut]</c> and <c>x[cut..]</c> are disjoint, <c>x[..cut]</c> and <c>x[(cut - 10)..]</c> share ten rows, <c>Take(n)</c> twice
/// is the same rows. A slice may also keep only the positions of some residues (<c>Where((r, i) =&gt; i % 5 != 0)</c>,
/// <see cref="ResidueClass"/>), and it records the order of the collection it cuts (<see cref="Order"/>): the same cut of a
/// sorted copy and of the rows as they were read holds different rows, so two slices in different orders overlap.
/// Pairs that cannot be ordered (<c>Take(n)</c> against <c>TakeLast(m)</c>) are left undecided; the caller treats them as
/// different subsets, as every pair of subsets was treated before.
/// </summary>
internal sealed class RowSlice
{
    /// <summary>Every slice segment starts with this; no other segment does.</summary>
    public const char Marker = '@';

    /// <summary>The atom standing for the number of rows of the collection being sliced.</summary>
    public const string End = "$end";

    /// <summary>The order of a collection this analysis could not follow: taken to be the same as any other.</summary>
    public const string UnknownOrder = "?";

    private RowSlice(Bound from, Bound to, ResidueClass? residues, string order)
    {
        From = from;
        To = to;
        Residues = residues;
        Order = order;
    }

    public Bound From { get; }

    public Bound To { get; }

    /// <summary>The residues of the positions kept (a filter <c>i % m</c>); null when every position in the run is kept.</summary>
    public ResidueClass? Residues { get; }

    /// <summary>
    /// The order the positions count in: empty for the rows as the collection was made (read, passed in), otherwise the sorts
    /// on the way (<c>OrderBy:_.At</c>), or <see cref="UnknownOrder"/>.
    /// </summary>
    public string Order { get; }

    public static RowSlice Of(Bound from, Bound to) => new(from, to, null, "");

    /// <summary>The same positions, bounded by <paramref name="from"/> and <paramref name="to"/> instead.</summary>
    public RowSlice Between(Bound from, Bound to) => new(from, to, Residues, Order);

    public RowSlice WithResidues(ResidueClass? residues) => new(From, To, residues, Order);

    /// <summary>The same positions counted in <paramref name="order"/>; an order that cannot be written is unknown.</summary>
    public RowSlice InOrder(string order) => new(From, To, Residues, order.Length == 0 || Bound.Writable(order) ? order : UnknownOrder);

    /// <summary>The path segment: <c>@from|to</c>, then <c>|m</c> and the residues, <c>|o</c> and the order (so equal slices are equal segments).</summary>
    public string Segment => Marker + From.Text + "|" + To.Text
        + (Residues is null ? "" : "|m" + Residues.Text) + (Order.Length == 0 ? "" : "|o" + Order);

    public static bool IsSegment(string segment) => segment.Length > 0 && segment[0] == Marker;

    /// <summary>The slice a segment names, or null when it is no slice segment.</summary>
    public static RowSlice? Parse(string segment)
    {
        if (!IsSegment(segment)) return null;
        string[] parts = segment.Substring(1).Split('|');
        if (parts.Length < 2 || Bound.Parse(parts[0]) is not { } from || Bound.Parse(parts[1]) is not { } to) return null;
        ResidueClass? residues = null;
        string order = "";
        for (int i = 2; i < parts.Length; i++)
        {
            if (parts[i].StartsWith("m", StringComparison.Ordinal)) residues = ResidueClass.Parse(parts[i].Substring(1));
            else if (parts[i].StartsWith("o", StringComparison.Ordinal)) order = parts[i].Substring(1);
            else return null;
        }
        return new RowSlice(from, to, residues, order);
    }

    private const string Reverse = "Reverse";

    /// <summary>An order reversed: <c>Reverse</c> appended, or taken off where it ends the order.</summary>
    public static string Mirror(string order) =>
        order == Reverse ? "" : order.EndsWith("," + Reverse, StringComparison.Ordinal) ? order.Substring(0, order.Length - Reverse.Length - 1)
        : order.Length == 0 ? Reverse : order + "," + Reverse;

    /// <summary>
    /// These rows counted in the reverse of this slice's order (position <c>i</c> of one is <c>$end - 1 - i</c> of the other:
    /// <c>TakeLast(n)</c> of the oldest first is <c>Take(n)</c> of the newest first); null where residues are kept, whose
    /// positions the reversal moves by the count.
    /// </summary>
    public RowSlice? Mirrored() => Residues is null
        ? new RowSlice(Bound.EndOfRows.Plus(To, -1), Bound.EndOfRows.Plus(From, -1), null, Mirror(Order)) : null;

    /// <summary>
    /// Whether the two count positions in different orders (a sorted copy against the rows as read): the same positions then
    /// name different rows, and any two slices that are not empty share some.
    /// </summary>
    private bool InAnotherOrderThan(RowSlice other) => Order != other.Order && Order != UnknownOrder && other.Order != UnknownOrder;

    /// <summary>Whether no row can be in both: one ends where (or before) the other starts, or they keep different residues.</summary>
    public bool DisjointFrom(RowSlice other) => !InAnotherOrderThan(other)
        && (other.From.AtLeast(To) || From.AtLeast(other.To) || ResidueClass.Share(Residues, other.Residues) == false);

    /// <summary>
    /// Whether some row is provably in both, taking each slice as non-empty and within the collection (<c>0 ≤ From &lt; To ≤ $end</c>)
    /// and long beside its modulus: each starts before the other ends and some residue is kept by both; or they count in
    /// different orders.
    /// </summary>
    public bool Intersects(RowSlice other) => InAnotherOrderThan(other)
        || StartsBeforeEnd(this, other) && StartsBeforeEnd(other, this) && ResidueClass.Share(Residues, other.Residues) == true;

    /// <summary>Whether every row of <paramref name="other"/> is provably in this slice.</summary>
    public bool Contains(RowSlice other) => InAnotherOrderThan(other)
        ? Residues is null && From.IsZero && To.IsEnd
        : other.From.AtLeast(From) && To.AtLeast(other.To) && ResidueClass.Holds(Residues, other.Residues);

    // a.From < b.To: directly from the bounds, or because a starts no later than b does (b.From < b.To), or a ends no later than b.
    private static bool StartsBeforeEnd(RowSlice a, RowSlice b) =>
        b.To.Compare(a.From) is > 0 || b.From.AtLeast(a.From) || b.To.AtLeast(a.To);

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

        /// <summary>
        /// <paramref name="numerator"/>/<paramref name="denominator"/> of <paramref name="count"/>, rounded (<c>n * 4 / 5</c>,
        /// <c>(int)(n * 0.8)</c>): an atom of its own, named by the reduced fraction and the count's atom, so that every way of
        /// writing one fraction of one count is one atom. Null when the count is no single atom or the fraction is not positive.
        /// </summary>
        public static Bound? Fraction(long numerator, long denominator, Bound count)
        {
            if (numerator <= 0 || denominator <= 0 || count.Constant != 0 || count.Terms.Count != 1) return null;
            KeyValuePair<string, int> term = count.Terms.First();
            numerator *= term.Value;
            if (numerator <= 0) return null;
            string atom = term.Key;
            // A fraction of a fraction of a count (n * 4 / 5 / 2) is the product of the two.
            if (ScaledAtom(atom) is { } inner)
            {
                numerator *= inner.Numerator;
                denominator *= inner.Denominator;
                atom = inner.Count;
            }
            long divisor = Gcd(numerator, denominator);
            numerator /= divisor;
            denominator /= divisor;
            if (numerator > int.MaxValue || denominator > int.MaxValue) return null;
            if (denominator == 1) return Atom(atom).Times((int)numerator);
            return Atom(FractionPrefix + numerator.ToString(System.Globalization.CultureInfo.InvariantCulture) + "÷"
                + denominator.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + atom);
        }

        private const string FractionPrefix = "F";

        /// <summary>The fraction and the count of an atom made by <see cref="Fraction"/>; null for any other atom.</summary>
        private static (long Numerator, long Denominator, string Count)? ScaledAtom(string atom)
        {
            if (!atom.StartsWith(FractionPrefix, StringComparison.Ordinal)) return null;
            int division = atom.IndexOf('÷'), colon = atom.IndexOf(':');
            if (division < 0 || colon < division) return null;
            return long.TryParse(atom.Substring(1, division - 1), out long numerator) && long.TryParse(atom.Substring(division + 1, colon - division - 1), out long denominator)
                ? (numerator, denominator, atom.Substring(colon + 1)) : null;
        }

        private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

        /// <summary>
        /// The sign of this minus <paramref name="other"/> where it is decided: a constant difference; or one that is a multiple
        /// of one count (the fractions of it, and the count itself, summed) growing or shrinking with it, with a constant that does
        /// not pull the other way (<c>(int)(n * 0.8) - (int)(n * 0.7)</c> is positive; <c>n - 100 - (int)(n * 0.8)</c> is not
        /// decided, as it depends on how many rows there are). Null otherwise.
        /// </summary>
        public int? Compare(Bound other)
        {
            Bound difference = Plus(other, -1);
            if (difference.Terms.Count == 0) return Math.Sign(difference.Constant);
            string? count = null;
            // The rate Σ coefficient × fraction, as a fraction over the product of the denominators (small: a few fractions).
            long numerator = 0, denominator = 1;
            foreach (KeyValuePair<string, int> term in difference.Terms)
            {
                (long Numerator, long Denominator, string Count) scaled = ScaledAtom(term.Key) ?? (1, 1, term.Key);
                if (count is not null && count != scaled.Count) return null;
                count = scaled.Count;
                try
                {
                    numerator = checked(numerator * scaled.Denominator + term.Value * scaled.Numerator * denominator);
                    denominator = checked(denominator * scaled.Denominator);
                }
                catch (OverflowException)
                {
                    return null;
                }
            }
            int rate = Math.Sign(numerator), constant = Math.Sign(difference.Constant);
            return rate != 0 && constant != -rate ? rate : null;
        }

        /// <summary>
        /// Whether this bound is provably no smaller than <paramref name="other"/>: by the difference's sign (<see cref="Compare"/>),
        /// or because <paramref name="other"/> is the first row (0) or this is the end of the rows.
        /// </summary>
        public bool AtLeast(Bound other) => Compare(other) is >= 0 || other.IsZero || IsEnd;

        public bool IsZero => Constant == 0 && Terms.Count == 0;

        public bool IsEnd => Constant == 0 && Terms.Count == 1 && Terms.TryGetValue(End, out int coefficient) && coefficient == 1;

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
