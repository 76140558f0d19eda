using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Where a step fitted inside a helper on the rows it is given is reported: at the call (<c>FitScaler(rows)</c>), unless one
/// argument is exactly validation or test rows and the fit learned from those alone (<c>Prep.FitOn(validation)</c>): that
/// argument is the thing to change (pass the training rows), as it is for a fit written inline.
/// </summary>
internal sealed partial class FlowAnalysis
{
    private DataFlow FitsAtHeldOutArguments(IInvocationOperation invocation, DataFlow returned)
    {
        Location call = invocation.Syntax.GetLocation();
        ImmutableHashSet<FlowEvent> events = returned.Events;
        foreach (LearnEvent fit in returned.EventsOf<LearnEvent>().Where(e => e.Kind == LearnKind.Fit && e.Location == call && !e.ReportedInHelper && !e.From.IsEmpty).ToList())
        {
            IArgumentOperation[] given = invocation.Arguments.Where(argument => Eval(argument.Value) is { Rows.IsEmpty: false } rows
                && rows.Rows.All(origin => origin.Role is Role.Validation or Role.Test) && fit.From.IsSubsetOf(rows.Rows)).ToArray();
            if (given.Length != 1) continue;
            events = events.Remove(fit).Add(fit.With(fit.From, given[0].Value.Syntax.GetLocation(), fit.What));
        }
        return ReferenceEquals(events, returned.Events) ? returned : new DataFlow(returned.Rows, events, returned.TrainedOn, returned.Parts, returned.PartNames);
    }
}
