using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Diagnostics;

/// <summary>
/// A diagnostic as plain values so it can live in an equatable incremental-generator model.
/// <see cref="Properties"/> ("key=value") carry what a code fix needs, e.g. the inferred size;
/// <see cref="Related"/> points at a second place the fix edits (a dataset's [Shape]).
/// </summary>
public sealed record DiagnosticInfo(
    string DescriptorId,
    SourceSpot? Spot,
    EquatableArray<string> Arguments,
    EquatableArray<string> Properties,
    SourceSpot? Related = null)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor.Id, SourceSpot.From(location), arguments.ToEquatableArray(), EquatableArray<string>.Empty);

    public DiagnosticInfo WithProperty(string key, string value) =>
        this with { Properties = Properties.Concat(new[] { key + "=" + value }).ToEquatableArray() };

    public DiagnosticInfo WithRelated(Location? location) => this with { Related = SourceSpot.From(location) };

    public bool IsError => DiagnosticDescriptors.ById(DescriptorId).DefaultSeverity == DiagnosticSeverity.Error;

    /// <summary>
    /// The declaration cannot take a generated part at all (MLDSL0030). The generator reports these
    /// itself: with no generated part the compilation has errors at every use, and then the command-line
    /// compiler never gets to analyzer diagnostics.
    /// </summary>
    public bool BlocksGeneration => DescriptorId == DiagnosticDescriptors.CannotExtendDeclaration.Id;

    /// <summary>"MLDSL0005 at DigitCnn.cs(11,6): message", for code that must say why it was not generated.</summary>
    public string Describe()
    {
        string message = string.Format(DiagnosticDescriptors.ById(DescriptorId).MessageFormat.ToString(), Arguments.Cast<object>().ToArray());
        string where = Spot is null ? "" : $" at {System.IO.Path.GetFileName(Spot.FilePath)}({Spot.Lines.Start.Line + 1},{Spot.Lines.Start.Character + 1})";
        return DescriptorId + where + ": " + message;
    }

    /// <summary>The Roslyn diagnostic; pass the compilation when reporting from an analyzer.</summary>
    public Diagnostic ToDiagnostic(Compilation? compilation = null)
    {
        ImmutableDictionary<string, string?> properties = Properties
            .Select(pair => pair.Split(new[] { '=' }, 2))
            .ToImmutableDictionary(pair => pair[0], pair => (string?)pair[1]);
        return Diagnostic.Create(
            DiagnosticDescriptors.ById(DescriptorId),
            Spot?.ToLocation(compilation) ?? Location.None,
            Related is null ? null : new[] { Related.ToLocation(compilation) },
            properties,
            Arguments.Cast<object>().ToArray());
    }
}
