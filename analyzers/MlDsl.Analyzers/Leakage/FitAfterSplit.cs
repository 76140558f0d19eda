using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// Whether a fit before a split can be moved to just after it, fitting on the split (or on its
/// deconstructed training rows) instead. The answer travels in the MLDSL0016 diagnostic's properties,
/// so the code fix only edits syntax: <see cref="DiagnosticProperties.FitAfterSplit"/> is what to fit
/// on, and <see cref="DiagnosticProperties.SplitStatement"/> where the split statement starts.
/// </summary>
internal static class FitAfterSplit
{
    /// <summary>
    /// The properties for moving <paramref name="fit"/>'s statement after <paramref name="split"/>'s, or
    /// null where that is not plainly safe: both must be statements of one block, the split later and
    /// kept in a local, the fit statement a declaration or expression, and nothing from the fit up to
    /// the end of the split may read what the fit statement declares or writes, or write what it reads.
    /// </summary>
    public static ImmutableDictionary<string, string?>? Plan(IInvocationOperation fit, IArgumentOperation data, IInvocationOperation split,
        IOperation root, LeakageSymbols symbols)
    {
        if (fit.Arguments.Length != 1 || fit.SemanticModel is not { } model) return null;
        if (fit.Syntax.FirstAncestorOrSelf<StatementSyntax>() is not { Parent: BlockSyntax block } fitStatement
            || fitStatement is not (LocalDeclarationStatementSyntax or ExpressionStatementSyntax)
            || split.Syntax.FirstAncestorOrSelf<StatementSyntax>() is not { } splitStatement
            || splitStatement.Parent != block
            || block.Statements.IndexOf(splitStatement) <= block.Statements.IndexOf(fitStatement))
            return null;

        if (Holder(split, symbols) is not { } holder || !HasFitOn(fit.TargetMethod.ContainingType, holder.Type, symbols)) return null;

        List<IOperation> operations = root.Descendants().ToList();
        IEnumerable<ILocalReferenceOperation> In(TextSpan span) =>
            operations.OfType<ILocalReferenceOperation>().Where(reference => span.Contains(reference.Syntax.Span));

        // What the fit statement declares or writes, and what else it reads (the fitted data is replaced).
        var written = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (SyntaxNode node in fitStatement.DescendantNodes())
            if (node is VariableDeclaratorSyntax or SingleVariableDesignationSyntax && model.GetDeclaredSymbol(node) is ILocalSymbol declared)
                written.Add(declared);
        var read = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (ILocalReferenceOperation reference in In(fitStatement.Span))
        {
            if (IsWrite(reference)) written.Add(reference.Local);
            else if (!data.Syntax.Span.Contains(reference.Syntax.Span)) read.Add(reference.Local);
        }

        var between = TextSpan.FromBounds(fitStatement.Span.End, splitStatement.Span.End);
        if (In(between).Any(reference => written.Contains(reference.Local) || read.Contains(reference.Local) && IsWrite(reference))) return null;
        // A local function declared further down may read the fitted variable; calling it before the split would then break.
        if (operations.OfType<IInvocationOperation>().Any(call => between.Contains(call.Syntax.Span) && call.TargetMethod.MethodKind == MethodKind.LocalFunction))
            return null;

        return ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.FitAfterSplit, holder.Name)
            .Add(DiagnosticProperties.SplitStatement, splitStatement.SpanStart.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The local the split is kept in (<c>var split = rows.Split()</c>, <c>split = rows.Split()</c>), or
    /// the training rows' local of <c>var (train, validation, test) = rows.Split()</c>.
    /// </summary>
    private static ILocalSymbol? Holder(IInvocationOperation split, LeakageSymbols symbols)
    {
        ILocalSymbol? local = split.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
            IDeconstructionAssignmentOperation { Target: var target } => FirstElement(target),
            _ => null,
        };
        if (local is null) return null;
        bool isSplit = symbols.IsDataSplit(local.Type);
        bool isRows = split.Parent is IDeconstructionAssignmentOperation
            && local.Type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IReadOnlyList_T;
        return isSplit || isRows ? local : null;
    }

    private static ILocalSymbol? FirstElement(IOperation target)
    {
        if (target is IDeclarationExpressionOperation declaration) target = declaration.Expression;
        if (target is not ITupleOperation { Elements.Length: > 0 } tuple) return null;
        IOperation first = tuple.Elements[0];
        if (first is IDeclarationExpressionOperation declared) first = declared.Expression;
        return (first as ILocalReferenceOperation)?.Local;
    }

    /// <summary>Whether <paramref name="transform"/> has a one-argument static Fit taking what <paramref name="holder"/> holds.</summary>
    private static bool HasFitOn(ITypeSymbol transform, ITypeSymbol holder, LeakageSymbols symbols) =>
        transform.GetMembers("Fit").OfType<IMethodSymbol>().Any(method => method.IsStatic && method.Parameters.Length == 1
            && (symbols.IsDataSplit(holder)
                ? symbols.IsDataSplit(method.Parameters[0].Type)
                : method.Parameters[0].Type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IReadOnlyList_T));

    private static bool IsWrite(ILocalReferenceOperation reference) => reference.IsDeclaration || reference.Parent switch
    {
        IAssignmentOperation assignment => assignment.Target == reference,
        IIncrementOrDecrementOperation => true,
        IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
        ITupleOperation or IDeclarationExpressionOperation => true, // deconstruction targets
        _ => false,
    };
}
