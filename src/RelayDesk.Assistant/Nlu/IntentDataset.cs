using System.Text;

namespace RelayDesk.Assistant.Nlu;

/// <summary>
/// Loads intent data from CSV (RFC 4180, UTF-8) with a header of <c>text,label</c> or <c>text,category</c>
/// (column order free, names case-insensitive, extra columns ignored), and splits it.
/// </summary>
public static class IntentDataset
{
    private static readonly string[] LabelHeaders = ["label", "category", "intent"];

    public static IReadOnlyList<IntentExample> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return Parse(reader);
    }

    public static IReadOnlyList<IntentExample> Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StringReader(csv);
        return Parse(reader);
    }

    public static IReadOnlyList<IntentExample> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = ReadRecords(reader);
        using var e = records.GetEnumerator();
        if (!e.MoveNext())
        {
            throw new FormatException("CSV is empty; expected a header 'text,label' or 'text,category'.");
        }

        var header = e.Current.Fields;
        int textCol = IndexOf(header, "text");
        int labelCol = -1;
        foreach (var name in LabelHeaders)
        {
            labelCol = IndexOf(header, name);
            if (labelCol >= 0)
            {
                break;
            }
        }

        if (textCol < 0 || labelCol < 0)
        {
            throw new FormatException(
                $"CSV header must contain 'text' and 'label' (or 'category'); found: {string.Join(",", header)}");
        }

        var rows = new List<IntentExample>();
        while (e.MoveNext())
        {
            var (fields, line) = e.Current;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }

            if (fields.Count <= Math.Max(textCol, labelCol))
            {
                throw new FormatException($"CSV record starting at line {line} has {fields.Count} fields; expected at least {Math.Max(textCol, labelCol) + 1}.");
            }

            string text = fields[textCol].Trim();
            string label = fields[labelCol].Trim();
            if (text.Length == 0 || label.Length == 0)
            {
                continue;
            }

            rows.Add(new IntentExample(text, label));
        }

        return rows;
    }

    private static int IndexOf(List<string> header, string name)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim().TrimStart('\uFEFF'), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>RFC 4180 reader: quoted fields may contain commas, doubled quotes and line breaks; CRLF or LF.</summary>
    private static IEnumerable<(List<string> Fields, int Line)> ReadRecords(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool inQuotes = false;
        bool any = false;
        int line = 1;
        int startLine = 1;
        int c;
        while ((c = reader.Read()) != -1)
        {
            char ch = (char)c;
            any = true;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return (fields, startLine);
                    fields = [];
                    any = false;
                    line++;
                    startLine = line;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new FormatException($"Unterminated quoted field in CSV record starting at line {startLine}.");
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return (fields, startLine);
        }
    }

    /// <summary>Writes rows as UTF-8 CSV with header <c>text,label</c>, quoting per RFC 4180 where needed.</summary>
    public static void Write(string path, IEnumerable<IntentExample> rows)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(rows);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write("text,label\n");
        foreach (var r in rows)
        {
            w.Write(Quote(r.Text));
            w.Write(',');
            w.Write(Quote(r.Label));
            w.Write('\n');
        }

        static string Quote(string v) => v.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    /// <summary>
    /// Deterministic stratified split: for every label, <c>round(n × fraction)</c> rows (at least one when the
    /// class has two or more rows, never all of them) go to <see cref="DatasetSplit.Holdout"/>. Every class
    /// therefore stays in <see cref="DatasetSplit.Train"/>. Order inside each part follows the input order.
    /// </summary>
    public static DatasetSplit StratifiedSplit(IReadOnlyList<IntentExample> rows, double holdoutFraction, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (holdoutFraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutFraction), "must be in (0, 1)");
        }

        var holdout = new bool[rows.Count];
        foreach (var group in GroupIndicesByLabel(rows))
        {
            int n = group.Count;
            int k = (int)Math.Round(n * holdoutFraction, MidpointRounding.AwayFromZero);
            k = n >= 2 ? Math.Clamp(k, 1, n - 1) : 0;
            var order = Shuffled(group, seed, group.Count > 0 ? rows[group[0]].Label : "");
            for (int i = 0; i < k; i++)
            {
                holdout[order[i]] = true;
            }
        }

        var train = new List<IntentExample>(rows.Count);
        var test = new List<IntentExample>();
        for (int i = 0; i < rows.Count; i++)
        {
            (holdout[i] ? test : train).Add(rows[i]);
        }

        return new DatasetSplit(train, test);
    }

    /// <summary>Deterministic stratified k-fold assignment: returns the fold (0..k-1) of every row.</summary>
    public static int[] StratifiedFolds(IReadOnlyList<IntentExample> rows, int folds, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var fold = new int[rows.Count];
        int offset = 0;
        foreach (var group in GroupIndicesByLabel(rows))
        {
            var order = Shuffled(group, seed, rows[group[0]].Label);
            for (int i = 0; i < order.Count; i++)
            {
                fold[order[i]] = (i + offset) % folds; // rotate so small classes do not all start in fold 0
            }

            offset += order.Count;
        }

        return fold;
    }

    private static IEnumerable<List<int>> GroupIndicesByLabel(IReadOnlyList<IntentExample> rows)
    {
        var groups = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < rows.Count; i++)
        {
            if (!groups.TryGetValue(rows[i].Label, out var list))
            {
                groups[rows[i].Label] = list = [];
            }

            list.Add(i);
        }

        return groups.Values;
    }

    private static List<int> Shuffled(List<int> indices, int seed, string label)
    {
        // Seed per class from a stable string hash so that the split does not depend on class order.
        var rng = new Random(unchecked(seed * 31 + StableHash(label)));
        var copy = new List<int>(indices);
        for (int i = copy.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy;
    }

    internal static int StableHash(string s)
    {
        unchecked
        {
            uint h = 2166136261;
            foreach (char ch in s)
            {
                h = (h ^ ch) * 16777619;
            }

            return (int)(h & 0x7FFFFFFF);
        }
    }
}
