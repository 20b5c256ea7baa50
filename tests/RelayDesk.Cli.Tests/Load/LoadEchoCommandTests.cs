using System.Text.Json;

namespace RelayDesk.Cli.Tests.Load;

public class LoadEchoCommandTests
{
    [Fact]
    public async Task LoadEcho_ShortRun_AcknowledgesAndAnswersEveryMessageAndLosesNothing()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("load", "echo", "--customers", "20", "--rate", "100", "--duration", "2",
            "--warmup", "0", "--json");

        Assert.True(exit == 0, stderr);
        var report = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(20, report.GetProperty("customers_started").GetInt32());
        Assert.True(report.GetProperty("achieved_rate").GetDouble() > 0, stdout);
        var sent = report.GetProperty("sent").GetInt64();
        Assert.True(sent > 0, stdout);
        Assert.Equal(sent, report.GetProperty("acknowledged").GetInt64());
        Assert.Equal(sent, report.GetProperty("answered").GetInt64());
        Assert.Equal(0, report.GetProperty("unanswered").GetInt64());
        Assert.Equal(0, report.GetProperty("lost").GetInt64());
        Assert.Equal(0, report.GetProperty("duplicated").GetInt64());
        Assert.Equal(20, report.GetProperty("conversations_checked").GetInt64());
        Assert.True(report.GetProperty("ack_latency_ms").GetProperty("count").GetInt64() > 0, stdout);
        Assert.True(report.GetProperty("answer_latency_ms").GetProperty("p99").GetDouble() >= 0, stdout);
    }

    [Fact]
    public async Task LoadEcho_WithoutJson_PrintsLostProminently()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("load", "echo", "--customers", "5", "--rate", "20", "--duration", "1");

        Assert.True(exit == 0, stderr);
        Assert.Contains("LOST             0", stdout, StringComparison.Ordinal);
        Assert.Contains("ack latency", stdout, StringComparison.Ordinal);
    }
}
