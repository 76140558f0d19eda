using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// One leak, one report. A rule can see one leak from several places: a helper scoring the test rows
/// (<c>Mae(model, test)</c>) is a score evaluated in a training loop at its rows argument and, through the helper's
/// summary, a test statistic or score at the helper's call around it; a query of region means over the test rows
/// (<c>(from l in test group ... select g.Average(...)).ToDictionary(...)</c>) is a statistic at the dictionary and again
/// at its inner <c>g.Average</c>. Reporting each place would tell the user about two leaks where there is one.
/// </summary>
internal sealed partial class FlowRules
{
    /// <summary>Reports of the rule being run, held until it is done (see <see cref="OnePerLeak"/>); null when reporting directly.</summary>
    private List<(DiagnosticDescriptor Descriptor, Location Location, ImmutableDictionary<string, string?>? Properties, string Message)>? pending;

    /// <summary>
    /// Runs <paramref name="rule"/> and keeps, of its reports that lie one inside another (a helper's call and its rows
    /// argument), only the innermost: the rows that leak are the place to change.
    /// </summary>
    private void OnePerLeak(Action rule)
    {
        pending = new();
        try
        {
            rule();
        }
        finally
        {
            var found = pending;
            pending = null;
            foreach (var candidate in found)
            {
                bool aroundAnother = found.Any(other => other.Descriptor.Id == candidate.Descriptor.Id && other.Location != candidate.Location
                    && other.Location.SourceTree == candidate.Location.SourceTree && candidate.Location.SourceSpan.Contains(other.Location.SourceSpan));
                if (!aroundAnother) Report(candidate.Descriptor, candidate.Location, candidate.Properties, candidate.Message);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="learned"/> is an aggregate inside another statistic that reaches held-out rows from rows it
    /// overlaps and is reported: inside its call (<c>g.Average</c> inside the query whose <c>ToDictionary</c> is reported),
    /// or in the body of a loop over its groups (<c>foreach (var g in rows.GroupBy(...)) medians[g.Key] = Median(g...)</c>,
    /// where the grouping is reported). The outer statistic holds the inner one's results, so it is the one leak to report.
    /// </summary>
    private List<LearnEvent>? reachingStatistics;

    private bool InsideReportedStatistic(LearnEvent learned)
    {
        if (learned.Kind != LearnKind.Aggregate) return false;
        TextSpan span = learned.Location.SourceSpan;
        reachingStatistics ??= ReachingEvents().OfType<LearnEvent>().Where(outer => outer.Kind is LearnKind.Aggregate or LearnKind.Accumulated).ToList();
        return reachingStatistics.Any(outer => !outer.ReportedInHelper
            && outer.Location != learned.Location && outer.Location.SourceTree == learned.Location.SourceTree
            && (outer.Location.SourceSpan.Contains(span) || InLoopOver(learned.Location, outer.Location.SourceSpan))
            && reported.Contains(outer.Location)
            && outer.From.Any(origin => learned.From.Any(inner => inner.Overlaps(origin))));
    }

    /// <summary>Whether <paramref name="inner"/> lies in the body of a <c>foreach</c> whose collection holds <paramref name="collection"/>.</summary>
    private static bool InLoopOver(Location inner, TextSpan collection)
    {
        SyntaxNode? node = inner.SourceTree?.GetRoot().FindNode(inner.SourceSpan);
        for (; node is not null; node = node.Parent)
            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.ForEachStatementSyntax loop && loop.Expression.Span.Contains(collection)
                && loop.Statement.Span.Contains(inner.SourceSpan))
                return true;
        return false;
    }
}
