using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// The candidates an ordering or a maximum ranks, as they were before values were set beside them. A query's <c>let</c>
/// (<c>from c in cutoffs let caught = test.Where(...).Count() orderby caught descending select c</c>) is lowered to a
/// <c>Select</c> into an anonymous object holding the candidate and the new value, as <c>cutoffs.Select(c =&gt; new { c, caught
/// = ... })</c> written out is: the elements then carry the scores computed for them, and ranking by those scores would look
/// like ranking predictions by their own value (a percentile, see <c>WithoutOwnPredictions</c>). The elements' own values are
/// those of the candidates the query started from. Rows ranked that way (an inspection list of test meters by predicted
/// risk) stay as they were: ranking rows by their predictions picks rows, not a candidate.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>How many clauses back a ranking looks for the candidates its query started from.</summary>
    private const int MaxRankedClauses = 8;

    /// <summary>
    /// The elements whose own predictions a ranking of <paramref name="source"/> by <paramref name="call"/> may not choose by: the
    /// candidates before any <c>let</c> or anonymous projection set values beside them, or <paramref name="source"/> itself.
    /// </summary>
    private DataFlow RankedCandidates(IInvocationOperation call, DataFlow source)
    {
        IOperation? receiver = RankingReceiver(call);
        bool projected = false;
        DataFlow onePrediction = DataFlow.Empty;
        for (int clauses = 0; clauses < MaxRankedClauses && receiver is IInvocationOperation clause; clauses++)
        {
            if (ValuesSetBeside(clause) is { } made)
            {
                projected = true;
                // One row's prediction set beside an index (let risk = p[i][1]) is that element's own value, not a candidate's score.
                foreach (IOperation member in made.Initializers)
                    if (member is ISimpleAssignmentOperation { Value: var value } && UnwrappedRanking(value) is IArrayElementReferenceOperation
                        or IImplicitIndexerReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true })
                        onePrediction = onePrediction.Join(EventsOnly(Eval(value)));
            }
            else if (!KeepsElements(clause)) break;
            receiver = RankingReceiver(clause);
        }
        if (!projected || receiver is null || context.IsRowTyped(ElementType(receiver.Type))) return source;
        return Eval(receiver).Join(onePrediction);
    }

    /// <summary>The anonymous object a <c>Select</c> (a <c>let</c> clause, or one written out) makes of each element and values beside it; null for any other call.</summary>
    private static IAnonymousObjectCreationOperation? ValuesSetBeside(IInvocationOperation clause)
    {
        if (clause.TargetMethod.Name != "Select" || clause.Arguments.LastOrDefault()?.Value is not { } selector) return null;
        while (selector is IConversionOperation or IDelegateCreationOperation)
            selector = selector is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)selector).Target;
        return selector is IAnonymousFunctionOperation lambda && lambda.Body.Operations.Length == 1
            && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: var returned } ? UnwrappedRanking(returned) as IAnonymousObjectCreationOperation : null;
    }

    /// <summary>Clauses that keep the elements they are given (a filter, an ordering): the candidates are still those before them.</summary>
    private static bool KeepsElements(IInvocationOperation clause) =>
        clause.TargetMethod.Name is "Where" or "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "ToList" or "ToArray" or "AsEnumerable";

    /// <summary>What a LINQ call runs over: its instance, or an extension method's first argument.</summary>
    private static IOperation? RankingReceiver(IInvocationOperation call) =>
        UnwrappedRanking(call.Instance ?? (call.TargetMethod.IsExtensionMethod ? call.Arguments.FirstOrDefault()?.Value : null));

    private static IOperation? UnwrappedRanking(IOperation? operation)
    {
        // A query in parentheses ((from c in cutoffs ... select new { c, caught }).MaxBy(...)) is the calls it is lowered to.
        while (operation is IConversionOperation or IParenthesizedOperation or ITranslatedQueryOperation)
            operation = operation switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                _ => ((ITranslatedQueryOperation)operation).Operation,
            };
        return operation;
    }
}
