namespace ShanxiIdentity.Web.Services;

/// <summary>
/// Reads the simple UTF-8 CSV files the import commands take: a fixed header, then one record a
/// line with exactly the header's fields (optionally in double quotes, no commas inside).
/// </summary>
public static class CsvRecords
{
    public static async Task<IReadOnlyList<(int Line, string[] Fields)>> ReadAsync(TextReader csv, string header, List<string> skipped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(skipped);
        var first = await csv.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (first?.Trim().TrimStart('\uFEFF') != header)
        {
            throw new InvalidDataException($"The first line must be the header \"{header}\".");
        }

        var width = header.Split(',').Length;
        var records = new List<(int, string[])>();
        var lineNumber = 1;
        while (await csv.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',').Select(f => f.Trim().Trim('"').Trim()).ToArray();
            if (fields.Length != width)
            {
                skipped.Add($"line {lineNumber}: expected {width} fields, {header}");
                continue;
            }

            records.Add((lineNumber, fields));
        }

        return records;
    }
}
