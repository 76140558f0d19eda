using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Models;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

/// <summary>
/// Which members a dataset row reads from CSV, and how: every settable instance property that is not
/// [Ignore]. The row gets a CSV reader only when every required member can be read.
/// </summary>
internal static class CsvColumns
{
    private const string IgnoreAttribute = "MlDsl.IgnoreAttribute";
    private const string ColumnAttribute = "MlDsl.ColumnAttribute";
    private const string ShapeAttribute = "MlDsl.ShapeAttribute";

    public static (EquatableArray<ColumnSpec> Columns, bool Readable) Read(INamedTypeSymbol type)
    {
        var columns = new List<ColumnSpec>();
        bool readable = true;
        foreach (IPropertySymbol property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (property.IsImplicitlyDeclared || property.IsStatic || property.IsIndexer || property.SetMethod is null) continue;
            if (TypeIdentities.HasAttribute(property, IgnoreAttribute)) continue;
            ColumnSpec? column = Column(property);
            if (column is null)
            {
                if (property.IsRequired) readable = false;
                continue;
            }
            columns.Add(column);
        }
        // The generated reader builds the row with an object initializer, which needs a parameterless constructor.
        bool constructible = !type.IsAbstract && (type.IsValueType || type.InstanceConstructors.Any(constructor => constructor.Parameters.Length == 0));
        return (columns.ToEquatableArray(), readable && constructible && columns.Count > 0);
    }

    private static ColumnSpec? Column(IPropertySymbol property)
    {
        AttributeData? column = TypeIdentities.FindAttribute(property, ColumnAttribute);
        object? where = column?.ConstructorArguments.FirstOrDefault().Value;
        string? header = where as string;
        int index = where is int position ? position : -1;

        if (property.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Single })
        {
            AttributeData? shape = TypeIdentities.FindAttribute(property, ShapeAttribute);
            int width = shape is null ? 0 : DatasetParser.ShapeDimensions(shape).Aggregate(1, (product, size) => product * size);
            // An array spans consecutive columns, so it needs a starting index.
            return width > 0 && index >= 0 ? new ColumnSpec(property.Name, header, index, width, "Singles", "", "a number") : null;
        }
        (string reader, string cast, string expected)? kind = property.Type.SpecialType switch
        {
            SpecialType.System_Single => ("Single", "", "a number"),
            SpecialType.System_Double => ("Double", "", "a number"),
            SpecialType.System_Int32 => ("Int32", "", "a whole number"),
            SpecialType.System_Int64 => ("Int64", "", "a whole number"),
            SpecialType.System_Int16 => ("Int32", "short", "a whole number"),
            SpecialType.System_Byte => ("Int32", "byte", "a whole number"),
            SpecialType.System_Boolean => ("Boolean", "", "true or false"),
            SpecialType.System_String => ("Text", "", "text"),
            SpecialType.System_DateTime => ("Time", "", "a date and time"),
            _ => null,
        };
        return kind is { } k ? new ColumnSpec(property.Name, header, index, 1, k.reader, k.cast, k.expected) : null;
    }
}
