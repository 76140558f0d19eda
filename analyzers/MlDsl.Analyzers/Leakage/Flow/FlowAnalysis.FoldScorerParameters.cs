using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// A lambda written as a <c>FoldScorer</c> (kept in a local, returned by a search's scorer factory, given inline) is called by
/// the library with one fold's training rows and that fold's validation rows, in that order, whatever its parameters are named.
/// Its parameters hold those rows, so the rules that hold in a method body hold inside it: <c>Fit(foldTrain)</c> then
/// <c>Evaluate(foldTrain)</c> scores rows the model trained on, <c>Fit(foldTrain, foldTrain)</c> validates on them, and
/// <c>Fit(foldTrain)</c> with <c>Evaluate(foldValidation)</c> scores rows it never saw.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>Binds a FoldScorer lambda's parameters to two disjoint subsets of one fold's rows, as a fold's index sets pick them.</summary>
    private void BindFoldScorerParameters(IAnonymousFunctionOperation lambda)
    {
        if (lambda.Parent is not IDelegateCreationOperation { Type: INamedTypeSymbol type } || !IsFoldScorer(type)) return;
        if (lambda.Symbol.Parameters is not [var train, var validation]) return;
        var fold = DataFlow.Of(new Origin(FoldRows.Source(lambda.Syntax.GetLocation()), ""));
        // The segments of a fold's index sets: disjoint from each other, and a part whose role its data already says.
        Assign(train, fold.Narrow("fold.Train"));
        Assign(validation, fold.Narrow("fold.Validation"));
    }
}
