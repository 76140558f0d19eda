using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Declarations.Models;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

/// <summary>
/// A [Pipeline]'s [TargetEncode] attributes: each becomes a <c>TargetEncodingStep</c> expression (a CategoricalColumn that reads
/// the row's string member and writes its float [Feature] with <c>row with { Into = value }</c>, and its options), or an
/// MLDSL0041 at the attribute saying which member cannot be read or written and why.
/// </summary>
public static class TargetEncodeParser
{
    public const string TargetEncodeAttribute = "MlDsl.TargetEncodeAttribute";

    public static (EquatableArray<string> Steps, IReadOnlyList<DiagnosticInfo> Diagnostics) Parse(INamedTypeSymbol pipeline, INamedTypeSymbol row)
    {
        var steps = new List<string>();
        var diagnostics = new List<DiagnosticInfo>();
        var categories = new HashSet<string>();
        var targets = new HashSet<string>();
        DatasetSpec? dataset = null;
        foreach (AttributeData attribute in pipeline.GetAttributes().Where(attribute => attribute.AttributeClass?.ToDisplayString() == TargetEncodeAttribute))
        {
            dataset ??= DatasetParser.Parse(row);
            string? category = attribute.ConstructorArguments.FirstOrDefault().Value as string;
            string? into = Named(attribute, "Into") as string;
            double smooth = Named(attribute, "Smooth") is double value ? value : double.NaN;
            int folds = Named(attribute, "Folds") is int count ? count : 5;
            string? problem = Problem(row, dataset, category, into, smooth, folds)
                ?? (!categories.Add(category!) ? $"{row.Name}.{category} is target-encoded twice; declare one [TargetEncode] per categorical member"
                    : !targets.Add(into!) ? $"{row.Name}.{into} receives two target encodings; give each categorical member its own float [Feature]"
                    : null);
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTargetEncoding, TypeIdentities.LocationOf(attribute, pipeline), problem));
                continue;
            }
            steps.Add(Step(row, category!, into!, Options(attribute, smooth)));
        }
        return (steps.ToEquatableArray(), diagnostics);
    }

    private static string? Problem(INamedTypeSymbol row, DatasetSpec dataset, string? category, string? into, double smooth, int folds)
    {
        string name = row.Name;
        if (string.IsNullOrEmpty(category)) return "[TargetEncode] needs the row's categorical member, e.g. [TargetEncode(nameof(Shop.City), Into = nameof(Shop.CityEncoded))]";
        if (Member(row, category!) is not { } member) return $"{name} has no member '{category}' to read the category from; name a string member of {name}";
        if (MemberType(member) is not { SpecialType: SpecialType.System_String } type)
            return $"{name}.{category} is of type {MemberType(member)?.ToDisplayString() ?? "?"}; a target encoding reads a string category (convert it into a string member)";
        if (string.IsNullOrEmpty(into)) return $"[TargetEncode(\"{category}\")] needs Into = nameof({name}.SomeFeature): the float [Feature] its encoding is written into";
        if (Member(row, into!) is null) return $"{name} has no member '{into}' to write the encoding of {category} into; declare a float [Feature] for it";
        FeatureSpec? feature = dataset.Features.FirstOrDefault(candidate => candidate.Name == into);
        if (feature is null || feature.Kind != FeatureKind.Scalar || feature.ClrType is not ("float" or "double"))
            return $"{name}.{into} is not a float [Feature] ({(feature is null ? "not a feature" : feature.ClrType)}), so the model would never see the encoding of {category}; write it into a float [Feature]";
        if (!feature.Settable || !row.IsRecord && !row.IsValueType)
            return $"{name}.{into} cannot be written with `row with {{ {into} = value }}` ({(!feature.Settable ? "it has no setter or init" : $"{name} is a class, not a record or struct")})";
        if (!double.IsNaN(smooth) && !(smooth >= 0 && !double.IsInfinity(smooth)))
            return $"Smooth = {smooth.ToString("R", CultureInfo.InvariantCulture)}; expected a finite weight of 0 or more (NaN, the default, is scikit-learn's auto)";
        if (folds < 2) return $"Folds = {folds}; the training rows are encoded out of fold, which needs at least 2 folds";
        if (dataset.Label is { } label && !(label.Kind == LabelKind.Class && label.Classes == 2 || label.Kind == LabelKind.Regression && label.Classes == 1))
            return $"{name}.{label.Name} is a {label.Kind.ToString().ToLowerInvariant()} label with {label.Classes} outputs; target encoding needs a binary class label or a single regression value";
        return null;
    }

    /// <summary><c>new TargetEncodingStep&lt;Row&gt;(new CategoricalColumn&lt;Row&gt;("City", row =&gt; row.City, (row, value) =&gt; row with { CityEncoded = value }), options)</c>.</summary>
    private static string Step(INamedTypeSymbol row, string category, string into, string options)
    {
        string type = row.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return $"new global::MlDsl.Data.Encoding.TargetEncodingStep<{type}>(new global::MlDsl.Data.Encoding.CategoricalColumn<{type}>({SymbolDisplay.FormatLiteral(category, quote: true)}, "
            + $"row => row.{Identifier(category)}, (row, value) => row with {{ {Identifier(into)} = value }}), {options})";
    }

    private static string Options(AttributeData attribute, double smooth)
    {
        var settings = new List<string>();
        if (!double.IsNaN(smooth)) settings.Add("Smooth = " + smooth.ToString("R", CultureInfo.InvariantCulture));
        if (Named(attribute, "Folds") is int folds) settings.Add("Folds = " + folds.ToString(CultureInfo.InvariantCulture));
        if (Named(attribute, "Shuffle") is bool shuffle) settings.Add("Shuffle = " + (shuffle ? "true" : "false"));
        if (Named(attribute, "Seed") is int seed) settings.Add("Seed = " + seed.ToString(CultureInfo.InvariantCulture));
        return $"new global::MlDsl.Data.Encoding.TargetEncoderOptions {{ {string.Join(", ", settings)} }}";
    }

    private static object? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(argument => argument.Key == name).Value.Value;

    /// <summary>An instance property or field named <paramref name="name"/> that generated code beside the row can read, here or in a base type.</summary>
    private static ISymbol? Member(INamedTypeSymbol row, string name)
    {
        for (INamedTypeSymbol? type = row; type is not null; type = type.BaseType)
            if (type.GetMembers(name).FirstOrDefault(member => member is IPropertySymbol or IFieldSymbol && !member.IsStatic
                    && member.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal) is { } found)
                return found;
        return null;
    }

    private static ITypeSymbol? MemberType(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };

    private static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
}
