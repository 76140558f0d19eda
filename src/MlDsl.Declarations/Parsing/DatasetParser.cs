using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Declarations.Models;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

/// <summary>Reads a [Dataset] type's features and label into a <see cref="DatasetSpec"/>.</summary>
public static class DatasetParser
{
    public const string DatasetAttribute = "MlDsl.DatasetAttribute";
    private const string FeatureAttribute = "MlDsl.FeatureAttribute";
    private const string ShapeAttribute = "MlDsl.ShapeAttribute";
    private const string LabelAttribute = "MlDsl.LabelAttribute";
    private const string VocabularyAttribute = "MlDsl.VocabularyAttribute";

    /// <summary>The largest vocabulary whose ids a float batch buffer holds exactly (2^24).</summary>
    public const int MaxVocabulary = 1 << 24;
    internal const string GroupKeyAttribute = "MlDsl.GroupKeyAttribute";
    internal const string TimestampAttribute = "MlDsl.TimestampAttribute";
    internal const string SliceAttribute = "MlDsl.SliceAttribute";

    public static DatasetSpec Parse(INamedTypeSymbol type)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (DeclarationChecks.Dataset(type) is { } declaration) diagnostics.Add(declaration);
        var features = new List<FeatureSpec>();
        LabelSpec? label = null;
        int offset = 0;

        foreach (ISymbol member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared || member is not (IPropertySymbol or IFieldSymbol)) continue;
            ITypeSymbol memberType = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
            Location? location = member.Locations.FirstOrDefault();

            if (TypeIdentities.HasAttribute(member, FeatureAttribute))
            {
                FeatureSpec? feature = ParseFeature(type, member, memberType, offset, location, diagnostics);
                if (feature is null) continue;
                features.Add(feature);
                offset += feature.Length;
            }

