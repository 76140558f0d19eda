using Microsoft.CodeAnalysis;

namespace MlDsl.Analyzers.Leakage;

/// <summary>How a member holds its value, which decides how much its name can say about being an identifier.</summary>
internal enum IdentifierStorage
{
    /// <summary>Booleans, arrays, dates: no identifier is held that way.</summary>
    None,
    /// <summary>Integers: every identifier word counts.</summary>
    Integer,
    /// <summary>Text: every identifier word counts, those only text can hold too (a VIN, an e-mail address).</summary>
    Text,
    /// <summary>A <c>Guid</c>: an identifier whatever its name.</summary>
    Guid,
    /// <summary>
    /// <c>float</c>, <c>double</c>, <c>decimal</c>: CSV loaders read every column as a number, so an id can arrive typed
    /// as a float (<c>CustomerId</c>); only words that cannot name a measurement identify there (<c>Id</c>, <c>Uuid</c>,
    /// <c>Imei</c>). <c>Number</c>, <c>Index</c>, <c>Code</c>, <c>Key</c> on a float usually measure
    /// (<c>ReynoldsNumber</c>, <c>BodyMassIndex</c>, <c>PriceIndex</c>).
    /// </summary>
    FloatingPoint,
}

/// <summary>The <see cref="IdentifierStorage"/> of a member's type.</summary>
internal static class IdentifierStorages
{
    /// <summary>
    /// A nullable value (<c>int? CustomerId</c>, <c>Guid? SessionGuid</c>) is judged as the value it holds: an optional id,
    /// or pandas' nullable integer column (<c>Int64</c>) read with its gaps, identifies as much as the plain type does.
    /// </summary>
    public static IdentifierStorage Of(ITypeSymbol type) => OfValue(Unwrapped(type));

    private static ITypeSymbol Unwrapped(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable
            ? nullable.TypeArguments[0]
            : type;

    private static IdentifierStorage OfValue(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
            or SpecialType.System_Int64 or SpecialType.System_UInt64 => IdentifierStorage.Integer,
        SpecialType.System_String => IdentifierStorage.Text,
        SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal => IdentifierStorage.FloatingPoint,
        _ => type is { Name: "Guid", ContainingNamespace.Name: "System" } ? IdentifierStorage.Guid : IdentifierStorage.None,
    };
}
