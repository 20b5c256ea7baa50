using Microsoft.Playwright;

namespace RelayDesk.Browser.Tests;

public sealed class StaffingPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 60_000;

    [Fact]
    public async Task ASupervisor_SeesNextWeeksPlan_AndAWhatIfChangesIt()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);

        await page.GotoAsync("/agent/login");
        await page.Locator("[data-testid=login-email]").FillAsync("supervisor@demo.local");
        await page.Locator("[data-testid=login-password]").FillAsync(BrowserFixture.DemoPassword);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/agent", StringComparison.Ordinal));
        await page.Locator("[data-testid=nav-staffing]").ClickAsync();

        var fte = page.Locator("[data-testid=staffing-fte]");
        await Assertions.Expect(fte).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d$"));
        await Assertions.Expect(page.Locator("[data-testid=staffing-chart] svg").First).ToBeVisibleAsync();
        var before = double.Parse(await fte.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await page.Locator("[data-testid=staffing-containment] input, input[data-testid=staffing-containment]").First.FillAsync("-20");
        await page.Locator("[data-testid=staffing-plan]").ClickAsync();
        await Assertions.Expect(fte).Not.ToHaveTextAsync(before.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
        var after = double.Parse(await fte.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(after > before, $"{after} FTE after 20 points less containment vs {before}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "staffing.png"), FullPage = true });
    }
}
