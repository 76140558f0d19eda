using System;
using System.Collections.Generic;
using System.Linq;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// Standard identifiers that need no identifier word: a phone's <c>Imei</c>, a car's <c>Vin</c>, a book's <c>Isbn</c>.
/// Each is issued to one thing that data sets record many rows about (a handset's daily usage, a car's services, a book's
/// ratings), so as a feature it is a group key, never a measurement. They identify only as the last word(s) of a name
/// (<c>DeviceImei</c>, <c>device_imei</c>, <c>IMEI</c>, <c>ImeiNumber</c>); a name that goes on to a measure of one
/// (<c>ImeiLength</c>, <c>VinCheckDigitCount</c>, <c>EmailDomainLength</c>) ends in that measure and is no identifier.
/// </summary>
/// <remarks>
/// Left out on purpose: <c>TIN</c> (tin is a metal: alloy and soil data sets have a <c>Tin</c> column; a tax id is
/// <c>TaxId</c>), a bare <c>Mac</c> or <c>Ip</c> (an operating-system flag, an inpatient count), a bare <c>Plate</c>
/// (a laboratory plate), <c>Address</c> alone (a postal address places rows, like a zip code).
/// </remarks>
internal static class WellKnownIdentifiers
{
    /// <summary>An identifier's words (<c>phone number</c>) and whether only text can hold it.</summary>
    /// <remarks>
    /// Text-only identifiers contain letters (a VIN, an IBAN, an e-mail address), so a number with that name is something
    /// else: <c>Asin</c> as a float is an arcsine, <c>Email</c> as an int is a flag for the contact channel.
    /// </remarks>
    private sealed class Identifier
    {
        /// <summary>
        /// Short spellings of a closing "number": <c>AccountNo</c>, <c>CardNr</c>, <c>PhoneNum</c>, <c>SerialNbr</c> name the
        /// same number as the full phrase, on every type the phrase is judged on.
        /// </summary>
        private static readonly string[] NumberAbbreviations = { "no", "nr", "num", "nbr" };

        public Identifier(string words, bool textOnly)
        {
            string[] full = words.Split(' ');
            var spellings = new List<string[]> { full };
            if (full.Length > 1 && full[full.Length - 1] == "number")
                foreach (string abbreviation in NumberAbbreviations)
                    spellings.Add(full.Take(full.Length - 1).Concat(new[] { abbreviation }).ToArray());
            Spellings = spellings.ToArray();
            TextOnly = textOnly;
        }

        /// <summary>The identifier's words (<c>account number</c>) and their short spellings (<c>account no</c>).</summary>
        private string[][] Spellings { get; }

        public bool TextOnly { get; }

        /// <summary>Whether <paramref name="name"/>'s words before index <paramref name="end"/> end with this identifier.</summary>
        public bool EndsAt(IReadOnlyList<string> name, int end) => Spellings.Any(words => EndsAt(name, end, words));

        private static bool EndsAt(IReadOnlyList<string> name, int end, string[] words)
        {
            if (end < 1) return false;
            // The words written as one (phonenumber, accountno), as lower-case column names have them.
            if (string.Equals(name[end - 1], string.Concat(words), StringComparison.OrdinalIgnoreCase)) return true;
            if (words.Length == 1 || end < words.Length) return false;
            for (int i = 0; i < words.Length; i++)
                if (!string.Equals(name[end - words.Length + i], words[i], StringComparison.OrdinalIgnoreCase)) return false;
            return true;
        }
    }

