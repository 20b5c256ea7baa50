using System.Text.Json;

namespace RelayDesk.Cli.Tests.Staffing;

public class StaffingErlangCommandTests
{
    [Fact]
    public async Task Erlang_WithJson_PrintsThePublishedWorkedExample()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("staffing", "erlang", "--arrivals", "360", "--interval-seconds", "1800",
            "--aht-seconds", "240", "--agents", "55", "--answer-within", "15", "--json");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(48, json.GetProperty("offered_load").GetDouble(), 6);
        Assert.Equal(0.2387, json.GetProperty("p_wait").GetDouble(), 3);
        Assert.Equal(0.846, json.GetProperty("service_level").GetDouble(), 3);
        Assert.Equal(8.18, json.GetProperty("asa_seconds").GetDouble(), 2);
        Assert.Equal(0.8727, json.GetProperty("occupancy").GetDouble(), 3);
        Assert.Equal(0, json.GetProperty("p_abandon").GetDouble());
    }

    [Fact]
    public async Task Erlang_WithATarget_ReturnsTheSmallestStaffingThatMeetsIt()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("staffing", "erlang", "--arrivals", "360", "--interval-seconds", "1800",
            "--aht-seconds", "240", "--target-service-level", "0.8", "--answer-within", "15", "--json");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(55, json.GetProperty("agents").GetInt32());
        Assert.True(json.GetProperty("service_level").GetDouble() >= 0.8);
    }

    [Fact]
    public async Task Erlang_WithPatience_UsesErlangAAndReportsAbandonment()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("staffing", "erlang", "--arrivals", "360", "--interval-seconds", "1800",
            "--aht-seconds", "240", "--agents", "50", "--answer-within", "20", "--patience-seconds", "180", "--json");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.True(json.GetProperty("p_abandon").GetDouble() > 0);
        Assert.Equal("erlang-a", json.GetProperty("model").GetString());
    }

    [Theory]
    [InlineData("--aht-seconds", "0", "averageHandleTimeSeconds")]
    [InlineData("--aht-seconds", "-5", "averageHandleTimeSeconds")]
    public async Task Erlang_WithBadInput_ExitsWithAClearError(string option, string value, string mentioned)
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("staffing", "erlang", "--arrivals", "360", option, value, "--agents", "5");

        Assert.Equal(2, exit);
        Assert.Contains(mentioned, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erlang_WithATargetOfOneHundredPercent_IsRefused()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("staffing", "erlang", "--arrivals", "360", "--aht-seconds", "240", "--target-service-level", "1");

        Assert.Equal(2, exit);
        Assert.Contains("error:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erlang_WithBothAgentsAndTarget_IsRefused()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("staffing", "erlang", "--arrivals", "360", "--aht-seconds", "240", "--agents", "5", "--target-service-level", "0.8");

        Assert.Equal(2, exit);
        Assert.Contains("either --agents", stderr, StringComparison.Ordinal);
    }
}
