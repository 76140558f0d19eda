using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// MLDSL0017 for target encoding written by hand (see <see cref="FlowAnalysis"/>'s label feature writes): a statistic of labels
/// written into a feature of rows it was learned from. Reported on the feature's assignment when the statistic is in sight
/// there (the table's initializer, a helper the value calls), otherwise where the statistic is computed (the aggregate inside
/// the loop that fills the table). A window of earlier rows (a trailing mean of past labels) is a lag, known when the row is
/// predicted: whether it reaches the current row is <see cref="EntanglementRule"/>'s question.
/// </summary>
internal sealed partial class FlowRules
{
    private const int SightDepth = 2;

    private void LabelStatisticsInFeatures(FlowAnalysis analysis)
    {
        if (root.SemanticModel?.Compilation is not { } compilation) return;
        var helperReported = new HashSet<Location>(observed.LabelStatisticsInOwnRows.Select(statistic => statistic.Site));
        foreach (IGrouping<Location, LabelFeatureWrite> writes in analysis.LabelFeatureWrites.Where(write => write.InSample && !helperReported.Contains(write.Statistic.Site))
                     .GroupBy(write => write.Assignment).OrderBy(group => group.Key.SourceSpan.Start))
        {
            // The aggregate per group that computed the value, when there is one; otherwise the filing of labels into the table.
            var aggregates = new List<(LearnEvent Statistic, Location Site)>();
            var filings = new List<(LearnEvent Statistic, Location Site)>();
            foreach (LabelFeatureWrite write in writes.OrderBy(write => write.Statistic.Site.SourceSpan.Start))
            {
                IOperation? site = OperationAt(compilation, write.Statistic.Site);
                if (Filing(site) is { } filing) filings.Add((write.Statistic, filing.Syntax.GetLocation()));
                // One number of every row (a global mean, the fallback of a table) tells no row its own answer; a window of earlier rows is a lag.
                else if (site is IInvocationOperation aggregate && RowWindow.OfReceiver(aggregate) is null && OverGroups(aggregate)) aggregates.Add((write.Statistic, write.Statistic.Site));
            }
            IOperation? assignment = OperationAt(compilation, writes.Key);
            foreach ((LearnEvent statistic, Location site) in aggregates.Count > 0 ? aggregates : filings)
            {
                Location where = assignment is ISimpleAssignmentOperation { Value: var value } && InSight(value, statistic.Site, SightDepth) ? writes.Key : site;
                Report(DiagnosticDescriptors.LabelLeakage, where, null,
                    $"{statistic.What} of the labels is written into a feature of rows it was computed from: each row's own answer is in its feature (in-sample target encoding), so the model learns to read it and cannot at prediction time; compute it out of fold for the training rows and from the training rows only for the others (TargetEncoder)");
            }
        }
    }