    private static readonly Identifier[] All =
    {
        // Telecom: a handset (IMEI, MEID), a SIM subscription (IMSI), a SIM card (ICCID), a subscriber's number (MSISDN);
        // each has a row per day, call or session.
        NumberOrText("imei"), NumberOrText("meid"), NumberOrText("imsi"), NumberOrText("iccid"), NumberOrText("msisdn"),
        NumberOrText("phone number"), NumberOrText("mobile number"),
        // Networks: a device's hardware address, a host's address; logs have many rows per host.
        NumberOrText("mac address"), NumberOrText("ip address"),
        // Vehicles: a car has rows per service, inspection or trip.
        TextOnly("vin"), TextOnly("license plate"), TextOnly("licence plate"), TextOnly("number plate"),
        // People: national and travel numbers, an e-mail address; a person has rows per visit, claim or order.
        NumberOrText("ssn"), NumberOrText("social security number"), TextOnly("nino"), NumberOrText("nin"), TextOnly("passport number"),
        TextOnly("email"), TextOnly("email address"),
        // Health: a patient's medical record number, a provider's National Provider Identifier (rows per claim).
        NumberOrText("mrn"), NumberOrText("medical record number"), NumberOrText("npi"),
        // The UK's patient identifier (ten digits), one patient over their episodes.
        NumberOrText("nhs number"),
        // Business: an employer's EIN (rows per filing or employee).
        NumberOrText("ein"),
        // Books, journals and goods: rows per rating, sale or stock movement of one title or product.
        NumberOrText("isbn"), NumberOrText("issn"), NumberOrText("ean"), NumberOrText("upc"), NumberOrText("gtin"), NumberOrText("sku"), TextOnly("asin"),
        // Banking: an account has rows per transaction.
        TextOnly("iban"), NumberOrText("account number"), NumberOrText("card number"),
        // Insurance: one policy over its claims and renewals.
        NumberOrText("policy number"),
        // Equipment: one machine's serial number over its readings.
        NumberOrText("serial number"),
        // Ships: a vessel's radio (MMSI, nine digits), its hull (IMO number, seven digits) and its call sign; AIS and port
        // data have a row per position report or port call. ImoClass (a cargo's hazard class) ends in its own word.
        NumberOrText("mmsi"), NumberOrText("imo"), TextOnly("call sign"),
        // Aircraft: the transponder's ICAO 24-bit address, the tail number (registration), a scheduled flight's number;
        // rows per flight, position or leg. A bare Icao is left out: it is as often an airport's code, a place.
        NumberOrText("icao24"), NumberOrText("icao address"), TextOnly("tail number"), TextOnly("aircraft registration"),
        NumberOrText("flight number"),
        // Freight: a shipping container (ISO 6346, letters and digits), an air waybill, a parcel's tracking number. A bare
        // Awb is left out: in camera data it is the auto white balance.
        TextOnly("container number"), NumberOrText("awb number"), NumberOrText("waybill number"), NumberOrText("tracking number"),
        // Energy: an electricity supply point (MPAN), a gas one (MPRN), a meter's number; rows per reading.
        // MeterReading ends in its own word.
        NumberOrText("mpan"), NumberOrText("mprn"), NumberOrText("meter number"),
        // Oil and gas: a well's API number and its unique well identifier (UWI); rows per day of production.
        // ApiGravity (an oil's density) ends in its own word.
        NumberOrText("api number"), NumberOrText("uwi"),
    };

    /// <summary>Words that may follow an identifier and still name it: <c>ImeiNumber</c>, <c>VinNo</c>, <c>SkuCode</c>, <c>IsbnId</c>.</summary>
    private static readonly HashSet<string> Restatements = new(StringComparer.OrdinalIgnoreCase) { "id", "number", "num", "no", "nr", "code" };

    /// <summary>
    /// Whether a name's <paramref name="words"/> end with a well-known identifier that a member holding
    /// <paramref name="text"/> (or a number, when false) can be.
    /// </summary>
    public static bool End(IReadOnlyList<string> words, bool text)
    {
        int end = words.Count;
        bool restated = end > 1 && Restatements.Contains(words[end - 1]);
        return All.Any(identifier => (text || !identifier.TextOnly)
            && (identifier.EndsAt(words, end) || restated && identifier.EndsAt(words, end - 1)));
    }

    private static Identifier NumberOrText(string words) => new(words, textOnly: false);

    private static Identifier TextOnly(string words) => new(words, textOnly: true);
}
