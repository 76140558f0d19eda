namespace MlDsl.Data;

/// <summary>A row whose data does not match its dataset's declaration. The message names the row type, member and row.</summary>
public sealed class RowDataException : Exception
{
    public RowDataException(string rowType, string member, string expected, string found, int? rowIndex = null)
        : base($"{rowType}{(rowIndex is { } index ? $" row {index}" : "")}: {member} should be {expected} but is {found}")
    {
        RowType = rowType;
        Member = member;
        Expected = expected;
        Found = found;
        RowIndex = rowIndex;
    }

    public string RowType { get; }
    public string Member { get; }
    public string Expected { get; }
    public string Found { get; }
    public int? RowIndex { get; }

    /// <summary>The same problem, located at a row of the input list.</summary>
    public RowDataException AtRow(int rowIndex) => new(RowType, Member, Expected, Found, rowIndex);

    /// <summary>Used by generated code to describe an array feature's actual length.</summary>
    public static string DescribeLength(Array? array) => array is null ? "null" : $"{array.Length} values";
}