    /// <summary>
    /// Where labels are filed into a table by key, for a statistic learned by filling one (see <c>FlowAnalysis.Learned</c>): the
    /// <c>Add</c> or the indexer's assignment itself, or, for one placed on the loop that walks the rows, the first filing of
    /// labels in that loop's body. Null for anything else (an aggregate).
    /// </summary>
    private static IOperation? Filing(IOperation? site)
    {
        switch (site)
        {
            case IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd" } add when FlowAnalysis.FilesLabels(add):
                return add;
            case IPropertyReferenceOperation { Parent: IAssignmentOperation assignment } indexer when FlowAnalysis.FilesLabels(indexer):
                return assignment;
            case not null when LoopOver(site) is { } loop:
                foreach (IOperation node in loop.Body.Descendants())
                {
                    if (node is IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd" } filed && FlowAnalysis.FilesLabels(filed)) return filed;
                    if (node is IAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } target } && FlowAnalysis.FilesLabels(target)) return node;
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>The <c>foreach</c> whose collection <paramref name="collection"/> is (through implicit conversions), or null.</summary>
    private static IForEachLoopOperation? LoopOver(IOperation collection)
    {
        IOperation node = collection;
        while (node.Parent is IConversionOperation conversion) node = conversion;
        return node.Parent is IForEachLoopOperation loop && loop.Collection == node ? loop : null;
    }

    private const int GroupHops = 8;

    /// <summary>Calls whose elements are groups of records: an aggregate over one of them is a statistic per key.</summary>
    private static readonly HashSet<string> Groupings = new(System.StringComparer.Ordinal) { "GroupBy", "GroupJoin", "ToLookup" };

    /// <summary>
    /// Whether an aggregate runs over the records of one key (a statistic per key, which differs row by row with the key):
    /// a group of a grouping (a lambda's or a loop's group, through locals and LINQ links), an entry of a lookup
    /// (<c>byRegion[l.Region]</c>), or the rows a filter keeps by equality with a value from outside it (<c>Where(x =&gt; x.Ward == r.Ward)</c>).
    /// </summary>
    private static bool OverGroups(IInvocationOperation aggregate)
    {
        IOperation? link = aggregate.Instance ?? (aggregate.TargetMethod.IsExtensionMethod ? aggregate.Arguments.FirstOrDefault()?.Value : null);
        for (int hops = 0; hops < GroupHops && link is not null; hops++)
        {
            while (link is IConversionOperation or IParenthesizedOperation)
                link = link is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)link).Operand;
            switch (link)
            {
                case IInvocationOperation call when Groupings.Contains(call.TargetMethod.Name):
                    return true;
                case IInvocationOperation { TargetMethod.Name: "Where" } filter when KeyFilter(filter):
                    return true;
                case IInvocationOperation call:
                    link = call.Instance ?? (call.TargetMethod.IsExtensionMethod ? call.Arguments.FirstOrDefault()?.Value : null);
                    continue;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance.Type: INamedTypeSymbol table }:
                    return table.AllInterfaces.Append(table).Any(candidate => candidate.OriginalDefinition.Name == "ILookup")
                        || table.TypeArguments.Length == 2 && table.TypeArguments[1] is { SpecialType: not SpecialType.System_String } entries
                        && entries.AllInterfaces.Any(candidate => candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
                case ILocalReferenceOperation local:
                    link = LoopCollection(local) ?? RowWindow.Initializer(local);
                    continue;
                case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } parameter:
                    link = LambdaSource(parameter);
                    continue;
                default:
                    return false;
            }
        }
        return false;
    }

    /// <summary>The collection of the <c>foreach</c> that declares <paramref name="local"/>, when it is a loop variable.</summary>
    private static IOperation? LoopCollection(ILocalReferenceOperation local)
    {
        for (IOperation? parent = local.Parent; parent is not null; parent = parent.Parent)
            if (parent is IForEachLoopOperation loop && loop.Locals.Contains(local.Local, SymbolEqualityComparer.Default)) return loop.Collection;
        return null;
    }

    /// <summary>The sequence a lambda's parameter is an element of (the receiver of the LINQ call the lambda is given to).</summary>
    private static IOperation? LambdaSource(IParameterReferenceOperation parameter)
    {
        IOperation? node = parameter.Parent;
        while (node is not null && !(node is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, parameter.Parameter.ContainingSymbol)))
            node = node.Parent;
        while (node is not null and not IInvocationOperation) node = node.Parent;
        return node is IInvocationOperation owner ? owner.Instance ?? (owner.TargetMethod.IsExtensionMethod ? owner.Arguments.FirstOrDefault()?.Value : null) : null;
    }

    /// <summary>A filter keeping the records equal on some value to a value from outside the lambda (the row's own key).</summary>
    private static bool KeyFilter(IInvocationOperation filter) =>
        filter.Arguments.Select(argument => argument.Value).OfType<IDelegateCreationOperation>().Select(creation => creation.Target).OfType<IAnonymousFunctionOperation>()
            .Any(lambda => lambda.Body.Descendants().OfType<IBinaryOperation>().Any(comparison => comparison.OperatorKind == BinaryOperatorKind.Equals
                && ReadsOwn(comparison.LeftOperand, lambda) != ReadsOwn(comparison.RightOperand, lambda)
                && !comparison.LeftOperand.ConstantValue.HasValue && !comparison.RightOperand.ConstantValue.HasValue));

    private static bool ReadsOwn(IOperation side, IAnonymousFunctionOperation lambda) => side.DescendantsAndSelf().OfType<IParameterReferenceOperation>()
        .Any(reference => SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, lambda.Symbol));

    /// <summary>The operation whose syntax is exactly at <paramref name="location"/>, if any.</summary>
    private static IOperation? OperationAt(Compilation compilation, Location location)
    {
        if (location.SourceTree is not { } tree || !compilation.ContainsSyntaxTree(tree)) return null;
        SyntaxNode? node = tree.GetRoot().FindToken(location.SourceSpan.Start).Parent;
        SemanticModel model = compilation.GetSemanticModel(tree);
        for (; node is not null && location.SourceSpan.Contains(node.Span); node = node.Parent)
            if (node.Span == location.SourceSpan && model.GetOperation(node) is { } found)
                return found is IExpressionStatementOperation statement ? statement.Operation : found;
        return null;
    }

    /// <summary>Whether <paramref name="site"/> lies in <paramref name="value"/>, the initializers of the locals it reads, or the helpers it calls.</summary>
    private static bool InSight(IOperation value, Location site, int depth)
    {
        foreach (IOperation node in value.DescendantsAndSelf())
        {
            if (node.Syntax.SyntaxTree == site.SourceTree && node.Syntax.Span.Contains(site.SourceSpan)) return true;
            if (depth <= 0) continue;
            if (node is ILocalReferenceOperation { IsDeclaration: false } local && RowWindow.Initializer(local) is { } initial && InSight(initial, site, depth - 1)) return true;
            if (node is IInvocationOperation call && value.SemanticModel?.Compilation is { } compilation
                && MethodSummary.Body(compilation, call.TargetMethod) is { } body && InSight(body, site, depth - 1)) return true;
        }
        return false;
    }
}
