using System.Collections.Generic;
using System.Globalization;

namespace MlDsl.Shapes;

/// <summary>
/// The shape language of a user module's contract: comma-separated sizes, each an integer expression
/// (+ - * /, parentheses) of numbers and the input's sizes, named <c>c, h, w</c> (rank 3), <c>c, l</c>
/// (rank 2), <c>f</c> (rank 1) or <c>d0, d1, ...</c> at any rank. Division is C#'s integer division.
/// </summary>
public static class ShapeContract
{
    /// <param name="requireRank">For an input contract: the number of sizes must equal the input's rank ("rank" starts the error).</param>
    /// <returns>False with <paramref name="error"/> set when the text cannot be evaluated on <paramref name="input"/>.</returns>
    public static bool Evaluate(string text, TensorShape input, out IReadOnlyList<int>? sizes, out string? error, bool requireRank = false)
    {
        sizes = null;
        error = null;
        string[] parts = text.Split(',');
        if (requireRank && parts.Length != input.Rank)
        {
            error = $"rank {parts.Length} expected";
            return false;
        }
        var result = new List<int>();
        foreach (string part in parts)
        {
            var parser = new Parser(part, input);
            if (!parser.TryParse(out int value, out error)) return false;
            result.Add(value);
        }
        sizes = result;
        return true;
    }

    private sealed class Parser(string text, TensorShape input)
    {
        private int position;
        private string? problem;

        public bool TryParse(out int value, out string? error)
        {
            value = Sum();
            Skip();
            if (problem is null && position < text.Length) problem = $"unexpected '{text[position]}' in '{text.Trim()}'";
            if (problem is null && text.Trim().Length == 0) problem = "an empty size";
            error = problem;
            return problem is null;
        }

        private int Sum()
        {
            int value = Product();
            while (problem is null && Accept('+', '-', out char op))
                value = op == '+' ? value + Product() : value - Product();
            return value;
        }

        private int Product()
        {
            int value = Atom();
            while (problem is null && Accept('*', '/', out char op))
            {
                int right = Atom();
                if (op == '*') value *= right;
                else if (right == 0) problem = "division by zero";
                else value /= right;
            }
            return value;
        }

        private int Atom()
        {
            Skip();
            if (position >= text.Length) return Fail("a size is missing");
            char next = text[position];
            if (next == '(')
            {
                position++;
                int value = Sum();
                Skip();
                if (position >= text.Length || text[position] != ')') return Fail("a ')' is missing");
                position++;
                return value;
            }
            int start = position;
            if (char.IsDigit(next))
            {
                while (position < text.Length && char.IsDigit(text[position])) position++;
                return int.Parse(text.Substring(start, position - start), CultureInfo.InvariantCulture);
            }
            if (char.IsLetter(next))
            {
                while (position < text.Length && char.IsLetterOrDigit(text[position])) position++;
                string name = text.Substring(start, position - start);
                return Dimension(name) is { } index ? input[index] : Fail($"'{name}' names no size of the input {input} (use {Names()})");
            }
            return Fail($"unexpected '{next}'");
        }

        private int? Dimension(string name)
        {
            if (name.Length > 1 && name[0] == 'd' && int.TryParse(name.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                return index < input.Rank ? index : null;
            string[] names = input.Rank switch { 1 => new[] { "f" }, 2 => new[] { "c", "l" }, 3 => new[] { "c", "h", "w" }, _ => new string[0] };
            int found = System.Array.IndexOf(names, name);
            return found >= 0 ? found : null;
        }

        private string Names() => input.Rank switch
        {
            1 => "f or d0",
            2 => "c, l or d0, d1",
            3 => "c, h, w or d0, d1, d2",
            _ => "d0 ... d" + (input.Rank - 1),
        };

        private bool Accept(char first, char second, out char op)
        {
            Skip();
            op = position < text.Length ? text[position] : '\0';
            if (op != first && op != second) return false;
            position++;
            return true;
        }

        private void Skip()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
        }

        private int Fail(string message)
        {
            problem ??= message;
            return 0;
        }
    }
}
