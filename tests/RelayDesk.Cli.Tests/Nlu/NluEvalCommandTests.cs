using System.Text.Json;

namespace RelayDesk.Cli.Tests.Nlu;

public sealed class NluEvalCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("relaydesk-nlu-").FullName;

    [Fact]
    public async Task Eval_WithJson_PrintsTheAgreedFigures()
    {
        var train = await WriteAsync("train.csv", "text,label", Repeat("when is my next payment due {0}", "next_payment"), Repeat("send me the invoice again {0}", "invoice_resend"), Repeat("what is the weather like {0}", "oos"));
        var test = await WriteAsync("test.csv", "text,category", ["when is the next payment due,next_payment", "please send me my invoice again,invoice_resend", "what is the weather in hamburg,oos"]);

        var (exit, stdout, stderr) = await CliRunner.RunAsync("nlu", "eval", "--train", train, "--test", test, "--oos-label", "oos", "--json");

        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        foreach (var field in new[] { "accuracy", "macro_f1", "oos_recall", "oos_precision", "in_scope_accuracy", "train_seconds", "model_bytes", "p50_ms", "p99_ms", "queries_per_second", "worst_classes" })
        {
            Assert.True(json.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Equal(1.0, json.GetProperty("accuracy").GetDouble());
        Assert.Equal(1.0, json.GetProperty("oos_recall").GetDouble());
    }

    [Fact]
    public async Task Eval_WithoutALabelColumn_ExitsWithAClearError()
    {
        var train = await WriteAsync("bad.csv", "text,intent", ["hello,greeting"]);

        var (exit, _, stderr) = await CliRunner.RunAsync("nlu", "eval", "--train", train);

        Assert.Equal(2, exit);
        Assert.Contains("label", stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LanguageEval_OnGermanTexts_ReportsHowOftenTheDetectorIsRightAndSure()
    {
        var texts = Path.Combine(_folder, "de.tsv");
        await File.WriteAllLinesAsync(texts, ["Wann wird meine nächste Rate abgebucht?\tx", "Ich habe das Paket zurückgeschickt, bitte stoppt die Rechnung\tx"]);

        var (exit, stdout, stderr) = await CliRunner.RunAsync("nlu", "language-eval", "--file", texts, "--language", "de", "--json");

        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(2, json.GetProperty("texts").GetInt32());
        Assert.Equal(1.0, json.GetProperty("accuracy").GetDouble());
        Assert.Equal(3, json.GetProperty("by_length").GetArrayLength());
    }

    private static string[] Repeat(string template, string label) =>
        [.. Enumerable.Range(1, 12).Select(i => $"{string.Format(System.Globalization.CultureInfo.InvariantCulture, template, i)},{label}")];

    private async Task<string> WriteAsync(string name, string header, params string[][] blocks)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllLinesAsync(path, [header, .. blocks.SelectMany(b => b)]);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
