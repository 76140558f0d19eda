using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0017 outside the row type: a row built (<c>new Visit { ... }</c>, <c>r with { ... }</c>) in a
/// projection or a helper where a feature is computed from the label of the same row, or the label
/// from a feature (or from the very member a feature is read from). The label of another row (a lag:
/// <c>rows[i - 1].Sales</c>, <c>previous.Sales</c>) is known at prediction time and stays silent.
/// </summary>
internal sealed partial class EntanglementRule
{
    private const int HelperDepth = 2;

    private readonly INamedTypeSymbol dataset, feature, label;

    /// <summary>[KnownAt], when the library declares it: members known only with or after the label.</summary>
    private readonly INamedTypeSymbol? knownAt;

    public EntanglementRule(INamedTypeSymbol dataset, INamedTypeSymbol feature, INamedTypeSymbol label, INamedTypeSymbol? knownAt = null)
    {
        this.dataset = dataset;
        this.feature = feature;
        this.label = label;
        this.knownAt = knownAt;
    }

    /// <summary>
    /// The instance of a row read by an aggregate's selector (<c>g.Average(h =&gt; h.Price)</c>): every row of
    /// the group, this one among them, so a label averaged there is in-sample target encoding.
    /// </summary>
    private const string AnyRow = "*";

    /// <summary>A row an aggregate's selector reads in a local's initializer or a helper: rows the flow analysis follows.</summary>
    private const string AnyRowElsewhere = "*elsewhere";

    /// <summary>A member read while computing a value, and which instance it was read from.</summary>
    private readonly record struct Read(ISymbol Member, string Instance);

