using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MlDsl.Analyzers.Leakage;

/// <summary>What an identifier-like member identifies: the row itself, or a thing rows can share (a group).</summary>
internal enum IdentifierKind
{
    None,
    /// <summary>The row's position or record (<c>RowNumber</c>, <c>Index</c>, pandas' <c>Unnamed: 0</c>): unique per row.</summary>
    Row,
    /// <summary>An entity (<c>PatientNumber</c>, <c>CustomerId</c>, <c>AccountNo</c>): may repeat across rows, a group key.</summary>
    Entity,
}

/// <summary>
/// Whether a member's name (or the CSV column it is read from) names an identifier rather than a
/// measurement. Names are split into words (camel case, snake case, spaces) and judged by their last
/// word: <c>Id</c>, <c>Uid</c>, <c>Uuid</c>, <c>Guid</c> always, on floats too (a CSV loader reads ids as numbers), except
/// that declared <c>[Categories]</c> after a noun without records of its own make them a category (<c>AdmissionTypeId</c>);
/// and the standard identifiers of <see cref="WellKnownIdentifiers"/> (<c>Imei</c>, <c>Vin</c>). On floats nothing else
/// identifies (see <see cref="IdentifierStorage.FloatingPoint"/>). <c>Code</c>, <c>Key</c>, <c>Ref</c> name what a
/// thing is looked up by, so after any noun (<c>SchoolCode</c>, <c>HerdKey</c>) they identify that thing,
/// which rows about it share; only a noun that classifies or places (a status, a type, a zip area, a
/// deck) makes its code a category instead. <c>Number</c>/<c>No</c>/<c>Nr</c>/<c>Num</c>, <c>Index</c>
/// count, measure and order as often as they identify, so they do so only after a noun that has records
/// of its own (a patient, an account, a row): the same words end counts (<c>NumberOfRooms</c>),
/// quantities (<c>BodyMassIndex</c>, <c>ReynoldsNumber</c>) and ordinals (<c>WeekNumber</c>,
/// <c>RoomNumber</c>). A word alone (Spotify's musical <c>Key</c>) or a measurement of a code
/// (<c>ZipCodeDistance</c>, <c>CodeLength</c>, whose last word is the measure) is no identifier.
/// </summary>
internal static class IdentifierNames
{
    /// <summary>Last words that identify on their own: <c>PassengerId</c>, <c>SessionUuid</c>.</summary>
    private static readonly HashSet<string> IdWords = new(StringComparer.OrdinalIgnoreCase) { "id", "ids", "uid", "uuid", "guid" };

    /// <summary>Words that make a plural id a count: <c>DistinctCellIds</c>, <c>NumUniqueDeviceIds</c>.</summary>
    private static readonly HashSet<string> CountingWords = new(StringComparer.OrdinalIgnoreCase) { "distinct", "unique", "count", "number", "num", "n", "nb", "total" };

    private static bool IsPlural(string idWord) => idWord.EndsWith("s", StringComparison.OrdinalIgnoreCase);

