using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>Which part of a split an expression holds, as far as one method's code shows.</summary>
internal enum SplitRole
{
    Unknown,
    Train,
    Validation,
    Test,
}

internal static class SplitRoles
{
    /// <summary>
    /// Follows <c>split.Test</c>, locals initialised from it, the third name of
    /// <c>var (train, validation, test) = rows.Split(...)</c>, and <c>transform.Apply(x)</c> (which keeps x's role).
    /// </summary>
    public static SplitRole Of(IOperation? operation, LeakageSymbols symbols, int depth = 0)
    {
        if (operation is null || depth > 8) return SplitRole.Unknown;
        switch (operation)
        {
            case IConversionOperation conversion:
                return Of(conversion.Operand, symbols, depth + 1);
            case IArgumentOperation argument:
                return Of(argument.Value, symbols, depth + 1);
            case IPropertyReferenceOperation property when symbols.IsDataSplit(property.Property.ContainingType):
                return property.Property.Name switch
                {
                    "Train" => SplitRole.Train,
                    "Validation" => SplitRole.Validation,
                    "Test" => SplitRole.Test,
                    _ => SplitRole.Unknown,
                };
            case IInvocationOperation invocation when symbols.IsTransformApply(invocation.TargetMethod):
                return Of(invocation.Arguments.FirstOrDefault(), symbols, depth + 1);
            case ILocalReferenceOperation local:
                return OfLocal(local.Local, operation.SemanticModel, symbols, depth);
            default:
                return SplitRole.Unknown;
        }
    }

    private static SplitRole OfLocal(ILocalSymbol local, SemanticModel? model, LeakageSymbols symbols, int depth)
    {
        if (model is null) return SplitRole.Unknown;
        foreach (SyntaxReference reference in local.DeclaringSyntaxReferences)
        {
            SyntaxNode declaration = reference.GetSyntax();
            if (declaration is VariableDeclaratorSyntax { Initializer.Value: { } value } && model.SyntaxTree == value.SyntaxTree)
                return Of(model.GetOperation(value), symbols, depth + 1);

            // var (train, validation, test) = rows.Split(...): the position names the role.
            if (declaration is SingleVariableDesignationSyntax { Parent: ParenthesizedVariableDesignationSyntax names }
                && names.Parent is DeclarationExpressionSyntax { Parent: AssignmentExpressionSyntax assignment }
                && model.GetOperation(assignment.Right) is { } right
                && (right is IInvocationOperation call && symbols.IsSplit(call.TargetMethod) || symbols.IsDataSplit(right.Type)))
            {
                return names.Variables.IndexOf((VariableDesignationSyntax)declaration) switch
                {
                    0 => SplitRole.Train,
                    1 => SplitRole.Validation,
                    2 => SplitRole.Test,
                    _ => SplitRole.Unknown,
                };
            }
        }
        return SplitRole.Unknown;
    }

    /// <summary>The local or parameter an expression reads directly, if any.</summary>
    public static ISymbol? Source(IOperation? operation) => operation switch
    {
        IConversionOperation conversion => Source(conversion.Operand),
        IArgumentOperation argument => Source(argument.Value),
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        _ => null,
    };
}
