using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

/// <summary>
/// A block's arguments for one use: its <c>[BlockArgument]</c> constants, in declaration order, with
/// the values an <c>[Arguments(...)]</c> member gives or the constants' own. A layer attribute of the
/// block whose argument is written with one of them (<c>[Conv2d(Channels)]</c>,
/// <c>[Linear(Width * 2)]</c>) takes the use's value: the compiler folded in the constant's own value,
/// so the reader goes back to the attribute's syntax.
/// </summary>
internal sealed class BlockArguments
{
    private const string BlockArgumentAttribute = "MlDsl.BlockArgumentAttribute";
    private const string ArgumentsAttribute = "MlDsl.ArgumentsAttribute";

    private readonly string blockName;
    private readonly Dictionary<string, object?> values;

    private BlockArguments(string blockName, Dictionary<string, object?> values)
    {
        this.blockName = blockName;
        this.values = values;
    }

    public static BlockArguments None { get; } = new("", new Dictionary<string, object?>());

    public int Count => values.Count;

    /// <summary>The block's arguments at their declared values.</summary>
    public static BlockArguments Defaults(INamedTypeSymbol block) =>
        new(block.Name, Declared(block).ToDictionary(field => field.Name, field => field.ConstantValue));

    /// <summary>The block's arguments as <paramref name="member"/> gives them; a value that does not fit leaves the default and says why.</summary>
    /// <param name="outer">The arguments of the block that holds <paramref name="member"/>: a value written with them (<c>[Arguments(Width * 2)]</c>) takes this use's.</param>
    public static BlockArguments Bind(ISymbol member, INamedTypeSymbol block, BlockArguments outer, out string? problem, out Location? location)
    {
        problem = null;
        BlockArguments bound = Defaults(block);
        AttributeData? attribute = TypeIdentities.FindAttribute(member, ArgumentsAttribute);
        location = attribute is null ? null : TypeIdentities.LocationOf(attribute, member);
        if (attribute is null) return bound;

        List<IFieldSymbol> declared = Declared(block);
        TypedConstant supplied = attribute.ConstructorArguments.FirstOrDefault();
        IReadOnlyList<TypedConstant> items = supplied.Kind == TypedConstantKind.Array && !supplied.IsNull ? supplied.Values : new TypedConstant[0];
        string signature = declared.Count == 0
            ? $"block '{block.Name}' declares no [BlockArgument] constants"
            : $"block '{block.Name}' takes ({string.Join(", ", declared.Select(field => field.Type.ToDisplayString() + " " + field.Name))})";
        if (items.Count > declared.Count)
        {
            problem = $"gives {items.Count} arguments but {signature}";
            return bound;
        }
        SeparatedSyntaxList<AttributeArgumentSyntax>? written = (attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax)?.ArgumentList?.Arguments;
        for (int i = 0; i < items.Count; i++)
        {
            object? given = items[i].Value;
            if (outer.Count > 0 && written is { } syntax && syntax.Count == items.Count && outer.Mentions(syntax[i].Expression))
                given = outer.Evaluate(syntax[i].Expression) ?? given;
            object? value = Convert(given, declared[i].Type.SpecialType);
            if (value is null)
            {
                problem = $"gives {Describe(given)} for '{declared[i].Name}', which is {declared[i].Type.ToDisplayString()}; {signature}";
                return Defaults(block);
            }
            bound.values[declared[i].Name] = value;
        }
        return bound;
    }

