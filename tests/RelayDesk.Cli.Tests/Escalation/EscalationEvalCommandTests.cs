using System.Text.Json;

namespace RelayDesk.Cli.Tests.Escalation;

public sealed class EscalationEvalCommandTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"relaydesk-cases-{Guid.NewGuid():N}.tsv");

    [Fact]
    public async Task Eval_WithJson_ReportsPerClassScoresFalsePositivesAndErrors()
    {
        await File.WriteAllLinesAsync(_file, [
            "text\tlang\texpect",
            "I want to talk to a human\ten\thuman",
            "Ich habe meinen Job verloren und kann nicht zahlen\tde\thardship",
            "When is my next payment?\ten\tnot",
            "the delivery agent left my parcel\ten\tnot",
            "my order from the shop is late\ten\tdispute",
        ]);

        var (exit, stdout, _) = await CliRunner.RunAsync("escalation", "eval", "--file", _file, "--json");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(stdout).RootElement;
        var human = json.GetProperty("classes").GetProperty("human");
        Assert.Equal(1.0, human.GetProperty("recall").GetDouble());
        Assert.Equal(1, human.GetProperty("support").GetInt32());
        Assert.Equal(1.0, json.GetProperty("classes").GetProperty("hardship").GetProperty("recall").GetDouble());
        Assert.Equal(0.0, json.GetProperty("false_positive_rate").GetDouble());
        var error = Assert.Single(json.GetProperty("errors").EnumerateArray());
        Assert.Equal("dispute", error.GetProperty("expected").GetString());
        Assert.Equal("not", error.GetProperty("predicted").GetString());
        Assert.Equal(6, error.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Eval_OnTheShippedCaseFile_PrintsATable()
    {
        var cases = Path.Combine(RepositoryRoot(), "eval", "escalation", "cases.tsv");

        var (exit, stdout, _) = await CliRunner.RunAsync("escalation", "eval", "--file", cases);

        Assert.Equal(0, exit);
        Assert.Contains("false positive rate", stdout, StringComparison.Ordinal);
        Assert.Contains("hardship", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_WithoutTheExpectColumn_ExitsWithAClearError()
    {
        await File.WriteAllLinesAsync(_file, ["text\tlang", "hello\ten"]);

        var (exit, _, stderr) = await CliRunner.RunAsync("escalation", "eval", "--file", _file);

        Assert.Equal(2, exit);
        Assert.Contains("'expect' column", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_WithARulesFileThatDisablesTheHumanRequest_ExitsWithTheValidationError()
    {
        var rules = _file + ".json";
        await File.WriteAllTextAsync(rules, """{ "rules": [ { "id": "ask", "kind": "ExplicitRequest", "enabled": false, "reason": "r", "patterns": { "en": ["human"] } } ] }""");
        await File.WriteAllLinesAsync(_file, ["text\tlang\texpect", "human\ten\thuman"]);

        var (exit, _, stderr) = await CliRunner.RunAsync("escalation", "eval", "--file", _file, "--rules", rules);

        File.Delete(rules);
        Assert.Equal(2, exit);
        Assert.Contains("cannot be disabled", stderr, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RelayDesk.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RelayDesk.slnx not found above the test folder.");
    }

    public void Dispose() => File.Delete(_file);
}
