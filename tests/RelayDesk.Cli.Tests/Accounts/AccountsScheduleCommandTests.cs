using System.Text.Json;

namespace RelayDesk.Cli.Tests.Accounts;

public class AccountsScheduleCommandTests
{
    [Fact]
    public async Task Schedule_Financing_PrintsTheAnnuityToTheCentWithTheEffectiveApr()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("accounts", "schedule", "--plan", "financing", "--principal", "1000",
            "--nominal-rate", "9.99", "--months", "12", "--start", "2026-01-15", "--json");

        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        var instalments = json.GetProperty("instalments").EnumerateArray().ToList();
        Assert.Equal(12, instalments.Count);
        Assert.Equal("2026-02-15", instalments[0].GetProperty("due").GetString());
        Assert.Equal(87.91m, instalments[0].GetProperty("amount").GetDecimal());
        Assert.Equal(79.58m, instalments[0].GetProperty("principal").GetDecimal());
        Assert.Equal(8.33m, instalments[0].GetProperty("interest").GetDecimal());
        Assert.Equal(87.94m, instalments[11].GetProperty("amount").GetDecimal());
        Assert.Equal(1054.95m, json.GetProperty("total").GetDecimal());
        Assert.Equal(10.46m, json.GetProperty("effective_apr").GetDecimal());
        Assert.Equal(["instalments", "total", "effective_apr"], json.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Schedule_PayIn3_WithoutJson_PrintsAReadableTable()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("accounts", "schedule", "--plan", "pay-in-3", "--principal", "100", "--start", "2026-01-15");

        Assert.Equal(0, exit);
        Assert.Contains("2026-02-26       33.34", stdout, StringComparison.Ordinal);
        Assert.Contains("total 100.00 EUR", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_WithANegativePrincipal_IsRefusedWithAMessage()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("accounts", "schedule", "--plan", "pay-in-4", "--principal", "-5", "--start", "2026-01-15");

        Assert.Equal(2, exit);
        Assert.Contains("more than zero", stderr, StringComparison.Ordinal);
    }
}