    /// <summary>Last words that identify only after an entity noun: <c>AccountNumber</c> but not <c>WeekNumber</c>.</summary>
    private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase) { "number", "num", "no", "nr", "nbr", "index", "idx" };

    /// <summary>Last words naming what a thing is looked up by: they identify after any noun that does not classify (see <see cref="ClassifyingWords"/>).</summary>
    private static readonly HashSet<string> LookupWords = new(StringComparer.OrdinalIgnoreCase) { "code", "key", "ref", "reference" };

    /// <summary>
    /// Nouns whose code is a category of the row, not a thing rows share records of: kinds and states (<c>StatusCode</c>,
    /// <c>ErrorCode</c>), areas and places (<c>ZipCode</c>, <c>CountryCode</c>, <c>CabinDeckCode</c>), classes of people or
    /// goods (<c>GenderCode</c>, <c>CurrencyCode</c>), and keys of an order or a lookup rather than of a thing (<c>SortKey</c>).
    /// </summary>
    private static readonly HashSet<string> ClassifyingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "status", "state", "type", "kind", "class", "category", "group", "grade", "level", "tier", "rank", "band", "mode", "format",
        "error", "response", "result", "return", "exit", "reason", "cause", "outcome", "event", "action", "activity", "diagnosis",
        "procedure", "condition", "disease", "icd", "cpt", "drg", "naics", "sic", "industry", "occupation", "job", "sector",
        "zip", "postal", "post", "area", "region", "country", "county", "province", "district", "zone", "city", "town", "airport", "port",
        "deck", "floor", "section", "aisle", "bay", "room", "seat", "gate", "terminal", "route", "lane",
        "gender", "sex", "race", "ethnicity", "language", "currency", "color", "colour", "size", "fuel", "weather", "season", "shift",
        "tax", "tariff", "discount", "promo", "coupon", "voucher", "price", "rate", "fare", "payment", "channel", "source", "medium",
        "sort", "hash", "musical", "major", "minor", "access", "api", "secret", "license", "licence", "iso", "yes",
    };

    /// <summary>Words naming the row (or record) itself: what they number is unique per row.</summary>
    private static readonly HashSet<string> RowWords = new(StringComparer.OrdinalIgnoreCase) { "row", "record", "line", "entry", "observation", "primary", "surrogate" };

    /// <summary>Nouns that have records of their own, so their number repeats across the rows about them.</summary>
    private static readonly HashSet<string> EntityWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "patient", "subject", "participant", "person", "member", "user", "customer", "client", "subscriber", "passenger",
        "employee", "student", "applicant", "borrower", "account", "order", "transaction", "invoice", "claim", "policy",
        "loan", "contract", "booking", "reservation", "ticket", "case", "serial", "registration", "device", "sensor",
        "machine", "engine", "unit", "vehicle", "product", "item", "sku", "stock", "session", "household", "specimen",
        "shipment", "parcel", "tracking", "card", "phone", "application", "document", "vendor", "supplier", "merchant",
        "batch", "lot", "sample", "admission", "encounter", "visitor", "driver", "owner", "host", "listing", "trip", "call", "message",
        // A retail data set has a row per store (or shop, outlet) and day: Rossmann's Store, Walmart's store number.
        "store", "shop", "outlet",
    };

    /// <summary>The kind of identifier <paramref name="member"/> is, judged by its name and its <c>[Column]</c> name.</summary>
    public static IdentifierKind Of(ISymbol member, ITypeSymbol type, bool hasCategories)
    {
        IdentifierStorage storage = IdentifierStorages.Of(type);
        if (storage == IdentifierStorage.None) return IdentifierKind.None;
        if (storage == IdentifierStorage.Guid) return IdentifierKind.Entity;
        IdentifierKind kind = OfName(member.Name, hasCategories, storage);
        foreach (string column in ColumnNames(member))
        {
            if (IsPandasIndex(column)) return IdentifierKind.Row;
            if (kind == IdentifierKind.None) kind = OfName(column, hasCategories, storage);
        }
        return kind;
    }

    /// <summary>The kind of identifier a bare name is (words judged as documented on the class).</summary>
    public static IdentifierKind OfName(string name, bool hasCategories, IdentifierStorage storage)
    {
        string[] words = Words(name);
        if (words.Length == 0) return IdentifierKind.None;
        // A standard identifier (Imei, Vin, Isbn) names one thing with many rows, declared categories or not.
        if (WellKnownIdentifiers.End(words, storage == IdentifierStorage.Text)) return IdentifierKind.Entity;
        string last = words[words.Length - 1];
        string? previous = words.Length > 1 ? words[words.Length - 2] : null;
        if (IdWords.Contains(last))
        {
            // A count of ids (DistinctCellIds, NumUniqueDeviceIds, CountOfIds): one number of many ids, a measurement.
            if (IsPlural(last) && words.Take(words.Length - 1).Any(CountingWords.Contains)) return IdentifierKind.None;
            if (previous is null) return IdentifierKind.Entity;
            if (RowWords.Contains(previous)) return IdentifierKind.Row;
            // Declared categories make "…Id" a code of a closed set of kinds (AdmissionTypeId: eight admission types)
            // unless the noun before it has records of its own (CustomerId, PatientId): new ones arrive after training.
            return hasCategories && !EntityWords.Contains(previous) ? IdentifierKind.None : IdentifierKind.Entity;
        }
        // On a float only the words above identify: Number, Index, Code, Key measure there (ReynoldsNumber, PriceIndex).
        if (storage == IdentifierStorage.FloatingPoint) return IdentifierKind.None;
        // "Index" or "Idx" alone is the row's position (a DataFrame index written out).
        if (words.Length == 1 && last.ToLowerInvariant() is "index" or "idx" or "rownum" or "rownumber") return IdentifierKind.Row;
        bool lookup = LookupWords.Contains(last);
        if (!lookup && !NumberWords.Contains(last) || previous is null) return IdentifierKind.None;
        // A code with declared categories is a category (a diagnosis code, a product family), not a key.
        if (hasCategories && lookup) return IdentifierKind.None;
        if (RowWords.Contains(previous)) return IdentifierKind.Row;
        if (EntityWords.Contains(previous)) return IdentifierKind.Entity;
        return lookup && IsNoun(previous) && !ClassifyingWords.Contains(previous) ? IdentifierKind.Entity : IdentifierKind.None;
    }

    /// <summary>A word that can name a thing: letters, not a number or a one-letter abbreviation (<c>A1Code</c>, <c>XKey</c>).</summary>
    private static bool IsNoun(string word) => word.Length > 1 && word.All(char.IsLetter);

    /// <summary>pandas' written-out index: "Unnamed: 0" (any number), or an empty header.</summary>
    private static bool IsPandasIndex(string column) =>
        column.Trim().Length == 0
        || column.StartsWith("Unnamed:", StringComparison.OrdinalIgnoreCase) && column.Substring("Unnamed:".Length).Trim().All(char.IsDigit);

    private static IEnumerable<string> ColumnNames(ISymbol member)
    {
        foreach (AttributeData data in member.GetAttributes())
            if (data.AttributeClass is { Name: "ColumnAttribute" } && data.ConstructorArguments.Length == 1 && data.ConstructorArguments[0].Value is string name)
                yield return name;
    }

    /// <summary>
    /// "PatientNumber" → Patient, Number; "customer_id" → customer, id; "DeviceID" → Device, ID; "Paid" → Paid.
    /// A lower-case letter followed by an upper-case one starts a word; so does an upper-case letter
    /// followed by a lower-case one after other upper-case letters ("HTTPCode" → HTTP, Code).
    /// </summary>
    public static string[] Words(string name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }
            if (current.Length > 0)
            {
                char before = name[i - 1];
                bool lowerToUpper = char.IsUpper(c) && (char.IsLower(before) || char.IsDigit(before));
                bool acronymEnd = char.IsUpper(c) && char.IsUpper(before) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (lowerToUpper || acronymEnd) Flush();
            }
            current.Append(c);
        }
        Flush();
        return words.ToArray();

        void Flush()
        {
            if (current.Length > 0) words.Add(current.ToString());
            current.Clear();
        }
    }
}
