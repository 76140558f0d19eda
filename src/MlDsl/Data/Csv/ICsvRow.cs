namespace MlDsl.Data.Csv;

/// <summary>Implemented by the generator for every [Dataset] row: a typed, reflection-free CSV record reader.</summary>
public interface ICsvRow<TSelf> where TSelf : ICsvRow<TSelf>
{
    /// <summary>The columns the row reads, in the order <see cref="FromCsv"/> refers to them.</summary>
    static abstract IReadOnlyList<CsvColumn> CsvColumns { get; }

    /// <summary>Builds a row from one record; <see cref="CsvRecord"/>'s getters throw <see cref="CsvDataException"/> on bad values.</summary>
    static abstract TSelf FromCsv(CsvRecord record);
}
