using RelayDesk.Assistant.Nlu;

namespace RelayDesk.Assistant.Tests.Nlu;

public sealed class IntentDatasetTests
{
    [Fact]
    public void Parse_handles_rfc4180_quoting_commas_doubled_quotes_and_line_breaks()
    {
        const string csv = "text,label\r\n"
            + "plain text,a\r\n"
            + "\"with, comma\",b\r\n"
            + "\"she said \"\"hi\"\"\",c\r\n"
            + "\"two\nlines\",a\n"
            + "\"ümlaut – äöü\",b";

        var rows = IntentDataset.Parse(csv);

        Assert.Equal(
            [
                new IntentExample("plain text", "a"),
                new IntentExample("with, comma", "b"),
                new IntentExample("she said \"hi\"", "c"),
                new IntentExample("two\nlines", "a"),
                new IntentExample("ümlaut – äöü", "b"),
            ],
            rows);
    }

    [Fact]
    public void Parse_accepts_text_category_header_and_any_column_order()
    {
        Assert.Equal([new IntentExample("I am still waiting on my card?", "card_arrival")],
            IntentDataset.Parse("text,category\n\"I am still waiting on my card?\",card_arrival\n"));
        Assert.Equal([new IntentExample("hello", "greeting")],
            IntentDataset.Parse("label,text\ngreeting,hello\n"));
    }

    [Fact]
    public void Parse_rejects_unknown_header_and_unterminated_quote()
    {
        Assert.Throws<FormatException>(() => IntentDataset.Parse("sentence,intent\nx,y\n"));
        Assert.Throws<FormatException>(() => IntentDataset.Parse("text,label\n\"open,a\n"));
    }

    [Fact]
    public void Load_reads_utf8_file_with_bom()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "text,label\nwann ist die nächste Rate fällig,next_payment\n", new System.Text.UTF8Encoding(true));
            var rows = IntentDataset.Load(path);
            Assert.Equal([new IntentExample("wann ist die nächste Rate fällig", "next_payment")], rows);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void StratifiedSplit_keeps_every_class_in_both_parts_and_is_deterministic()
    {
        var rows = new List<IntentExample>();
        int[] sizes = [2, 3, 9, 10, 11, 40, 187];
        for (int c = 0; c < sizes.Length; c++)
        {
            for (int i = 0; i < sizes[c]; i++)
            {
                rows.Add(new IntentExample($"text {c} {i}", $"class{c}"));
            }
        }

        var split = IntentDataset.StratifiedSplit(rows, 0.1, seed: 7);

        var all = rows.Select(r => r.Label).Distinct().ToHashSet();
        Assert.Equal(all, split.Train.Select(r => r.Label).ToHashSet());
        Assert.Equal(all, split.Holdout.Select(r => r.Label).ToHashSet());
        Assert.Equal(rows.Count, split.Train.Count + split.Holdout.Count);
        Assert.Empty(split.Train.Intersect(split.Holdout));
        Assert.Equal(19, split.Holdout.Count(r => r.Label == "class6")); // round(187 × 0.1)
        Assert.Equal(split.Holdout, IntentDataset.StratifiedSplit(rows, 0.1, seed: 7).Holdout);
        Assert.NotEqual(split.Holdout, IntentDataset.StratifiedSplit(rows, 0.1, seed: 8).Holdout);
    }

    [Fact]
    public void StratifiedFolds_spread_each_class_over_all_folds()
    {
        var rows = Enumerable.Range(0, 50).Select(i => new IntentExample($"t{i}", i % 2 == 0 ? "even" : "odd")).ToList();
        var folds = IntentDataset.StratifiedFolds(rows, 5, seed: 1);
        for (int f = 0; f < 5; f++)
        {
            Assert.Equal(5, Enumerable.Range(0, 50).Count(i => folds[i] == f && rows[i].Label == "even"));
            Assert.Equal(5, Enumerable.Range(0, 50).Count(i => folds[i] == f && rows[i].Label == "odd"));
        }
    }
}
