using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Whether a score is never reported as one: its value is dropped (<c>model.Evaluate(rows);</c>, run for its side effects), or
/// only handed to a test framework's assertion (<c>Assert.Equal(inMemory.Accuracy, streamed.Accuracy)</c>: two ways of
/// computing it agree). A library's own tests build rows, train on them and check such things; a score on training rows is
/// leakage where it is taken as the model's score (printed, returned, compared, kept), not there.
/// </summary>
internal static class CheckedScores
{
    private const int MaxDepth = 3;

    public static bool NeverReported(IOperation call) => NeverReported(call, MaxDepth);

    private static bool NeverReported(IOperation value, int depth)
    {
        if (depth < 0) return false;
        IOperation? parent = value.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation or IPropertyReferenceOperation { Arguments.Length: 0 } or IFieldReferenceOperation)
            parent = parent.Parent;
        switch (parent)
        {
            case IExpressionStatementOperation:
                return true;
            case IArgumentOperation { Parent: IInvocationOperation call }:
                return call.TargetMethod.ContainingType?.Name == "Assert";
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                var references = LocalReferences.Of(parent).UsesOf(declarator.Symbol).ToList();
                return references.Count > 0 && references.All(reference => NeverReported(reference, depth - 1));
            default:
                return false;
        }
    }
}