    /// <summary>The layer with every argument written in terms of block arguments re-evaluated with this use's values.</summary>
    public LayerSpec Substitute(LayerSpec spec, AttributeData attribute, out string? problem)
    {
        problem = null;
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax { ArgumentList: { } list }) return spec;
        IMethodSymbol? constructor = attribute.AttributeConstructor;
        var items = spec.Arguments.Items.ToList();
        int position = 0;
        foreach (AttributeArgumentSyntax argument in list.Arguments)
        {
            string? name = argument.NameEquals?.Name.Identifier.ValueText
                ?? (argument.NameColon is { } colon ? Pascal(colon.Name.Identifier.ValueText)
                    : constructor is not null && position < constructor.Parameters.Length ? Pascal(constructor.Parameters[position].Name) : null);
            if (argument.NameEquals is null && argument.NameColon is null) position++;
            if (name is null || !Mentions(argument.Expression)) continue;

            object? value = Evaluate(argument.Expression);
            if (value is null)
            {
                problem = $"writes {name} as '{argument.Expression}', which MlDsl cannot evaluate with the block's arguments; use an argument alone or with + - * / and numbers";
                continue;
            }
            int index = items.FindIndex(item => item.Name == name);
            var replaced = new LayerArgument(name, value);
            if (index >= 0) items[index] = replaced;
            else items.Add(replaced);
        }
        return spec with { Arguments = new LayerArguments(items.ToEquatableArray()) };
    }

    private bool Mentions(ExpressionSyntax expression) =>
        expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(identifier => values.ContainsKey(identifier.Identifier.ValueText));

    /// <summary>Numbers, the block's arguments (alone or as <c>Block.Name</c>), parentheses, unary minus and + - * /, with C#'s int and double arithmetic.</summary>
    private object? Evaluate(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Evaluate(parenthesized.Expression);
            case LiteralExpressionSyntax literal:
                return literal.Token.Value;
            case IdentifierNameSyntax identifier:
                return values.TryGetValue(identifier.Identifier.ValueText, out object? value) ? value : null;
            case MemberAccessExpressionSyntax access when access.Expression.ToString() == blockName:
                return values.TryGetValue(access.Name.Identifier.ValueText, out object? member) ? member : null;
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression):
                return Evaluate(unary.Operand) switch
                {
                    int number => -number,
                    double number => -number,
                    float number => -number,
                    _ => null,
                };
            case BinaryExpressionSyntax binary:
                object? left = Evaluate(binary.Left), right = Evaluate(binary.Right);
                if (left is int a && right is int b)
                {
                    return binary.Kind() switch
                    {
                        SyntaxKind.AddExpression => a + b,
                        SyntaxKind.SubtractExpression => a - b,
                        SyntaxKind.MultiplyExpression => a * b,
                        SyntaxKind.DivideExpression when b != 0 => a / b,
                        _ => null,
                    };
                }
                if (Number(left) is not { } x || Number(right) is not { } y) return null;
                return binary.Kind() switch
                {
                    SyntaxKind.AddExpression => x + y,
                    SyntaxKind.SubtractExpression => x - y,
                    SyntaxKind.MultiplyExpression => x * y,
                    SyntaxKind.DivideExpression => x / y,
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static double? Number(object? value) => value switch
    {
        int number => number,
        double number => number,
        float number => number,
        _ => null,
    };

    private static List<IFieldSymbol> Declared(INamedTypeSymbol block) =>
        block.GetMembers().OfType<IFieldSymbol>()
            .Where(field => field.IsConst && TypeIdentities.HasAttribute(field, BlockArgumentAttribute))
            .ToList();

    /// <summary>A use's value as the constant's type, widening as C# would; null when it does not fit.</summary>
    private static object? Convert(object? value, SpecialType type) => (type, value) switch
    {
        (SpecialType.System_Int32, int number) => number,
        (SpecialType.System_Double, int number) => (double)number,
        (SpecialType.System_Double, float number) => (double)number,
        (SpecialType.System_Double, double number) => number,
        (SpecialType.System_Single, int number) => (float)number,
        (SpecialType.System_Single, float number) => number,
        (SpecialType.System_Single, double number) => (float)number,
        (SpecialType.System_Boolean, bool flag) => flag,
        (SpecialType.System_String, string text) => text,
        _ => null,
    };

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        System.IFormattable number => $"{number.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => value.ToString() ?? "?",
    };

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);
}