            if (TypeIdentities.FindAttribute(member, LabelAttribute) is { } labelAttribute)
                label = ParseLabel(type, member, memberType, labelAttribute, location, diagnostics) ?? label;
        }

        Location? typeLocation = type.Locations.FirstOrDefault();
        if (label is null && !diagnostics.Any(d => d.DescriptorId == DiagnosticDescriptors.MissingLabel.Id))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingLabel, typeLocation, type.Name, "has no [Label(Classes = n)] member"));
        if (features.Count == 0 && !diagnostics.Any(diagnostic => diagnostic.DescriptorId != DiagnosticDescriptors.CannotExtendDeclaration.Id))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFeature, typeLocation, type.Name, "(none)", "is missing: a dataset needs at least one [Feature] member"));

        TensorShape? input = InputShape(features, out (string Feature, string Why)? concatenation);
        MetadataSpec metadata = ReadMetadata(type, diagnostics);
        (EquatableArray<ColumnSpec> columns, bool readable) = CsvColumns.Read(type);
        return new DatasetSpec(TypeIdentities.Of(type), features.ToEquatableArray(), label, input, metadata, columns, readable, diagnostics.ToEquatableArray())
        {
            ConcatenationFeature = concatenation?.Feature,
            ConcatenationProblem = concatenation?.Why,
        };
    }

    private static FeatureSpec? ParseFeature(INamedTypeSymbol type, ISymbol member, ITypeSymbol memberType, int offset, Location? location, List<DiagnosticInfo> diagnostics)
    {
        if (memberType is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Single })
        {
            AttributeData? shape = TypeIdentities.FindAttribute(member, ShapeAttribute);
            int[] dimensions = shape is null ? new int[0] : ShapeDimensions(shape);
            if (dimensions.Length == 0 || dimensions.Any(size => size <= 0))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFeature, location, type.Name, member.Name,
                    "is a float array without a valid [Shape]; declare one with positive sizes, e.g. [Shape(784)] or [Shape(1, 28, 28)]"));
                return null;
            }
            TensorShape tensorShape = TensorShape.Of(dimensions);
            return new FeatureSpec(member.Name, FeatureKind.FloatArray, offset, (int)tensorShape.ElementCount, tensorShape, "float[]", IsSettable(member));
        }
        if (memberType is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Int32 })
            return ParseTokens(type, member, offset, location, diagnostics);
        if (memberType.SpecialType == SpecialType.System_String && TypeIdentities.FindAttribute(member, "MlDsl.CategoriesAttribute") is { } categories)
        {
            string[] values = categories.ConstructorArguments.FirstOrDefault() is { Kind: TypedConstantKind.Array } array
                ? array.Values.Select(value => value.Value as string ?? "").ToArray()
                : new string[0];
            if (values.Length < 2 || values.Distinct().Count() != values.Length)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFeature, location, type.Name, member.Name,
                    "has [Categories] with fewer than two values or repeated values; list each category once"));
                return null;
            }
            return new FeatureSpec(member.Name, FeatureKind.Categorical, offset, values.Length, TensorShape.Of(values.Length), "string", IsSettable(member))
            {
                Categories = values.ToEquatableArray(),
            };
        }
        if (memberType.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Int32
            or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_Boolean)
            return new FeatureSpec(member.Name, FeatureKind.Scalar, offset, 1, TensorShape.Of(1), memberType.ToDisplayString(), IsSettable(member));

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFeature, location, type.Name, member.Name,
            $"has type {memberType.ToDisplayString()}; a feature is a number (float, double, int, long, bool), a float[] with [Shape], an int[] of token ids with [Shape] and [Vocabulary], or a string with [Categories]"));
        return null;
    }

    /// <summary>An int[] of token ids: one axis of [Shape] and a [Vocabulary] whose ids a float holds exactly.</summary>
    private static FeatureSpec? ParseTokens(INamedTypeSymbol type, ISymbol member, int offset, Location? location, List<DiagnosticInfo> diagnostics)
    {
        AttributeData? shape = TypeIdentities.FindAttribute(member, ShapeAttribute);
        int[] dimensions = shape is null ? new int[0] : ShapeDimensions(shape);
        int vocabulary = TypeIdentities.FindAttribute(member, VocabularyAttribute)?.ConstructorArguments.FirstOrDefault().Value as int? ?? 0;
        string? problem =
            dimensions.Length != 1 || dimensions[0] <= 0 ? "is an int[] of token ids without a one-axis [Shape]; declare its length, e.g. [Shape(64)] (pad or cut each row to it)" :
            vocabulary <= 0 ? "is an int[] of token ids without a positive [Vocabulary]; declare how many distinct ids there are, e.g. [Vocabulary(5000)]" :
            vocabulary > MaxVocabulary ? $"declares [Vocabulary({vocabulary})]; ids travel in a float batch buffer, which holds ids up to {MaxVocabulary} exactly" :
            null;
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFeature, location, type.Name, member.Name, problem));
            return null;
        }
        return new FeatureSpec(member.Name, FeatureKind.Tokens, offset, dimensions[0], TensorShape.Tokens(dimensions[0], vocabulary), "int[]", IsSettable(member))
        {
            Vocabulary = vocabulary,
        };
    }

    private static LabelSpec? ParseLabel(INamedTypeSymbol type, ISymbol member, ITypeSymbol memberType, AttributeData attribute, Location? location, List<DiagnosticInfo> diagnostics)
    {
        int classes = attribute.NamedArguments.FirstOrDefault(argument => argument.Key == "Classes").Value.Value as int? ?? 0;
        TypedConstant names = attribute.NamedArguments.FirstOrDefault(argument => argument.Key == "Names").Value;
        string[] values = names.Kind == TypedConstantKind.Array ? names.Values.Select(value => value.Value as string ?? "").ToArray() : new string[0];
        LabelSpec? Refuse(string problem)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingLabel, location, type.Name, problem));
            return null;
        }

        bool isArray = memberType is IArrayTypeSymbol { Rank: 1 };
        ITypeSymbol valueType = memberType is IArrayTypeSymbol array ? array.ElementType : memberType;
        LabelKind kind = isArray ? LabelKind.MultiLabel : LabelKind.Class;
        string what = isArray ? "multi-label" : "class";
        if (!isArray && valueType.SpecialType is SpecialType.System_Single or SpecialType.System_Double)
        {
            return classes != 0 || values.Length != 0
                ? Refuse($"declares regression label '{member.Name}' ({valueType.ToDisplayString()}) with Classes or Names; a number to predict has neither")
                : new LabelSpec(member.Name, 1, LabelKind.Regression);
        }
        if (valueType.SpecialType == SpecialType.System_String)
        {
            if (values.Length < 2 || values.Distinct().Count() != values.Length || classes != 0 && classes != values.Length)
                return Refuse($"declares string {what} label '{member.Name}' without at least two distinct Names (and a Classes that matches them, if given)");
            return new LabelSpec(member.Name, values.Length, kind) { Names = values.ToEquatableArray() };
        }
        if (valueType.SpecialType is not (SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte)
            || isArray && valueType.SpecialType != SpecialType.System_Int32)
            return Refuse($"declares label '{member.Name}' of type {memberType.ToDisplayString()}; a label is an int class index or a string with Names, " +
                "an int[] of label indices or a string[] with Names (multi-label), or a float or double (regression)");
        if (classes < 2)
            return Refuse($"declares {what} label '{member.Name}' with Classes = {classes}; set Classes to the number of {(isArray ? "labels" : "classes")} (at least 2)");
        return new LabelSpec(member.Name, classes, kind);
    }

    private static bool IsSettable(ISymbol member) =>
        member is IPropertySymbol { SetMethod: not null } or IFieldSymbol { IsReadOnly: false, IsConst: false };

    private static MetadataSpec ReadMetadata(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
    {
        string? groupKey = null, timestamp = null;
        bool offset = false;
        var slices = new List<string>();
        foreach (ISymbol member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared || member is not (IPropertySymbol or IFieldSymbol)) continue;
            ITypeSymbol memberType = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
            if (TypeIdentities.HasAttribute(member, GroupKeyAttribute)) groupKey = member.Name;
            if (TypeIdentities.HasAttribute(member, SliceAttribute)) slices.Add(member.Name);
            if (!TypeIdentities.HasAttribute(member, TimestampAttribute)) continue;
            bool isOffset = memberType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == "global::System.DateTimeOffset";
            if (memberType.SpecialType == SpecialType.System_DateTime || isOffset)
            {
                timestamp = member.Name;
                offset = isOffset;
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFeature, member.Locations.FirstOrDefault(), type.Name, member.Name,
                    $"is a [Timestamp] of type {memberType.ToDisplayString()}; a timestamp is a DateTime or a DateTimeOffset"));
            }
        }
        return new MetadataSpec(groupKey, timestamp, offset, slices.ToEquatableArray());
    }

    internal static int[] ShapeDimensions(AttributeData shape)
    {
        if (shape.ConstructorArguments.Length != 1) return new int[0];
        TypedConstant argument = shape.ConstructorArguments[0];
        return argument.Kind == TypedConstantKind.Array
            ? argument.Values.Select(value => value.Value as int? ?? 0).ToArray()
            : new[] { argument.Value as int? ?? 0 };
    }

    /// <summary>
    /// One example's shape: the only feature's, or the features concatenated into one vector. A feature
    /// that cannot join that vector (an image, a spectrogram, token ids beside other features) leaves the
    /// collated row flat, to be sliced per feature by a model with [Input] branches; <paramref name="problem"/>
    /// says why, for a model that reads the row as one tensor.
    /// </summary>
    private static TensorShape? InputShape(List<FeatureSpec> features, out (string Feature, string Why)? problem)
    {
        problem = null;
        if (features.Count == 0) return null;
        if (features.Count == 1) return features[0].Shape;
        FeatureSpec? tokens = features.FirstOrDefault(feature => feature.Kind == FeatureKind.Tokens);
        FeatureSpec? image = features.FirstOrDefault(feature => feature.Shape.Rank > 1);
        if (tokens is not null)
            problem = (tokens.Name, "holds token ids, which cannot be concatenated with the other features");
        else if (image is not null)
            problem = (image.Name, $"has shape {image.Shape}, which cannot be concatenated with the other features");
        return TensorShape.Of(features.Sum(feature => feature.Length));
    }
}
