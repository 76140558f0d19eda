using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// What a part of rows cut by hand is used for: the rows a model is fitted on (<c>Fit</c>'s first argument) or rows held
/// out from it (<c>Fit</c>'s validation argument, <c>Evaluate</c>, <c>Predict</c>). The part is followed through copies and
/// filters (<c>ToList</c>, <c>Where</c>) and the locals that keep it (declared with it, or given it by deconstructing a tuple
/// literal); rows sent anywhere else have no known use.
/// </summary>
internal static class ModelUse
{
    [System.Flags]
    public enum Role { None = 0, Training = 1, HeldOut = 2 }

    private const int Depth = 5;

    /// <summary>The uses of the rows <paramref name="part"/> makes.</summary>
    public static Role Of(IOperation part, LeakageSymbols symbols) => Of(part, symbols, Depth);

    private static Role Of(IOperation part, LeakageSymbols symbols, int depth)
    {
        if (depth < 0) return Role.None;
        IOperation? parent = part.Parent;
        while (parent is IConversionOperation) parent = parent.Parent;
        switch (parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation call } argument:
                if (call.Instance is null && call.TargetMethod.IsExtensionMethod && call.Arguments.FirstOrDefault() == argument)
                    return Chained(call, symbols, depth);
                if (call.Instance?.Type is INamedTypeSymbol owner && symbols.IsModelType(owner) && argument.Parameter is { } parameter)
                    return call.TargetMethod.Name switch
                    {
                        "Fit" => parameter.Ordinal == 0 ? Role.Training : Role.HeldOut,
                        "Evaluate" or "Predict" or "PredictBatch" or "PredictProbabilities" => Role.HeldOut,
                        _ => Role.None,
                    };
                return Role.None;
            case IInvocationOperation call when call.Instance == part || Unwrapped(call.Instance) == part:
                return Chained(call, symbols, depth);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                Role role = Role.None;
                foreach (ILocalReferenceOperation reference in LocalReferences.Of(parent).UsesOf(declarator.Symbol))
                    role |= Of(reference, symbols, depth - 1);
                return role;
            // var (train, test) = (rows.Take(cut).ToList(), rows.Skip(cut).ToList()): each part is used as the local it lands in.
            case ITupleOperation when Deconstruction.LocalGiven(part) is { } local:
                Role given = Role.None;
                foreach (ILocalReferenceOperation reference in LocalReferences.Of(parent).UsesOf(local))
                    given |= Of(reference, symbols, depth - 1);
                return given;
            default:
                return Role.None;
        }
    }

    /// <summary>A call the rows are the receiver of: copies and filters keep them, anything else ends the trail.</summary>
    private static Role Chained(IInvocationOperation call, LeakageSymbols symbols, int depth) =>
        call.TargetMethod.Name is "ToList" or "ToArray" or "AsEnumerable" or "Where" or "Select" or "Cast" or "OfType" or "ToImmutableArray"
            ? Of(call, symbols, depth - 1)
            : Role.None;

    private static IOperation? Unwrapped(IOperation? operation)
    {
        while (operation is IConversionOperation conversion) operation = conversion.Operand;
        return operation;
    }
}