    public void Check(OperationAnalysisContext context)
    {
        (ITypeSymbol? type, IObjectOrCollectionInitializerOperation? initializer, IOperation? receiver) = context.Operation switch
        {
            IObjectCreationOperation creation => (creation.Type, creation.Initializer, (IOperation?)null),
            IWithOperation with => (with.Type, with.Initializer, with.Operand),
            _ => (null, null, null),
        };
        if (type is null || initializer is null || !LeakageSymbols.HasAttribute(type, dataset)) return;

        var assignments = new List<(ISymbol Target, ISimpleAssignmentOperation Assignment, List<Read> Reads)>();
        foreach (ISimpleAssignmentOperation assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
        {
            if (assignment.Target is not IMemberReferenceOperation { Member: var target }) continue;
            var reads = new List<Read>();
            Collect(assignment.Value, reads, new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default), HelperDepth);
            assignments.Add((target, assignment, reads));
        }
        if (assignments.Count == 0) return;

        // The row being built comes from one instance: the with's receiver, or the one most members are read from. An element
        // of a tuple (pair.First of a Zip's pairs) is no member of a row: the pair is not the row, its element is.
        string? primary = receiver is not null ? Key(receiver)
            : assignments.SelectMany(a => a.Reads).Where(read => read.Instance is not (AnyRow or AnyRowElsewhere)
                && read.Member is not IFieldSymbol { ContainingType.IsTupleType: true }).GroupBy(read => read.Instance).OrderByDescending(group => group.Count()).FirstOrDefault()?.Key;
        if (primary is null) return;

        var reported = new HashSet<ISimpleAssignmentOperation>();
        var readsLabel = new HashSet<ISimpleAssignmentOperation>();
        foreach ((ISymbol target, ISimpleAssignmentOperation assignment, List<Read> reads) in assignments)
        {
            bool isFeature = LeakageSymbols.HasAttribute(target, feature), isLabel = LeakageSymbols.HasAttribute(target, label);
            if (isFeature && reads.FirstOrDefault(read => (read.Instance == primary || read.Instance == AnyRow) && IsDatasetMember(read.Member, label)) is { Member: { } answer })
            {
                readsLabel.Add(assignment);
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelLeakage, assignment.Syntax.GetLocation(),
                    $"Feature '{target.Name}' of {type.Name} is computed from the label '{answer.Name}' of the same row: the model sees the answer during training and cannot at prediction time; compute it from other inputs (an earlier row's label is fine)"));
            }
            else if (isLabel && !reads.Any(read => read.Instance == primary && IsDatasetMember(read.Member, feature))
                && RecordedOutcome(assignment.Value, primary, HelperDepth) is { } outcome)
            {
                // The label is the recorded outcome (a copy or a recoding of it): a feature that also reads that value is
                // the derived side, whichever assignment comes first.
                foreach ((ISymbol other, ISimpleAssignmentOperation derived, List<Read> otherReads) in assignments)
                {
                    if (SymbolEqualityComparer.Default.Equals(other, target) || !LeakageSymbols.HasAttribute(other, feature)
                        || !otherReads.Contains(new Read(outcome, primary))) continue;
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelLeakage, derived.Syntax.GetLocation(),
                        $"Feature '{other.Name}' of {type.Name} is computed from '{outcome.Name}', the recorded outcome its label '{target.Name}' is taken from: the model sees the answer during training and cannot at prediction time; compute it from other inputs"));
                }
                // The label records a value of the current row (raw[i].Load): a feature reading that value of a later row
                // (raw[i + 1].Load) reads a future label.
                if (LaterRow(primary, CurrentRow(receiver, initializer, primary), HeldNewestFirst(context, CurrentRow(receiver, initializer, primary))) is { } later)
                    foreach ((ISymbol other, ISimpleAssignmentOperation derived, List<Read> otherReads) in assignments)
                    {
                        if (!LeakageSymbols.HasAttribute(other, feature) || otherReads.FirstOrDefault(read => SymbolEqualityComparer.Default.Equals(read.Member, outcome)
                            && later(read.Instance)) is not { Member: not null } future) continue;
                        reported.Add(derived);
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelLeakage, derived.Syntax.GetLocation(),
                            $"Feature '{other.Name}' of {type.Name} reads '{outcome.Name}' of a later row ({future.Instance}), the value its label '{target.Name}' is taken from: the model sees the future answer, which it cannot at prediction time; use earlier rows only"));
                    }
            }
            else if (isLabel && LabelSource(reads, primary, assignments, target) is { } source && !OutcomeMeasuredAgainstFeatures(assignment.Value, primary, assignments, target))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelLeakage, assignment.Syntax.GetLocation(),
                    $"The label '{target.Name}' of {type.Name} is computed from '{source}', which the row also has as a feature: the model only has to learn the rule that made the label, and scores say nothing about the real outcome; take the label from the recorded outcome"));
            }
        }

        FeaturesReadingTheLabelsValue(context, type, primary, assignments, readsLabel);
        LateValuesInFeatureSlots(context, type, primary, CurrentRow(receiver, initializer, primary), assignments);
        FutureRows(context, type, receiver, initializer, primary, assignments, reported);
        OutcomesCountedUpToTheRow(context, type, assignments, feature);
    }

    /// <summary>
    /// A feature of a row made from row <c>i</c> of an ordered collection that reads the label (or the recorded outcome the
    /// label is taken from) of row <c>i</c> or a later row of the same collection: a lead written as a lag (<c>raw[i + 24].Load</c>,
    /// <c>raw[Math.Min(i + 24, n - 1)].Load</c>), a window that reaches the current row (<c>raw.Skip(i - 7).Take(8)</c>,
    /// <c>raw[(i - 6)..(i + 1)]</c>, <c>raw.GetRange(i - 6, 7)</c>, a centred window), or the shifted partner of a Zip
    /// (<c>rows.Zip(rows.Skip(1), (current, next) =&gt; ...)</c>, or <c>pair.Second</c> of <c>rows.Zip(rows.Skip(1))</c>). Rows before <c>i</c> are the past and stay silent.
    /// Reported on the read or the window.
    /// </summary>
    private void FutureRows(OperationAnalysisContext context, ITypeSymbol type, IOperation? receiver, IObjectOrCollectionInitializerOperation initializer,
        string primary, List<(ISymbol Target, ISimpleAssignmentOperation Assignment, List<Read> Reads)> assignments, HashSet<ISimpleAssignmentOperation> reported)
    {
        // What a future row's answer is: the row type's own labels, and the member each label records.
        var outcomes = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (ISymbol member in type.GetMembers()) if (LeakageSymbols.HasAttribute(member, label)) outcomes.Add(member);
        foreach ((ISymbol target, ISimpleAssignmentOperation assignment, _) in assignments)
            if (LeakageSymbols.HasAttribute(target, label) && RecordedOutcome(assignment.Value, primary, HelperDepth) is { } recorded) outcomes.Add(recorded);
        if (outcomes.Count == 0) return;
        LookupsAhead(context, type, primary, outcomes, assignments, reported);
        TableReadsOfAnswers(context, type, primary, outcomes, assignments, reported);
        OwnTimeWindows(context, type, primary, outcomes, assignments, reported);
        GroupAnswerTables(context, type, primary, outcomes, assignments, reported);

        IOperation? current = CurrentRow(receiver, initializer, primary);
        if (current is null) return;

        System.Func<IMemberReferenceOperation, bool>? futureMember = null;
        System.Func<IInvocationOperation, IOperation?>? futureWindow = null;
        System.Func<IMemberReferenceOperation, IOperation?>? futureElement = null;
        System.Func<IInvocationOperation, IOperation?>? futureWindowInCall = null;
        if (IndexedRow(current) is { } row)
        {
            string collection = Key(row.Collection);
            // Rows held newest first (OrderByDescending by their time) run backwards: row i + 1 is the week before row i.
            bool newestFirst = HeldNewestFirst(context, current);
            RowWindow.Span InTime(RowWindow.Span span) => newestFirst ? span.Mirrored : span;
            int at = InTime(row).From ?? 0;
            bool Same(RowWindow.Span span) => span.Index == row.Index && Key(span.Collection) == collection;
            futureMember = member => member.Instance is { } instance && RowWindow.Element(instance) is { } read && Same(read) && InTime(read).From > at;
            futureWindow = call => RowWindow.OfReceiver(call) is { } window && Same(window)
                && !(InTime(window).To < at) && ReadsOutcomeOfParameter(call, outcomes) ? window.Window : null;
            // An element of a window kept in a local (previous = raw.GetRange(i - 2, 3); previous[^1]) that is the current row or a later one.
            futureElement = member => member.Instance is { } instance && RowWindow.WindowElement(instance) is { } element && Same(element.Window)
                && (newestFirst ? -element.Offset : element.Offset) >= at ? element.Window.Window : null;
            // A window read in a function called with the row's index (Rolling(i)).
            futureWindowInCall = call => FutureWindowInCall(call, row.Index, collection, newestFirst, at, outcomes);
        }
        else if (current is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda } parameter }
            && ZipShifts(current, lambda) is { } shifts)
        {
            int at = shifts[parameter.Ordinal];
            futureMember = member => member.Instance is IParameterReferenceOperation { Parameter: { } other } && SymbolEqualityComparer.Default.Equals(other.ContainingSymbol, lambda)
                && shifts[other.Ordinal] > at;
        }
        else if (LaterPairElement(current) is { } laterElement)
            futureMember = member => member.Instance is { } instance && laterElement(instance);
        if (futureMember is null) return;

        foreach ((ISymbol target, ISimpleAssignmentOperation assignment, _) in assignments)
        {
            if (!LeakageSymbols.HasAttribute(target, feature) || reported.Contains(assignment)) continue;
            IOperation? culprit = null;
            foreach (IOperation node in Values(assignment.Value, HelperDepth))
            {
                culprit = node switch
                {
                    IMemberReferenceOperation member when outcomes.Contains(member.Member) && futureMember(member) => member,
                    IMemberReferenceOperation member when outcomes.Contains(member.Member) && futureElement?.Invoke(member) is { } window => window,
                    IInvocationOperation call when futureWindow is not null && Aggregates.Contains(call.TargetMethod.Name) => futureWindow(call),
                    IInvocationOperation call when futureWindowInCall is not null && call.TargetMethod.MethodKind is MethodKind.LocalFunction or MethodKind.Ordinary
                        && !Aggregates.Contains(call.TargetMethod.Name) => futureWindowInCall(call),
                    _ => null,
                };
                if (culprit is not null) break;
            }
            if (culprit is null) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelLeakage, culprit.Syntax.GetLocation(),
                $"Feature '{target.Name}' of {type.Name} reads the label of the row it is made for or of a later row ({culprit.Syntax}): the model sees the answer it is to predict, which it cannot at prediction time; use earlier rows only"));
        }
    }

    /// <summary>The operation and its descendants, and the initializers of the locals it reads (numbers, not collections of rows).</summary>
    private static IEnumerable<IOperation> Values(IOperation root, int depth)
    {
        foreach (IOperation node in WithoutThrows(root))
        {
            yield return node;
            if (depth > 0 && node is ILocalReferenceOperation { IsDeclaration: false } local && !IsCollectionOfRecords(local.Local.Type) && Initializer(local) is { } initial)
                foreach (IOperation inner in Values(initial, depth - 1)) yield return inner;
        }
    }

    /// <summary>Whether an aggregate (or a projection on its way) reads an outcome member of its lambda's row.</summary>
    private static bool ReadsOutcomeOfParameter(IInvocationOperation call, HashSet<ISymbol> outcomes)
    {
        IOperation? chain = call;
        for (int hops = 0; hops < 8 && chain is IInvocationOperation link; hops++)
        {
            if (link.Arguments.Any(argument => argument.Value.DescendantsAndSelf().OfType<IMemberReferenceOperation>().Any(member => outcomes.Contains(member.Member)
                && member.Instance is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } })))
                return true;
            chain = link.Instance ?? link.Arguments.FirstOrDefault()?.Value;
            while (chain is IConversionOperation conversion) chain = conversion.Operand;
            if (chain is ILocalReferenceOperation local) chain = RowWindow.Initializer(local);
        }
        return false;
    }

    /// <summary>
    /// For the result selector of <c>a.Zip(b, (x, y) =&gt; ...)</c> over one collection shifted by constants (<c>rows.Zip(rows.Skip(1), ...)</c>):
    /// how far ahead each parameter's row is (0 and 1); null for anything else.
    /// </summary>
    private static int[]? ZipShifts(IOperation inside, IMethodSymbol lambda)
    {
        if (lambda.Parameters.Length != 2) return null;
        IOperation? node = inside;
        while (node is not null && !(node is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))) node = node.Parent;
        node = node?.Parent;
        while (node is IDelegateCreationOperation or IConversionOperation) node = node.Parent;
        return node is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Zip" } zip } ? ZipSourceShifts(zip) : null;
    }

    /// <summary>
    /// For <c>a.Zip(b, ...)</c> over one collection shifted by constants (<c>rows.Zip(rows.Skip(1))</c>): how far ahead the row of
    /// each source is (0 and 1); null when the sources are not one collection.
    /// </summary>
    private static int[]? ZipSourceShifts(IInvocationOperation zip)
    {
        IOperation[] sources = (zip.Instance is null ? zip.Arguments.Take(2) : zip.Arguments.Take(1).Prepend(null!)).Select(argument => argument?.Value ?? zip.Instance!).ToArray();
        if (sources.Length != 2) return null;
        (string Key, int Shift) Shifted(IOperation source)
        {
            while (source is IConversionOperation conversion) source = conversion.Operand;
            if (source is IInvocationOperation { TargetMethod.Name: "Skip" } skip && (skip.Instance ?? skip.Arguments.FirstOrDefault()?.Value) is { } skipped
                && skip.Arguments.LastOrDefault()?.Value.ConstantValue is { HasValue: true, Value: int count })
                return (Key(skipped), count);
            return (Key(source), 0);
        }
        var (first, second) = (Shifted(sources[0]), Shifted(sources[1]));
        return first.Key == second.Key ? new[] { first.Shift, second.Shift } : null;
    }

    /// <summary>
    /// For a current row picked by an index (<c>raw[i]</c>, or <c>d</c> of <c>raw.Select((d, i) =&gt; ...)</c>), a test for the key of
    /// a later row of the same collection: <c>raw[i + 1]</c>, <c>raw[i + 24]</c> in rows held oldest first (or in an unknown order),
    /// <c>raw[i - 1]</c> in rows held newest first (<paramref name="newestFirst"/>, see <see cref="HeldNewestFirst"/>). For the
    /// row of a Zip of a collection with itself shifted (<c>days.Zip(days.Skip(1), (today, tomorrow) =&gt; ...)</c>), the key of
    /// the partner further ahead. Null when the row is neither.
    /// </summary>
    private static System.Func<string, bool>? LaterRow(string primary, IOperation? current, bool newestFirst)
    {
        if (current is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda } parameter }
            && ZipShifts(current, lambda) is { } shifts)
        {
            var ahead = new HashSet<string>(lambda.Parameters.Where(other => shifts[other.Ordinal] > shifts[parameter.Ordinal]).Select(LambdaParameterKey));
            return ahead.Contains;
        }
        if (LaterPairElementKeys(current) is { } laterElements) return laterElements.Contains;
        (string Collection, string Index)? at = IndexedKey(primary)
            ?? (RowWindow.IndexedProjectionRow(current) is { } projected ? (Key(projected.Collection), projected.Index) : null);
        if (at is not { } found) return null;
        (string collection, string index) = found;
        return key =>
        {
            if (!key.StartsWith(collection + "[", System.StringComparison.Ordinal) || !key.EndsWith("]", System.StringComparison.Ordinal)) return false;
            string inner = key.Substring(collection.Length + 1, key.Length - collection.Length - 2).Replace(" ", "");
            string later = newestFirst ? "-" : "+";
            return inner.StartsWith(index + later, System.StringComparison.Ordinal) && int.TryParse(inner.Substring(index.Length + 1), out int ahead) && ahead > 0;
        };
    }

    /// <summary>The collection and the index of a key naming a picked row (<c>raw[i]</c>); null for any other key.</summary>
    private static (string Collection, string Index)? IndexedKey(string primary)
    {
        int open = primary.LastIndexOf('[');
        if (open <= 0 || !primary.EndsWith("]", System.StringComparison.Ordinal)) return null;
        string collection = primary.Substring(0, open), index = primary.Substring(open + 1, primary.Length - open - 2).Trim();
        return index.Length == 0 || !index.All(c => char.IsLetterOrDigit(c) || c == '_') ? null : (collection, index);
    }

    /// <summary>The member a label reads that is a feature: a [Feature] of a dataset, or the member a feature of this row is read from.</summary>
    private string? LabelSource(List<Read> reads, string primary, List<(ISymbol Target, ISimpleAssignmentOperation Assignment, List<Read> Reads)> assignments, ISymbol labelMember)
    {
        foreach (Read read in reads.Where(read => read.Instance == primary))
        {
            if (IsDatasetMember(read.Member, feature)) return read.Member.Name;
            bool sharedWithFeature = assignments.Any(other => !SymbolEqualityComparer.Default.Equals(other.Target, labelMember)
                && LeakageSymbols.HasAttribute(other.Target, feature) && IsScalar(read.Member)
                && other.Reads.Contains(read));
            if (sharedWithFeature) return read.Member.Name;
        }
        return null;
    }

    /// <summary>
    /// The member of <paramref name="primary"/> a label value merely records: a plain read (<c>raw.Cancelled</c>), or a
    /// recoding of it that compares it only for equality with constants (<c>raw.Status == "Left" ? 1 : 0</c>,
    /// <c>raw.Status switch { "Left" => 1, _ => 0 }</c>, a parse or conversion). A threshold on a measurement
    /// (<c>raw.Pulse &gt; 120 ? 1 : 0</c>) is a rule that makes the label, not a record of it: null.
    /// </summary>
    private static ISymbol? RecordedOutcome(IOperation value, string primary, int depth)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        switch (value)
        {
            case IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol, Instance: { } instance } member:
                return Key(instance) == primary && IsScalar(member.Member) ? member.Member : null;
            case ILocalReferenceOperation local when depth > 0 && Initializer(local) is { } initial:
                return RecordedOutcome(initial, primary, depth - 1);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional when IsConstant(conditional.WhenTrue) && IsConstant(whenFalse):
                return RecordedOutcome(conditional.Condition, primary, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                return IsConstant(comparison.RightOperand) ? RecordedOutcome(comparison.LeftOperand, primary, depth)
                    : IsConstant(comparison.LeftOperand) ? RecordedOutcome(comparison.RightOperand, primary, depth) : null;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return RecordedOutcome(not.Operand, primary, depth);
            case IIsPatternOperation { Pattern: IConstantPatternOperation or INegatedPatternOperation { Pattern: IConstantPatternOperation } } pattern:
                return RecordedOutcome(pattern.Value, primary, depth);
            case ISwitchExpressionOperation @switch when @switch.Arms.All(arm => arm.Guard is null && IsConstant(arm.Value)
                && arm.Pattern is IConstantPatternOperation or IDiscardPatternOperation):
                return RecordedOutcome(@switch.Value, primary, depth);
            case IInvocationOperation { Arguments.Length: 1 } call when call.TargetMethod.ContainingType is { } owner
                && (owner.Name == "Convert" && owner.ContainingNamespace?.Name == "System" || call.TargetMethod.Name is "Parse" && owner.SpecialType != SpecialType.None):
                return RecordedOutcome(call.Arguments[0].Value, primary, depth);
            default:
                return null;
        }
    }

    private static bool IsConstant(IOperation operation) => operation.ConstantValue.HasValue;

    private static bool IsCollectionOfRecords(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String) return false;
        ITypeSymbol? element = type is IArrayTypeSymbol array ? array.ElementType : null;
        if (type is INamedTypeSymbol named)
            foreach (INamedTypeSymbol candidate in named.AllInterfaces.Add(named))
                if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T) element = candidate.TypeArguments[0];
        return element is { IsReferenceType: true, SpecialType: not SpecialType.System_String };
    }

    private bool IsDatasetMember(ISymbol member, INamedTypeSymbol role) =>
        LeakageSymbols.HasAttribute(member, role) && member.ContainingType is { } owner && LeakageSymbols.HasAttribute(owner, dataset);

    /// <summary>Numbers, flags, text and times: an array member read with different indices is not one value.</summary>
    private static bool IsScalar(ISymbol member)
    {
        ITypeSymbol? type = member switch { IPropertySymbol property => property.Type, IFieldSymbol field => field.Type, _ => null };
        return type is not null && (type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum || type.Name is "DateTime" or "DateTimeOffset");
    }

    /// <summary>
    /// Collects the member reads of a value. <paramref name="elsewhere"/>: the value is a local's initializer or a helper's body,
    /// not the assignment itself: a label averaged there (a table of label means) may be learned from other rows (the other
    /// folds, the training rows), which only the flow analysis knows (<see cref="Flow.FlowRules"/>' target encoding), so it is
    /// not read as this row's.
    /// </summary>
    private void Collect(IOperation? operation, List<Read> reads, Dictionary<ISymbol, string> parameters, int depth, bool elsewhere = false)
    {
        if (operation is null) return;
        foreach (IOperation node in WithoutThrows(operation))
        {
            // An indexer (raw[i]) picks an instance; the members read from it are the reads, not the indexer itself.
            if (node is IMemberReferenceOperation { Member: IPropertySymbol { IsIndexer: false } or IFieldSymbol } member && member.Instance is { } instance)
            {
                string key = Key(instance, parameters);
                reads.Add(new Read(member.Member, elsewhere && key == AnyRow ? AnyRowElsewhere : key));
                // A query's let variable (from p in rows let risk = ... select p with { Age = risk }) is read through its expression.
                if (depth > 0 && LetExpression(member) is { } let) Collect(let, reads, parameters, depth - 1, elsewhere);
            }
            // A local computed first (int sick = raw.Pulse > 120 ? 1 : 0) is read through its initializer.
            // A collection of records (raw = ReadMeter(path).OrderBy(r => r.At).ToList()) is not one row's value: its initializer is
            // not followed (a lookup of numbers, as a per-group mean, still is).
            // A loop's row index (for (int i = days.Count - 2; ...)) names a position, not a value: what its bound reads is no input of the row.
            if (depth > 0 && node is ILocalReferenceOperation { IsDeclaration: false } local && !IsCollectionOfRecords(local.Local.Type)
                && !RowWindow.IsRowIndex(local) && Initializer(local) is { } initial)
                Collect(initial, reads, parameters, depth - 1, elsewhere: true);
            if (depth > 0 && node is IInvocationOperation call && operation.SemanticModel?.Compilation is { } compilation
                && Flow.MethodSummary.Body(compilation, call.TargetMethod) is { } body)
            {
                var mapped = new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default);
                foreach (IArgumentOperation argument in call.Arguments)
                    if (argument.Parameter is { } parameter) mapped[parameter] = Key(argument.Value, parameters);
                if (call.Instance is { } receiver && call.TargetMethod.IsExtensionMethod is false) mapped[call.TargetMethod.ContainingType] = Key(receiver, parameters);
                Collect(body, reads, mapped, depth - 1, elsewhere: true);
            }
        }
    }

    /// <summary>The operation of the expression a query's <c>let</c> clause binds, when <paramref name="member"/> reads that range variable.</summary>
    private static IOperation? LetExpression(IMemberReferenceOperation member)
    {
        if (member.Member.ContainingType is not { IsAnonymousType: true } || member.Syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax name
            || member.SemanticModel is not { } model || model.GetSymbolInfo(name).Symbol is not IRangeVariableSymbol variable) return null;
        foreach (SyntaxReference reference in variable.DeclaringSyntaxReferences)
            if (reference.GetSyntax().FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.LetClauseSyntax>() is { } let && let.SyntaxTree == model.SyntaxTree)
                return model.GetOperation(let.Expression);
        return null;
    }

    private static IOperation? Initializer(ILocalReferenceOperation local)
        => LocalValue.Of(local.Local, local.SemanticModel);

    /// <summary>The operation and its descendants, except what a throw computes: an error message's inputs are not the value's.</summary>
    private static IEnumerable<IOperation> WithoutThrows(IOperation root)
    {
        var pending = new Stack<IOperation>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            IOperation node = pending.Pop();
            if (node is IThrowOperation) continue;
            yield return node;
            foreach (IOperation child in node.ChildOperations) pending.Push(child);
        }
    }

    private static readonly HashSet<string> Aggregates = new(System.StringComparer.Ordinal)
    {
        "Average", "Sum", "Max", "Min", "Aggregate", "Median", "Mean",
    };

    /// <summary>Whether the parameter belongs to a lambda given to an aggregate (<c>Average(h =&gt; h.Price)</c>).</summary>
    private static bool AggregateSelector(IParameterReferenceOperation reference)
    {
        for (IOperation? parent = reference.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is not IAnonymousFunctionOperation lambda) continue;
            if (!SymbolEqualityComparer.Default.Equals(lambda.Symbol, reference.Parameter.ContainingSymbol)) return false;
            IOperation? argument = lambda.Parent;
            while (argument is IDelegateCreationOperation or IConversionOperation) argument = argument.Parent;
            // A window around the current row (days.Skip(i - 7).Take(7)) is not every row: which rows it reads is FutureRows' question.
            return argument is IArgumentOperation { Parent: IInvocationOperation call } && Aggregates.Contains(call.TargetMethod.Name)
                && RowWindow.OfReceiver(call) is null;
        }
        return false;
    }

    /// <summary>The element a local is initialized with (<c>tills[i]</c>, <c>rows[^1]</c>), when it is one.</summary>
    private static IOperation? PickedRow(ILocalReferenceOperation local)
    {
        IOperation? value = RowWindow.Initializer(local);
        while (value is IConversionOperation conversion) value = conversion.Operand;
        return value is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true } or IImplicitIndexerReferenceOperation ? value : null;
    }

    /// <summary>The key of a lambda's parameter: its own row, told apart from a parameter of the same name in another lambda.</summary>
    private static string LambdaParameterKey(IParameterSymbol parameter) => parameter.Name + "@" + (parameter.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0);

    private static string Key(IOperation instance, Dictionary<ISymbol, string>? parameters = null)
    {
        while (instance is IConversionOperation conversion) instance = conversion.Operand;
        // A query's range variable is one row wherever the query reads it (its lambdas' parameters or a transparent member).
        if (instance.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier && instance.SemanticModel?.GetSymbolInfo(identifier).Symbol is IRangeVariableSymbol range)
            return "range:" + range.Name + "@" + (range.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0);
        return instance switch
        {
            IParameterReferenceOperation parameter when parameters is not null && parameters.TryGetValue(parameter.Parameter, out string? mapped) => mapped,
            // A local holding a picked row (var today = tills[i]) is that row: today.Units and tills[i].Units are one value.
            ILocalReferenceOperation local when PickedRow(local) is { } picked => Key(picked, parameters),
            ILocalReferenceOperation local => local.Local.Name,
            // Each lambda's parameter is its own row: v in test.Where(v => v.Sick == 1) is not the v being rebuilt;
            // but the rows an aggregate's selector reads include every row, the one being built too.
            IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } parameter } reference =>
                AggregateSelector(reference) ? AnyRow : LambdaParameterKey(parameter),
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IInstanceReferenceOperation => "this",
            _ => instance.Syntax.ToString(),
        };
    }
}
