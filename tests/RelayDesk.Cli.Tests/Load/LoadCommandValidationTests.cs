namespace RelayDesk.Cli.Tests.Load;

public class LoadCommandValidationTests
{
    [Fact]
    public async Task Load_WithARemoteUrlWithoutAllowRemote_IsRefusedWithAClearMessage()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("load", "--url", "http://desk.example.com", "--customers", "10",
            "--rate", "10", "--duration", "5");

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("is not on this machine", stderr, StringComparison.Ordinal);
        Assert.Contains("--allow-remote", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--rate", "0", "--rate must be more than 0")]
    [InlineData("--customers", "0", "--customers must be between 1 and 20000")]
    [InlineData("--duration", "3601", "--duration must be between 1 and 3600")]
    [InlineData("--rate", "100001", "--rate must be more than 0 and at most 100000")]
    public async Task LoadEcho_WithAnOutOfRangeCount_IsRefusedWithAClearMessage(string option, string value, string message)
    {
        var args = new Dictionary<string, string> { ["--customers"] = "10", ["--rate"] = "10", ["--duration"] = "5" };
        args[option] = value;

        var (exit, _, stderr) = await CliRunner.RunAsync(["load", "echo", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_WithAgentsButNoPassword_IsRefusedWithAClearMessage()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("load", "--url", "http://127.0.0.1:5399", "--customers", "10",
            "--rate", "10", "--duration", "5", "--agents", "2");

        Assert.Equal(2, exit);
        Assert.Contains("--agents needs --agent-password", stderr, StringComparison.Ordinal);
    }
}
